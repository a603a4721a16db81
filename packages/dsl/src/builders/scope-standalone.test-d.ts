import { describe, expectTypeOf, test } from 'vitest'
import { z } from 'zod'
import {
  choice,
  eq,
  fail,
  fragment,
  lambda,
  localVariable,
  type MarksOf,
  type OutputOf,
  parallel,
  pass,
  set,
  succeed,
  task,
  variable,
  wait,
  workflow,
} from '../index.ts'

const Input = z.object({ items: z.array(z.object({ n: z.number() })) })
const Item = z.object({ n: z.number() })
const total = variable<number>('total')
const until = variable<string>('until')
const seen = localVariable<number>('seen')
const record = lambda('Record', { input: Item, output: z.object({ ok: z.boolean() }) })

// Standalone builders record what they do with workflow variables in their scope.
const readsTotal = pass('ReadsTotal').parameters(() => ({ total }))
const setsTotal = task(record).assign(total, () => 1)
const setsSeen = task(record, { name: 'SetsSeen' }).assign(seen, (r) => r.ok as never)
const chained = task(record, { name: 'First' }).next(pass('Copy').parameters(() => ({ total })))
const resetsTotal = pass('Reset').assign(total, () => 0)
const catches = task(record, { name: 'Guarded' }).catch(['States.ALL'], resetsTotal)

describe('standalone builders carry marks', () => {
  test('parameters(), assign(), next() and catch() record reads and assigns', () => {
    expectTypeOf<MarksOf<typeof readsTotal>>().toEqualTypeOf<'reads a workflow variable'>()
    expectTypeOf<MarksOf<typeof setsTotal>>().toEqualTypeOf<'assigns a workflow variable'>()
    expectTypeOf<MarksOf<typeof setsSeen>>().toBeNever()
    expectTypeOf<MarksOf<typeof chained>>().toEqualTypeOf<'reads a workflow variable'>()
    expectTypeOf<MarksOf<typeof catches>>().toEqualTypeOf<'assigns a workflow variable'>()
  })
})

describe('a Distributed Map iteration refuses standalone pieces that read outer variables', () => {
  test('as next() and as a Choice target or default', () => {
    workflow('Distributed', { input: Input }, (start) =>
      start.map('Each', {
        items: (s) => s.items,
        distributed: {},
        process: (item) =>
          item.parallel('Ways', [
            // @ts-expect-error readsTotal reads an outer variable
            (b) => b.next(readsTotal),
            // @ts-expect-error a standalone chain that reads one
            (b) => b.next(chained),
            (b) =>
              b.choice('Check', (c) =>
                c
                  // @ts-expect-error a Choice target that reads one
                  .when((s) => eq(s.n, 1), readsTotal)
                  // @ts-expect-error a Choice default that reads one
                  .otherwise(readsTotal),
              ),
            // @ts-expect-error a standalone Choice whose condition reads one
            (b) => b.next(choice('Zero', { input: Item }).when(() => eq(total, 0), succeed('Z'))),
          ]),
      }),
    )
  })

  test('accepts pieces that read only the iteration input and local variables', () => {
    const flow = workflow('Distributed', { input: Input }, (start) =>
      start.map('Each', {
        items: (s) => s.items,
        distributed: {},
        process: (item) => item.next(setsSeen),
      }),
    )

    expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<{ ok: boolean }[]>()
  })
})

describe('a Parallel branch or Map iteration refuses standalone pieces that assign outer variables', () => {
  test('as next(), as a catch target and as a Choice target', () => {
    workflow('Nested', { input: Input }, (start) =>
      start
        .map('Each', {
          items: (s) => s.items,
          process: (item) =>
            item
              .next(readsTotal)
              // @ts-expect-error setsTotal assigns an outer variable
              .next(setsTotal),
        })
        .parallel('Both', [
          (b) =>
            b.task(record, (t) =>
              t
                .parameters(() => ({ n: 1 }))
                // @ts-expect-error a catch target that assigns one
                .catch(['States.ALL'], resetsTotal),
            ),
          (b) =>
            b.choice('Route', (c) =>
              // @ts-expect-error a Choice target that assigns one
              c.when(() => eq(total, 1), catches).otherwise((x) => x.pass('Other')),
            ),
        ]),
    )
  })

  test('at the top level everything goes', () => {
    const flow = workflow('Top', { input: Item }, (start) => start.next(setsTotal).next(readsTotal))

    expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<{ total: number }>()
  })
})

describe('standalone Wait, Fail, Succeed and chains that end in them', () => {
  const waitsTotal = wait('WaitsTotal', { seconds: () => total })
  const waitSetsTotal = wait('WaitSetsTotal', { seconds: 1, assign: () => [set(total, 0)] })
  const failsUntil = fail('FailsUntil', { error: 'Late', causeFrom: () => until })
  const succeedsTotal = succeed('SucceedsTotal', { outputPath: () => total as never })
  const endsReading = task(record, { name: 'Ends' }).next(pass('Then').parameters(() => ({ n: 1 })))

  test('record their marks', () => {
    expectTypeOf<MarksOf<typeof waitsTotal>>().toEqualTypeOf<'reads a workflow variable'>()
    expectTypeOf<MarksOf<typeof waitSetsTotal>>().toEqualTypeOf<'assigns a workflow variable'>()
    expectTypeOf<MarksOf<typeof failsUntil>>().toEqualTypeOf<'reads a workflow variable'>()
    expectTypeOf<MarksOf<typeof endsReading>>().toBeNever()
    const plain = wait<z.input<typeof Item>>('Plain', { seconds: (s) => s.n })
    expectTypeOf<MarksOf<typeof plain>>().toBeNever()
    void succeedsTotal
  })

  test('are refused where their marks are not allowed', () => {
    workflow('Distributed', { input: Input }, (start) =>
      start.map('Each', {
        items: (s) => s.items,
        distributed: {},
        process: (item) =>
          item.parallel('Ways', [
            // @ts-expect-error the Wait reads an outer variable
            (b) => b.next(waitsTotal),
            // @ts-expect-error the Fail reads an outer variable
            (b) => b.next(failsUntil),
            // @ts-expect-error the Wait assigns an outer variable
            (b) => b.next(waitSetsTotal),
            (b) => b.next(wait('Own', { seconds: 1 })),
            (b) => b.next(endsReading),
          ]),
      }),
    )
    workflow('Nested', { input: Input }, (start) =>
      start.map('Each', {
        items: (s) => s.items,
        // reading is fine in an inline iteration, assigning is not
        process: (item) => item.next(waitsTotal).next(failsUntil),
      }),
    )
  })

  test('a standalone chain ending in Fail keeps the marks of its states', () => {
    const closed = pass('Start')
      .parameters(() => ({ total }))
      .next(fail('Stop'))
    expectTypeOf<MarksOf<typeof closed>>().toEqualTypeOf<'reads a workflow variable'>()
  })
})

describe('standalone pieces as Parallel branches and Map iterations', () => {
  test('a branch or iteration cannot be one that assigns an outer variable', () => {
    workflow('Branches', { input: Item }, (start) =>
      start
        // @ts-expect-error a Parallel branch that assigns total
        .parallel('Both', [setsTotal, readsTotal])
        .pass('Then'),
    )
    // @ts-expect-error a Parallel branch that assigns total, also in a standalone Parallel
    parallel('Standalone', [resetsTotal])
    workflow('Inline', { input: Input }, (start) =>
      start.map('Each', {
        items: (s) => s.items,
        // @ts-expect-error an iteration that assigns total
        process: () => setsTotal,
      }),
    )
  })

  test('a Distributed Map iteration cannot be one that reads one either', () => {
    workflow('Distributed', { input: Input }, (start) =>
      start.map('Each', {
        items: (s) => s.items,
        distributed: {},
        // @ts-expect-error an iteration that reads total
        process: () => readsTotal,
      }),
    )
    const flow = workflow('Inline', { input: Input }, (start) =>
      start.map('Each', { items: (s) => s.items, process: () => readsTotal }),
    )
    expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<{ total: number }[]>()
  })
})

describe('fragments keep their marks', () => {
  test('a fragment that assigns an outer variable is refused in an iteration', () => {
    const counting = fragment({ input: Item }, (start) =>
      start.pass('Count', (p) => p.assign(total, () => 1)),
    )
    const plain = fragment({ input: Item }, (start) => start.pass('Keep'))
    expectTypeOf<
      MarksOf<ReturnType<typeof counting>>
    >().toEqualTypeOf<'assigns a workflow variable'>()
    expectTypeOf<MarksOf<ReturnType<typeof plain>>>().toBeNever()

    workflow('Nested', { input: Input }, (start) =>
      start.map('Each', {
        items: (s) => s.items,
        process: (item) =>
          item
            .next(plain('A'))
            // @ts-expect-error the fragment assigns total: an iteration cannot
            .next(counting('B')),
      }),
    )
  })
})
