import { run } from '@statewright/runtime'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { lambda, workflow } from '../src/index.ts'

const Order = z.object({ orderId: z.string(), amount: z.number() })

describe("resultPath('$.payment') runs as its type says", () => {
  test('the result lands in the field payment, beside the input', async () => {
    const charge = lambda('ChargeFunction', {
      input: Order,
      output: z.object({ paymentId: z.string() }),
      handler: (order) => ({ paymentId: `p-${order.orderId}` }),
    })
    const flow = workflow('Dollar', { input: Order }, (start) =>
      start.task(charge, (t) => t.resultPath('$.payment')),
    )
    expect(flow.toAsl().States['Charge']).toMatchObject({ ResultPath: '$.payment' })
    const result = await run(flow, { orderId: 'o1', amount: 5 })
    expect(result.status).toBe('SUCCEEDED')
    expect(result.output).toStrictEqual({
      orderId: 'o1',
      amount: 5,
      payment: { paymentId: 'p-o1' },
    })
  })
})
