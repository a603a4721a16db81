// Gap 4 of COVERAGE.md: type tests accept any field, also one that may be absent (they are false there, in
// both languages: test/gap-type-tests.test.ts); comparisons still refuse such a field.
import { describe, expectTypeOf, test } from 'vitest'
import { type Condition, eq, isNull, isPresent, isString, type Ref } from '../index.ts'

declare const s: Ref<{ maybe?: string | null; id: string }>

describe('gap 4: type tests anywhere', () => {
  test('accepted: type tests on an optional, nullable field and on a required one', () => {
    expectTypeOf(isNull(s.maybe)).toEqualTypeOf<Condition<false>>()
    expectTypeOf(isString(s.maybe, false)).toEqualTypeOf<Condition<false>>()
    expectTypeOf(isPresent(s.id)).toEqualTypeOf<Condition<false>>()
  })

  test('rejected: a plain value instead of a field, a comparison on a field that may be absent', () => {
    // @ts-expect-error a type test reads a field (a reference), not a value
    isNull('text')
    // @ts-expect-error maybe may be absent: comparing it fails with States.Runtime (test isPresent() instead)
    eq(s.maybe, 'x')
  })
})
