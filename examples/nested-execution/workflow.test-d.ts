import { type OutputOf, startExecution, workflow } from '@statewright/dsl'
import { describe, expectTypeOf, test } from 'vitest'
import { z } from 'zod'
import { shipOrder } from './child.ts'
import { type Label, Order } from './tasks.ts'

describe('nested-execution: types', () => {
  test("the child's output type is its last task's output", () => {
    expectTypeOf<OutputOf<typeof shipOrder>>().toEqualTypeOf<z.output<typeof Label>>()
  })

  test("the parent reads the child's Output typed, and must pass the child's input", () => {
    workflow('Typed', { input: Order }, (start) =>
      start.task(startExecution(shipOrder, { sync: true }), (t) =>
        t
          .parameters((s) => ({
            Input: { orderId: s.orderId, address: s.address, items: s.items },
          }))
          .resultSelector((r) => ({ tracking: r.Output.trackingNumber })),
      ),
    )
    workflow('MissingField', { input: Order }, (start) =>
      start.task(startExecution(shipOrder, { sync: true }), (t) =>
        // @ts-expect-error the child's input needs address and items too
        t.parameters((s) => ({ Input: { orderId: s.orderId } })),
      ),
    )
    workflow('UnknownOutput', { input: Order }, (start) =>
      start.task(startExecution(shipOrder, { sync: true }), (t) =>
        // @ts-expect-error the child's output has no 'eta'
        t.resultSelector((r) => ({ eta: r.Output.eta })),
      ),
    )
  })
})
