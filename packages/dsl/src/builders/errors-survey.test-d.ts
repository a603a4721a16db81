import { describe, expectTypeOf, test } from 'vitest'
import { z } from 'zod'
import { type DslTypeError, lambda, type OutputOf, parallel, workflow } from '../index.ts'
import type { ChainEnded, ClosedChain } from './chain.ts'

// Mistakes a new user makes, each reported with a sentence on the argument (or call) that is wrong.
const Order = z.object({ orderId: z.string(), amount: z.number() })
const charge = lambda('ChargeFunction', {
  input: Order,
  output: z.object({ paymentId: z.string() }),
})

describe('a state after the chain has ended', () => {
  test('calling a chain method on a closed chain shows why', () => {
    workflow('After', { input: Order }, (start) =>
      start
        .succeed('Done')
        // @ts-expect-error the chain ended in Succeed: nothing can follow it
        .task(charge),
    )
    workflow('AfterFail', { input: Order }, (start) =>
      start
        .fail('Failed')
        // @ts-expect-error the chain ended in Fail
        .next(charge as never),
    )
    type Closed = ClosedChain<{ orderId: string }>
    expectTypeOf<Closed['task']>().toEqualTypeOf<DslTypeError<ChainEnded>>()
  })
})

describe('a Parallel without branches', () => {
  test('is refused with the sentence, chained and standalone', () => {
    workflow('Empty', { input: Order }, (start) =>
      // @ts-expect-error a Parallel needs at least one branch
      start.parallel('None', []),
    )
    // @ts-expect-error a Parallel needs at least one branch
    parallel('None', [])
  })
})

describe("resultPath('$.field')", () => {
  test("types the output as resultPath('field') does, as it runs (not a field named '$')", () => {
    const flow = workflow('Dollar', { input: Order }, (start) =>
      start.task(charge, (t) => t.resultPath('$.payment')),
    )
    const plain = workflow('Plain', { input: Order }, (start) =>
      start.task(charge, (t) => t.resultPath('payment')),
    )
    expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<OutputOf<typeof plain>>()
    expectTypeOf<OutputOf<typeof flow>['payment']>().toEqualTypeOf<{ paymentId: string }>()
  })
})
