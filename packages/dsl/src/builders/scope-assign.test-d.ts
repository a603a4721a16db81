import { describe, expectTypeOf, test } from 'vitest'
import { z } from 'zod'
import {
  type Assignment,
  eq,
  isPresent,
  lambda,
  localVariable,
  pass,
  type OutputOf,
  set,
  succeed,
  variable,
  workflow,
} from '../index.ts'

const Input = z.object({ items: z.array(z.object({ n: z.number() })) })
const total = variable<number>('total')
const size = localVariable<string>('size')

describe('set() carries what it assigns and what it reads', () => {
  test('flags: a workflow variable target, a value reading one', () => {
    expectTypeOf(set(total, 0)).toEqualTypeOf<Assignment<true, false>>()
    expectTypeOf(set(size, 'big')).toEqualTypeOf<Assignment<false, false>>()
    const copy = localVariable<number>('copy')
    expectTypeOf(set(copy, total)).toEqualTypeOf<Assignment<false, true>>()
    // A plain Assignment still accepts every entry.
    const any: Assignment = set(total, 1)
    void any
  })

  test('the value is still checked against the variable type', () => {
    // @ts-expect-error total is a number
    set(total, 'zero')
  })
})

describe('Choice rule and default assign in nested scopes', () => {
  test('a Map iteration or Parallel branch cannot assign an outer variable; local ones are fine', () => {
    workflow('Nested', { input: Input }, (start) =>
      start
        .map('Each', {
          items: (s) => s.items,
          process: (item) =>
            item.choice('Check', (c) =>
              c
                .when((s) => eq(s.n, 0), succeed('Zero'), {
                  // @ts-expect-error total is an outer variable: an iteration cannot assign it
                  assign: () => [set(total, 0)],
                })
                .when((s) => eq(s.n, 1), succeed('One'), { assign: () => [set(size, 'one')] })
                .otherwise(succeed('Other'))
                // @ts-expect-error the Choice's own assign: total is an outer variable
                .assign(() => [set(size, 'other'), set(total, 1)]),
            ),
        })
        .parallel('Both', [
          (b) =>
            b.choice('Check2', (c) =>
              c
                .when(() => eq(total, 0), succeed('Zero2'), {
                  // @ts-expect-error a Parallel branch cannot assign total either
                  assign: () => [set(total, 1)],
                })
                .otherwise(succeed('Other2')),
            ),
        ]),
    )
  })

  test('a Distributed Map iteration cannot read outer variables in assign values either', () => {
    workflow('Distributed', { input: Input }, (start) =>
      start.map('Each', {
        items: (s) => s.items,
        distributed: {},
        process: (item) =>
          item.choice('Check', (c) =>
            c
              .when((s) => eq(s.n, 0), succeed('Zero'), {
                // @ts-expect-error total is read: a Distributed Map iteration cannot see it
                assign: () => [set(localVariable<number>('copy'), total)],
              })
              .when((s) => eq(s.n, 1), succeed('One'), {
                assign: (s) => [set(localVariable<number>('n'), s.n)],
              })
              .otherwise(succeed('Other'))
              // @ts-expect-error total is read by the default's assign
              .assign(() => [set(localVariable<number>('copy'), total)]),
          ),
      }),
    )
  })

  test('at the top level, a Choice assigns and reads workflow variables', () => {
    const flow = workflow('Top', { input: Input }, (start) =>
      start.choice('Check', (c) =>
        c
          .when(
            (s) => isPresent(s.items),
            (b) => b.pass('Some'),
            {
              assign: () => [set(total, 0)],
            },
          )
          .otherwise((b) => b.pass('Full'))
          .assign(() => [set(total, total)]),
      ),
    )

    expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<{ items: { n: number }[] }>()
  })
})

describe('a catcher assign belongs to its state scope', () => {
  const fallible = lambda('Fallible', {
    input: z.object({ n: z.number() }),
    output: z.object({ ok: z.boolean() }),
  })
  const lastError = localVariable<string>('lastError')

  test('inside a Map iteration it cannot set an outer variable; a local one is fine', () => {
    workflow('Nested', { input: Input }, (start) =>
      start.map('Each', {
        items: (s) => s.items,
        process: (item) =>
          item.task(fallible, (t) =>
            t
              .catch(['States.TaskFailed'], (c) => c.pass('Keep'), {
                assign: (e) => [set(lastError, e.Cause)],
              })
              .catch(['States.ALL'], pass('Lost'), {
                // @ts-expect-error total is an outer variable: an iteration cannot assign it
                assign: () => [set(total, 0)],
              }),
          ),
      }),
    )
  })

  test('the catcher of the Map state itself (outer scope) may set it', () => {
    const flow = workflow('Outer', { input: Input }, (start) =>
      start.map('Each', { items: (s) => s.items, process: (item) => item.pass('Keep') }, (m) =>
        m.catch(['States.ALL'], (c) => c.pass('Failed'), { assign: () => [set(total, 0)] }),
      ),
    )

    expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<{ n: number }[]>()
  })
})
