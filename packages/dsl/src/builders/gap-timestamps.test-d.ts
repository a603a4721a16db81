// Gap 8 of COVERAGE.md: timestamp comparisons take another string field (`Timestamp…Path`).
import { describe, expectTypeOf, test } from 'vitest'
import { type Condition, type Ref, timestampEq, timestampLt, variable } from '../index.ts'

declare const s: Ref<{ start: string; end: string; count: number; maybe?: string }>

describe('gap 8: timestamp comparisons between two fields', () => {
  test('accepted: another string field, a variable, a literal or a Date', () => {
    expectTypeOf(timestampLt(s.start, s.end)).toEqualTypeOf<Condition<false>>()
    expectTypeOf(timestampEq(s.start, new Date(0))).toEqualTypeOf<Condition<false>>()
    expectTypeOf(timestampLt(s.start, variable<string>('deadline'))).toEqualTypeOf<
      Condition<true>
    >()
  })

  test('rejected: a number field, a field that may be absent', () => {
    // @ts-expect-error count is a number, not a timestamp string
    timestampLt(s.start, s.count)
    // @ts-expect-error maybe may be absent (comparing it fails with States.Runtime): guard with isPresent()
    timestampLt(s.start, s.maybe)
  })
})
