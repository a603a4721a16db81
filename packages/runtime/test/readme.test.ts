// The first example of packages/runtime/README.md, as written there, executed: the README shows what
// this asserts (a definition typed with `satisfies AslStateMachine`, a handler keyed by function name).
import { describe, expect, test } from 'vitest'
import { run, type AslStateMachine } from '@statewright/runtime'

const definition = {
  StartAt: 'ChargeCard',
  States: {
    ChargeCard: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: 'ChargeCard', 'Payload.$': '$' },
      ResultSelector: { 'paymentId.$': '$.Payload.paymentId' },
      End: true,
    },
  },
} satisfies AslStateMachine

describe('runtime README', () => {
  test('the first example succeeds with the handler answer selected from the Payload', async () => {
    const result = await run(
      definition,
      { orderId: '1', amount: 5 },
      { handlers: { ChargeCard: async () => ({ paymentId: 'p-1' }) } },
    )

    expect(result.status).toBe('SUCCEEDED')
    expect(result.output).toStrictEqual({ paymentId: 'p-1' })
    expect(result.elapsedMs).toBe(0)
  })

  test('the same definition given as JSON text (as read from a file) runs the same way', async () => {
    const result = await run(
      JSON.stringify(definition),
      { orderId: '1', amount: 5 },
      { handlers: { ChargeCard: async () => ({ paymentId: 'p-1' }) } },
    )

    expect(result.status).toBe('SUCCEEDED')
    expect(result.output).toStrictEqual({ paymentId: 'p-1' })
  })
})
