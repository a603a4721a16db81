import type { AslChoiceRule, JsonValue } from '@statewright/asl'
import { describe, expect, it } from 'vitest'

import { compareCodePoints, evaluateChoiceRule, stringMatches } from './choice.ts'
import type { PathScope } from './jsonpath.ts'

const scope: PathScope = { context: { State: { Name: 'Check' } }, variables: { threshold: 10 } }

function test(rule: Omit<AslChoiceRule, 'Next'>, input: JsonValue): boolean {
  return evaluateChoiceRule({ ...rule, Next: 'X' } as AslChoiceRule, input, scope)
}

describe('evaluateChoiceRule', () => {
  it('compares numbers, strings, booleans and timestamps with literal operands', () => {
    expect(test({ Variable: '$.n', NumericEquals: 1 }, { n: 1.0 })).toBe(true)
    expect(test({ Variable: '$.n', NumericLessThanEquals: 1 }, { n: 1 })).toBe(true)
    expect(test({ Variable: '$.n', NumericGreaterThan: 1 }, { n: 1 })).toBe(false)
    expect(test({ Variable: '$.s', StringEquals: 'a' }, { s: 'a' })).toBe(true)
    expect(test({ Variable: '$.s', StringLessThan: 'b' }, { s: 'a' })).toBe(true)
    expect(test({ Variable: '$.s', StringGreaterThanEquals: 'b' }, { s: 'a' })).toBe(false)
    expect(test({ Variable: '$.b', BooleanEquals: false }, { b: false })).toBe(true)
    expect(
      test(
        { Variable: '$.t', TimestampLessThan: '2020-01-01T01:00:00+01:00' },
        { t: '2019-12-31T23:59:59Z' },
      ),
    ).toBe(true)
    expect(
      test(
        { Variable: '$.t', TimestampEquals: '2020-01-01T00:00:00Z' },
        { t: '2020-01-01T01:00:00+01:00' },
      ),
    ).toBe(true)
  })

  it('is false, not an error, when the types do not match', () => {
    expect(test({ Variable: '$.v', NumericEquals: 1 }, { v: '1' })).toBe(false)
    expect(test({ Variable: '$.v', StringEquals: '1' }, { v: 1 })).toBe(false)
    expect(test({ Variable: '$.v', BooleanEquals: true }, { v: 'true' })).toBe(false)
    expect(
      test({ Variable: '$.v', TimestampEquals: '2020-01-01T00:00:00Z' }, { v: 'yesterday' }),
    ).toBe(false)
  })

  it('reads the second operand of a …Path operator from the input, context or variables', () => {
    expect(test({ Variable: '$.a', NumericGreaterThanPath: '$.b' }, { a: 2, b: 1 })).toBe(true)
    expect(test({ Variable: '$.a', NumericLessThanPath: '$threshold' }, { a: 2 })).toBe(true)
    expect(test({ Variable: '$.name', StringEqualsPath: '$$.State.Name' }, { name: 'Check' })).toBe(
      true,
    )
    expect(test({ Variable: '$.a', BooleanEqualsPath: '$.b' }, { a: true, b: true })).toBe(true)
  })

  it('tests types, with false meaning "is not"', () => {
    const input = {
      n: null,
      i: 3,
      s: 's',
      b: true,
      t: '2024-02-29T10:00:00.123Z',
      bad: '2023-02-29T10:00:00Z',
    }

    expect(test({ Variable: '$.n', IsNull: true }, input)).toBe(true)
    expect(test({ Variable: '$.i', IsNumeric: true }, input)).toBe(true)
    expect(test({ Variable: '$.s', IsString: false }, input)).toBe(false)
    expect(test({ Variable: '$.b', IsBoolean: true }, input)).toBe(true)
    expect(test({ Variable: '$.t', IsTimestamp: true }, input)).toBe(true)
    expect(test({ Variable: '$.bad', IsTimestamp: true }, input)).toBe(false)
    expect(test({ Variable: '$.missing', IsPresent: false }, input)).toBe(true)
    expect(test({ Variable: '$.n', IsPresent: true }, input)).toBe(true)
  })

  it('combines rules with And, Or and Not, stopping at the first decisive rule', () => {
    const rule = {
      Or: [
        { Variable: '$.a', IsPresent: false },
        {
          And: [
            { Variable: '$.a', NumericGreaterThan: 0 },
            { Not: { Variable: '$.a', NumericEquals: 5 } },
          ],
        },
      ],
    } as Omit<AslChoiceRule, 'Next'>

    expect(
      ([{}, { a: 1 }, { a: 5 }, { a: -1 }] as JsonValue[]).map((input) => test(rule, input)),
    ).toStrictEqual([true, true, false, false])
  })

  it('fails with States.Runtime when the Variable or an operand path matches nothing', () => {
    expect(() => test({ Variable: '$.x', NumericEquals: 1 }, {})).toThrow(
      expect.objectContaining({
        error: 'States.Runtime',
        cause: "Invalid path '$.x': The choice state's condition path references an invalid value.",
      }),
    )
    expect(() => test({ Variable: '$.a', StringEqualsPath: '$.other' }, { a: 'x' })).toThrow(
      expect.objectContaining({ error: 'States.Runtime' }),
    )
  })

  it('matches StringMatches patterns', () => {
    expect(test({ Variable: '$.f', StringMatches: 'log-*.txt' }, { f: 'log-2024.txt' })).toBe(true)
    expect(test({ Variable: '$.f', StringMatches: 'log-*.txt' }, { f: 'log-2024.csv' })).toBe(false)
    expect(test({ Variable: '$.f', StringMatches: 7 }, { f: '7' })).toBe(false)
  })
})

describe('stringMatches', () => {
  it('treats * as any run of characters and \\* and \\\\ as literals', () => {
    expect(stringMatches('', '*')).toBe(true)
    expect(stringMatches('abc', 'a*c*')).toBe(true)
    expect(stringMatches('abc', '*b')).toBe(false)
    expect(stringMatches('a*c', 'a\\*c')).toBe(true)
    expect(stringMatches('abc', 'a\\*c')).toBe(false)
    expect(stringMatches('a\\c', 'a\\\\c')).toBe(true)
    expect(stringMatches('aXbXb', '*b*b')).toBe(true)
    expect(stringMatches('ab', 'a*b*b')).toBe(false)
  })

  it('refuses a dangling backslash', () => {
    expect(() => stringMatches('a', 'a\\')).toThrow(
      expect.objectContaining({ error: 'States.Runtime' }),
    )
  })

  it('handles a pattern that makes backtracking matchers explode', () => {
    const value = 'a'.repeat(50_000)
    const pattern = `${'*a'.repeat(2_000)}*b`

    expect(stringMatches(value, pattern)).toBe(false)
    expect(stringMatches(`${value}b`, pattern)).toBe(true)
  })
})

describe('compareCodePoints', () => {
  it('orders by code point, so an astral character sorts after every BMP one', () => {
    expect(compareCodePoints('\u{1F600}', '\uFFFF')).toBeGreaterThan(0)
    expect(compareCodePoints('ab', 'abc')).toBeLessThan(0)
    expect(compareCodePoints('b', 'a')).toBeGreaterThan(0)
    expect(compareCodePoints('x', 'x')).toBe(0)
  })
})
