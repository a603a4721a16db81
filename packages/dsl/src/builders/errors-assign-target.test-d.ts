import { describe, expectTypeOf, test } from 'vitest'
import { z } from 'zod'
import {
  eq,
  lambda,
  localVariable,
  type OutputOf,
  pass,
  set,
  variable,
  workflow,
} from '../index.ts'

// A rule's or catcher's `assign` that breaks a scope rule is reported on the `assign`, also when the target
// is a function: each `@ts-expect-error` sits right above the `assign`, so an error on the target (the old
// "(b: any) => any is not assignable to Chainable") would leave it unused and fail the check.
const Input = z.object({ items: z.array(z.object({ n: z.number() })) })
const Item = z.object({ n: z.number() })
const total = variable<number>('total')
const seen = localVariable<number>('seen')
const lastError = variable<string>('lastError')
const record = lambda('Record', { input: Item, output: z.object({ ok: z.boolean() }) })

describe('a Choice rule assign in a Map iteration', () => {
  test('setting an outer variable is reported on the assign, with a function target', () => {
    workflow('Rule', { input: Input }, (start) =>
      start.map('Each', {
        items: (s) => s.items,
        process: (item) =>
          item.choice('Route', (c) =>
            c
              .when(
                (s) => eq(s.n, 1),
                (b) => b.pass('One'),
                // @ts-expect-error a rule in an iteration cannot assign the workflow variable total
                { assign: () => [set(total, 1)] },
              )
              .otherwise((b) => b.pass('Other')),
          ),
      }),
    )
  })

  test('and with a state as the target', () => {
    workflow('Rule', { input: Input }, (start) =>
      start.map('Each', {
        items: (s) => s.items,
        process: (item) =>
          item.choice('Route', (c) =>
            c
              .when(
                (s) => eq(s.n, 1),
                pass('One'),
                // @ts-expect-error a rule in an iteration cannot assign the workflow variable total
                { assign: () => [set(total, 1)] },
              )
              .otherwise((b) => b.pass('Other')),
          ),
      }),
    )
  })

  test('a local variable is accepted, and the function target is typed by the iteration input', () => {
    const flow = workflow('Rule', { input: Input }, (start) =>
      start.map('Each', {
        items: (s) => s.items,
        process: (item) =>
          item.choice('Route', (c) =>
            c
              .when(
                (s) => eq(s.n, 1),
                (b) => {
                  expectTypeOf<OutputOf<typeof b>>().toEqualTypeOf<{ n: number }>()
                  return b.pass('One')
                },
                { assign: (s) => [set(seen, s.n)] },
              )
              .otherwise((b) => b.pass('Other')),
          ),
      }),
    )
    expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<{ n: number }[]>()
  })
})

describe('a catcher assign in a Map iteration', () => {
  test('setting an outer variable is reported on the assign, with a function handler', () => {
    workflow('Catcher', { input: Input }, (start) =>
      start.map('Each', {
        items: (s) => s.items,
        process: (item) =>
          item.task(record, (t) =>
            t.catch(['States.ALL'], (c) => c.pass('Handle'), {
              // @ts-expect-error a catcher in an iteration cannot assign the workflow variable lastError
              assign: (e) => [set(lastError, e.Cause)],
            }),
          ),
      }),
    )
  })

  test('at the top level the same catcher is accepted', () => {
    const flow = workflow('Catcher', { input: Item }, (start) =>
      start.task(record, (t) =>
        t.catch(['States.ALL'], (c) => c.pass('Handle'), {
          assign: (e) => [set(lastError, e.Cause)],
        }),
      ),
    )
    expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<{ ok: boolean }>()
  })
})
