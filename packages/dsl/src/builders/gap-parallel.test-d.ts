// Gaps 1 and 2 of COVERAGE.md: a Parallel's parameters() types its branches' input, and references into its
// tuple result keep the positions.
import { describe, expectTypeOf, test } from 'vitest'
import { z } from 'zod'
import {
  at,
  lambda,
  type OutputOf,
  parallel,
  type Ref,
  task,
  variable,
  workflow,
} from '../index.ts'

const Order = z.object({
  id: z.string(),
  limit: z.number(),
  customer: z.object({ tier: z.string() }),
})
const audit = lambda('Audit', {
  input: z.object({ id: z.string(), n: z.number() }),
  output: z.object({ audited: z.string() }),
})
const rate = lambda('Rate', {
  input: z.object({ tier: z.string() }),
  output: z.object({ score: z.number() }),
})

describe('gap 1: the branches run on what parameters builds', () => {
  test('the branch callbacks are typed by the built value, not the raw input', () => {
    const flow = workflow('Reshape', { input: Order }, (start) =>
      start.parallel('Both', {
        parameters: (s) => ({ id: s.id, n: s.limit }),
        branches: [
          (b) => {
            expectTypeOf<OutputOf<typeof b>>().toEqualTypeOf<{ id: string; n: number }>()
            return b.task(audit)
          },
          (b) => b.pass('Keep'),
        ],
      }),
    )
    expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<
      [{ audited: string }, { id: string; n: number }]
    >()
  })

  test('a bare reference (InputPath) hands the branches that part', () => {
    const flow = workflow('Part', { input: Order }, (start) =>
      start.parallel(
        'Rate',
        { parameters: (s) => s.customer, branches: [(b) => b.task(rate)] },
        (p) => p.resultPath('rating'),
      ),
    )
    expectTypeOf<OutputOf<typeof flow>>().toHaveProperty('rating')
    expectTypeOf<OutputOf<typeof flow>['rating']>().toEqualTypeOf<[{ score: number }]>()
  })

  test('a standalone Parallel reads the annotated input', () => {
    const both = parallel('Alone', {
      parameters: (s: Ref<z.input<typeof Order>>) => ({ id: s.id, n: s.limit }),
      branches: [task(audit)],
    })
    expectTypeOf<OutputOf<typeof both>>().toEqualTypeOf<[{ audited: string }]>()
  })

  test('a branch reading what parameters dropped is refused', () => {
    workflow('Raw', { input: Order }, (start) =>
      start.parallel('Both', {
        parameters: (s) => ({ id: s.id, n: s.limit }),
        branches: [
          // @ts-expect-error the branch input has no customer: parameters dropped it
          (b) => b.pass('P', (p) => p.parameters((s) => ({ tier: s.customer.tier }))),
        ],
      }),
    )
  })
})

describe('gap 2: references into the tuple result keep their positions', () => {
  const audited = variable<string>('audited')
  test('r[1] is the second branch output', () => {
    const flow = workflow('Tuple', { input: Order }, (start) =>
      start.parallel(
        'Both',
        {
          parameters: (s) => ({ id: s.id, n: s.limit, tier: s.customer.tier }),
          branches: [task(rate), task(audit)],
        },
        (p) =>
          p
            .assign(audited, (r) => r[1].audited)
            .resultSelector((r) => ({ score: r[0].score, audited: r[1].audited, both: at(r, 0) })),
      ),
    )
    expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<{
      score: number
      audited: string
      both: { score: number } | { audited: string }
    }>()
  })

  test('a position past the end, or a field of the other branch, is refused', () => {
    workflow('Past', { input: Order }, (start) =>
      start.parallel('Both', [(b) => b.pass('Keep')], (p) =>
        // @ts-expect-error the tuple has one element: there is no r[1]
        p.resultSelector((r) => ({ x: r[1] })),
      ),
    )
    workflow('Other', { input: Order }, (start) =>
      start.parallel(
        'Both',
        {
          parameters: (s) => ({ id: s.id, n: s.limit, tier: s.customer.tier }),
          branches: [task(rate), task(audit)],
        },
        (p) =>
          // @ts-expect-error score is the first branch's field, not the second's
          p.resultSelector((r) => ({ x: r[1].score })),
      ),
    )
  })
})

describe('a branch given as a state must accept the Parallel input', () => {
  test('accepted: a state whose schema the input fits, beside a callback', () => {
    const idOnly = lambda('IdOnly', {
      input: z.object({ id: z.string() }),
      output: z.object({ seen: z.boolean() }),
    })
    const flow = workflow('Fits', { input: Order }, (start) =>
      start.parallel('Both', [task(idOnly), (b) => b.pass('Keep')]),
    )
    expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<
      [{ seen: boolean }, z.input<typeof Order>]
    >()
  })

  test('rejected: a state needing data the input does not have (the sentence is on that element)', () => {
    workflow('Misfit', { input: Order }, (start) =>
      start.parallel('Both', [
        (b) => b.pass('Keep'),
        // @ts-expect-error rate needs tier at the top level, which Order has only under customer
        task(rate),
      ]),
    )
  })
})
