import { describe, expectTypeOf, test } from 'vitest'
import { z } from 'zod'
import {
  and,
  type Condition,
  eq,
  gt,
  isPresent,
  localVariable,
  not,
  or,
  type OutputOf,
  succeed,
  timestampLt,
  variable,
  workflow,
} from '../index.ts'

const Input = z.object({ items: z.array(z.object({ n: z.number(), at: z.string() })) })
const total = variable<number>('total')
const since = variable<string>('since')
const seen = localVariable<number>('seen')

describe('conditions carry whether they read a workflow variable', () => {
  test('the flag comes from the operands, and from the conditions of and/or/not', () => {
    expectTypeOf(eq(total, 0)).toEqualTypeOf<Condition<true>>()
    expectTypeOf(isPresent(total)).toEqualTypeOf<Condition<true>>()
    expectTypeOf(timestampLt(since, '2026-01-01T00:00:00Z')).toEqualTypeOf<Condition<true>>()
    expectTypeOf(eq(seen, 0)).toEqualTypeOf<Condition<false>>()
    expectTypeOf(and(eq(seen, 1), not(eq(total, 0)))).toEqualTypeOf<Condition<true>>()
    expectTypeOf(or(eq(seen, 1), isPresent(seen))).toEqualTypeOf<Condition<false>>()
    // A plain Condition still accepts every condition (it means "may read one").
    const any: Condition = eq(total, 0)
    void any
  })
})

describe('a Choice in a Distributed Map iteration cannot read outer variables', () => {
  test('rejects a condition reading one, also inside and/or/not and as the compared value', () => {
    workflow('Distributed', { input: Input }, (start) =>
      start.map('Each', {
        items: (s) => s.items,
        distributed: {},
        process: (item) =>
          item.choice('Check', (c) =>
            c
              // @ts-expect-error total is an outer variable: a Distributed Map iteration cannot read it
              .when(() => eq(total, 0), succeed('Zero'))
              // @ts-expect-error total as the compared value: still an outer variable
              .when((s) => gt(s.n, total), succeed('Big'))
              // @ts-expect-error inside and()/not(): still an outer variable
              .when((s) => and(isPresent(s.n), not(isPresent(total))), succeed('Odd'))
              // @ts-expect-error inside or(), in a timestamp comparison
              .when((s) => or(eq(s.n, 1), timestampLt(since, s.at)), succeed('Old'))
              .otherwise(succeed('Other')),
          ),
      }),
    )
  })

  test('accepts conditions on the iteration input and local variables', () => {
    const flow = workflow('Distributed', { input: Input }, (start) =>
      start.map('Each', {
        items: (s) => s.items,
        distributed: {},
        process: (item) =>
          item
            .pass('Note', (p) => p.assign(seen, (s) => s.n))
            .choice('Check', (c) =>
              c
                .when(
                  (s) => and(gt(s.n, 1), not(eq(seen, 5))),
                  (b) => b.pass('Big'),
                )
                .otherwise((b) => b.pass('Small')),
            ),
      }),
    )

    expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<{ n: number; at: string }[]>()
  })

  test('an inline Map iteration and a Parallel branch still read outer variables in conditions', () => {
    const flow = workflow('Inline', { input: Input }, (start) =>
      start
        .map('Each', {
          items: (s) => s.items,
          process: (item) =>
            item.choice('Check', (c) =>
              c
                .when(
                  () => eq(total, 0),
                  (b) => b.pass('Zero'),
                )
                .otherwise((b) => b.pass('Other')),
            ),
        })
        .parallel('Both', [
          (b) =>
            b.choice('Check2', (c) =>
              c
                .when(
                  () => isPresent(total),
                  (x) => x.pass('Yes'),
                )
                .otherwise((x) => x.pass('No')),
            ),
        ]),
    )

    expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<[{ n: number; at: string }[]]>()
  })
})
