// Gap 6 of COVERAGE.md: a Pass's assign() reads the result the Pass makes (as AWS evaluates Assign there).
import { describe, expectTypeOf, test } from 'vitest'
import { z } from 'zod'
import { pass, type Ref, variable, workflow } from '../index.ts'

const Input = z.object({ items: z.array(z.number()), limit: z.number() })
const count = variable<number>('count')
const label = variable<string>('label')

describe('gap 6: a Pass assign() reads its result', () => {
  test('accepted: r is what parameters() builds, or the Result, or the input when it makes nothing', () => {
    workflow('Made', { input: Input }, (start) =>
      start
        .pass('Shape', (p) =>
          p
            .parameters((s) => ({ n: s.limit, all: s.items }))
            .assign(count, (r) => {
              expectTypeOf(r).toEqualTypeOf<Ref<{ n: number; all: number[] }>>()
              return r.n
            }),
        )
        .pass('Through', (p) =>
          p.assign(count, (r) => {
            expectTypeOf(r).toEqualTypeOf<Ref<{ n: number; all: number[] }>>()
            return r.n
          }),
        ),
    )
    pass('Fixed', { result: { name: 'fixed' } }).assign(label, (r) => r.name)
  })

  test('rejected: a field of the input the result does not have, a value of the wrong type', () => {
    workflow('Wrong', { input: Input }, (start) =>
      start.pass('Shape', (p) =>
        p
          .parameters((s) => ({ n: s.limit }))
          // @ts-expect-error the result has n, not limit: r is the result, not the input
          .assign(count, (r) => r.limit),
      ),
    )
    // @ts-expect-error name is a string and count a number
    pass('Fixed', { result: { name: 'fixed' } }).assign(count, (r) => r.name)
  })
})
