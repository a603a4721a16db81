// Gaps 5, 13 and 10 of COVERAGE.md: the intrinsic helpers' types (their JSONata lowering computes what the
// JSONPath intrinsic computes: see test/gap-intrinsics.test.ts) and mathRandom's seed.
import { describe, expectTypeOf, test } from 'vitest'
import {
  arrayRange,
  type Expression,
  mathAdd,
  mathRandom,
  type Ref,
  stringSplit,
} from '../index.ts'

declare const s: Ref<{ csv: string; delims: string; n: number; seed: number; name: string }>

describe('gaps 5, 13, 10: stringSplit, mathAdd, arrayRange, mathRandom', () => {
  test('accepted: numbers and strings from the data, a seed', () => {
    expectTypeOf(stringSplit(s.csv, s.delims)).toEqualTypeOf<Expression<string[]>>()
    expectTypeOf(mathAdd(s.n, 1.5)).toEqualTypeOf<Expression<number>>()
    expectTypeOf(arrayRange(s.n, 10, 1)).toEqualTypeOf<Expression<number[]>>()
    expectTypeOf(mathRandom(1, 100, s.seed)).toEqualTypeOf<Expression<number>>()
    expectTypeOf(mathRandom(s.n, 100)).toEqualTypeOf<Expression<number>>()
  })

  test('rejected: a seed, a summand or delimiters of the wrong type', () => {
    // @ts-expect-error the seed is a number, not a string
    mathRandom(1, 100, s.name)
    // @ts-expect-error mathAdd adds numbers
    mathAdd(s.csv, 1)
    // @ts-expect-error the delimiters are a string
    stringSplit(s.csv, s.n)
  })
})
