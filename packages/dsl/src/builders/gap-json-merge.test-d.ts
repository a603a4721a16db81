// Gap 12 of COVERAGE.md: jsonMerge()'s arguments are objects (a reference to a string is a type error).
import { describe, expectTypeOf, test } from 'vitest'
import { type Expression, jsonMerge, type Ref } from '../index.ts'

declare const s: Ref<{
  id: string
  n: number
  defaults: { retries: number; region: string }
  overrides: { region: string; fast: boolean }
  tags: string[]
}>

describe('gap 12: jsonMerge() merges objects', () => {
  test('accepted: references to objects, object literals; the right side wins', () => {
    expectTypeOf(jsonMerge(s.defaults, s.overrides)).toEqualTypeOf<
      Expression<
        Omit<{ retries: number; region: string }, 'region' | 'fast'> & {
          region: string
          fast: boolean
        }
      >
    >()
    expectTypeOf(jsonMerge(s.defaults, { region: 'eu-west-1' })).toEqualTypeOf<
      Expression<Omit<{ retries: number; region: string }, 'region'> & { region: string }>
    >()
  })

  test('rejected: a reference to a string, a number or an array, a string literal', () => {
    // @ts-expect-error id is a string, not an object (the sentence: "this argument is not an object")
    jsonMerge(s.id, { a: 1 })
    // @ts-expect-error n is a number, not an object
    jsonMerge(s.defaults, s.n)
    // @ts-expect-error a string literal is not an object
    jsonMerge('{}', s.defaults)
    // @ts-expect-error an array is not an object to merge (the sentence says so)
    jsonMerge(s.defaults, s.tags)
  })
})
