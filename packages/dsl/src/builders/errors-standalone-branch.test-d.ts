import { describe, expectTypeOf, test } from 'vitest'
import { z } from 'zod'
import {
  lambda,
  localVariable,
  type OutputOf,
  parallel,
  pass,
  type Ref,
  task,
  variable,
  workflow,
} from '../index.ts'
import type { DslTypeError } from '../type-utils.ts'
import type { BranchScopesFit } from './parallel.ts'

// A standalone piece refused as a Parallel branch is reported on that branch, with a sentence (not the mark
// text "'assigns a workflow variable' is not assignable to …").
const Input = z.object({ items: z.array(z.object({ n: z.number() })) })
const Item = z.object({ n: z.number() })
const total = variable<number>('total')
const seen = localVariable<number>('seen')
const record = lambda('Record', { input: Item, output: z.object({ ok: z.boolean() }) })
const setsTotal = task(record).assign(total, () => 1)
const readsTotal = pass('ReadsTotal').parameters(() => ({ total }))
const setsSeen = task(record, { name: 'SetsSeen' }).assign(seen, () => 1)

describe('a Parallel branch made on its own', () => {
  test('the sentence is computed per branch', () => {
    type InBranch = BranchScopesFit<'nested', readonly [typeof setsTotal, typeof readsTotal]>
    expectTypeOf<InBranch[0]>().toExtend<
      DslTypeError<`This branch assigns a workflow variable${string}`>
    >()
    expectTypeOf<InBranch[1]>().toBeUnknown()
    type InDistributed = BranchScopesFit<
      'distributed',
      readonly [typeof setsSeen, typeof readsTotal]
    >
    expectTypeOf<InDistributed[0]>().toBeUnknown()
    expectTypeOf<InDistributed[1]>().toExtend<
      DslTypeError<`This branch reads a workflow variable${string}`>
    >()
  })

  test('that assigns a workflow variable is refused on that element', () => {
    workflow('Branches', { input: Item }, (start) =>
      start
        .parallel('Both', [
          readsTotal,
          // @ts-expect-error the second branch assigns total: the error is on it, not on the first
          setsTotal,
        ])
        .pass('Then'),
    )
    parallel('Standalone', [
      setsSeen,
      // @ts-expect-error a branch that assigns total, in a standalone Parallel
      setsTotal,
    ])
    // With { parameters, branches } the call is refused too, but tsc reports the array overload's error
    // (the last overload) on the options object: the sentence shows only on the array form.
    parallel('WithParameters', {
      // @ts-expect-error a branch that assigns total, with { parameters, branches }
      parameters: (s: Ref<{ n: number }>) => ({ n: s.n }),
      branches: [setsSeen, setsTotal],
    })
  })

  test('returned by a branch callback is refused too (AWS would reject the definition)', () => {
    workflow('Callback', { input: Item }, (start) =>
      start.parallel('Both', [
        (b) => b.pass('Keep'),
        // @ts-expect-error the callback returns a piece that assigns total
        () => setsTotal,
      ]),
    )
  })

  test('that reads a workflow variable is refused only inside a Distributed Map iteration', () => {
    workflow('Distributed', { input: Input }, (start) =>
      start.map('Each', {
        items: (s) => s.items,
        distributed: {},
        process: (item) =>
          item.parallel('Ways', [
            setsSeen,
            // @ts-expect-error the branch reads total, which a distributed iteration cannot see
            readsTotal,
          ]),
      }),
    )
    const flow = workflow('Nested', { input: Input }, (start) =>
      start.map('Each', {
        items: (s) => s.items,
        process: (item) => item.parallel('Ways', [setsSeen, readsTotal]),
      }),
    )
    expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<[{ ok: boolean }, { total: number }][]>()
  })
})
