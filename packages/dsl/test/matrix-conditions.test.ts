// Coverage matrix (COVERAGE.md): every Choice condition, by operand type, lowered whole in JSONPath and
// JSONata and executed in both: one Choice per condition, each taken both ways by two inputs.
import type { QueryLanguage } from '@statewright/asl'
import { run } from '@statewright/runtime'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import {
  and,
  type Condition,
  condition,
  eq,
  gt,
  gte,
  isBoolean,
  isNull,
  isNumeric,
  isPresent,
  isString,
  isTimestamp,
  jsonata,
  lt,
  lte,
  matches,
  not,
  or,
  type Ref,
  timestampEq,
  timestampGt,
  timestampGte,
  timestampLt,
  timestampLte,
  variable,
  workflow,
} from '../src/index.ts'
import { enteredStates } from './history.ts'

const Data = z.object({
  s: z.string(),
  s2: z.string(),
  n: z.number(),
  n2: z.number(),
  b: z.boolean(),
  t: z.string(),
  maybe: z.string().nullable(),
  present: z.string().optional(),
  x: z.union([z.string(), z.number()]),
  y: z.union([z.boolean(), z.string()]),
})
type DataType = z.input<typeof Data>
const flag = variable<boolean>('flag')

// Each condition takes one branch for A and the other for B.
const A: DataType = {
  s: 'b',
  s2: 'b',
  n: 5,
  n2: 5,
  b: true,
  t: '2030-01-01T00:00:00Z',
  maybe: null,
  present: 'here',
  x: 'x',
  y: true,
}
const B: DataType = {
  s: 'd',
  s2: 'e',
  n: 7,
  n2: 6,
  b: false,
  t: '2031-01-01T00:00:00Z',
  maybe: 'set',
  x: 1,
  y: '2030-01-01T00:00:00Z',
}

interface Row {
  readonly name: string
  readonly when: (s: Ref<DataType>) => Condition<boolean>
  /** The JSONPath rule, without Next. */
  readonly jsonPath: object
  readonly jsonata: string
  /** Whether input A takes the rule (B takes the other branch). */
  readonly a: boolean
}

const ISO = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$'
// Two fields: JSONPath has one operator per type, so each is guarded by its type test.
const typeGuarded = (path: string, other: string, operators: readonly [string, string][]) => ({
  Or: operators.map(([test, operator]) => ({
    And: [
      { Variable: path, [test]: true },
      { Variable: path, [operator]: other },
    ],
  })),
})

const rows: readonly Row[] = [
  {
    name: 'StringEquals',
    when: (s) => eq(s.s, 'b'),
    jsonPath: { Variable: '$.s', StringEquals: 'b' },
    jsonata: '$states.input.s = "b"',
    a: true,
  },
  {
    name: 'StringLessThan',
    when: (s) => lt(s.s, 'c'),
    jsonPath: { Variable: '$.s', StringLessThan: 'c' },
    jsonata: '$states.input.s < "c"',
    a: true,
  },
  {
    name: 'StringGreaterThan',
    when: (s) => gt(s.s, 'c'),
    jsonPath: { Variable: '$.s', StringGreaterThan: 'c' },
    jsonata: '$states.input.s > "c"',
    a: false,
  },
  {
    name: 'StringLessThanEquals',
    when: (s) => lte(s.s, 'b'),
    jsonPath: { Variable: '$.s', StringLessThanEquals: 'b' },
    jsonata: '$states.input.s <= "b"',
    a: true,
  },
  {
    name: 'StringGreaterThanEquals',
    when: (s) => gte(s.s, 'd'),
    jsonPath: { Variable: '$.s', StringGreaterThanEquals: 'd' },
    jsonata: '$states.input.s >= "d"',
    a: false,
  },
  {
    name: 'StringMatches',
    when: (s) => matches(s.s, 'd*'),
    jsonPath: { Variable: '$.s', StringMatches: 'd*' },
    jsonata: '$contains($states.input.s, /^d.*$/)',
    a: false,
  },
  {
    name: 'NumericEquals',
    when: (s) => eq(s.n, 5),
    jsonPath: { Variable: '$.n', NumericEquals: 5 },
    jsonata: '$states.input.n = 5',
    a: true,
  },
  {
    name: 'NumericLessThan',
    when: (s) => lt(s.n, 6),
    jsonPath: { Variable: '$.n', NumericLessThan: 6 },
    jsonata: '$states.input.n < 6',
    a: true,
  },
  {
    name: 'NumericGreaterThan',
    when: (s) => gt(s.n, 6),
    jsonPath: { Variable: '$.n', NumericGreaterThan: 6 },
    jsonata: '$states.input.n > 6',
    a: false,
  },
  {
    name: 'NumericLessThanEquals',
    when: (s) => lte(s.n, 5),
    jsonPath: { Variable: '$.n', NumericLessThanEquals: 5 },
    jsonata: '$states.input.n <= 5',
    a: true,
  },
  {
    name: 'NumericGreaterThanEquals',
    when: (s) => gte(s.n, 7),
    jsonPath: { Variable: '$.n', NumericGreaterThanEquals: 7 },
    jsonata: '$states.input.n >= 7',
    a: false,
  },
  {
    name: 'BooleanEquals',
    when: (s) => eq(s.b, true),
    jsonPath: { Variable: '$.b', BooleanEquals: true },
    jsonata: '$states.input.b = true',
    a: true,
  },
  {
    name: 'TimestampEquals',
    when: (s) => timestampEq(s.t, '2030-01-01T00:00:00Z'),
    jsonPath: { Variable: '$.t', TimestampEquals: '2030-01-01T00:00:00Z' },
    jsonata: '$toMillis($states.input.t) = $toMillis("2030-01-01T00:00:00Z")',
    a: true,
  },
  {
    name: 'TimestampLessThan',
    when: (s) => timestampLt(s.t, '2030-06-01T00:00:00Z'),
    jsonPath: { Variable: '$.t', TimestampLessThan: '2030-06-01T00:00:00Z' },
    jsonata: '$toMillis($states.input.t) < $toMillis("2030-06-01T00:00:00Z")',
    a: true,
  },
  {
    name: 'TimestampGreaterThan',
    when: (s) => timestampGt(s.t, '2030-06-01T00:00:00Z'),
    jsonPath: { Variable: '$.t', TimestampGreaterThan: '2030-06-01T00:00:00Z' },
    jsonata: '$toMillis($states.input.t) > $toMillis("2030-06-01T00:00:00Z")',
    a: false,
  },
  {
    name: 'TimestampLessThanEquals',
    when: (s) => timestampLte(s.t, '2030-01-01T00:00:00Z'),
    jsonPath: { Variable: '$.t', TimestampLessThanEquals: '2030-01-01T00:00:00Z' },
    jsonata: '$toMillis($states.input.t) <= $toMillis("2030-01-01T00:00:00Z")',
    a: true,
  },
  {
    name: 'TimestampGreaterThanEquals',
    when: (s) => timestampGte(s.t, new Date('2031-01-01T00:00:00Z')),
    jsonPath: { Variable: '$.t', TimestampGreaterThanEquals: '2031-01-01T00:00:00.000Z' },
    jsonata: '$toMillis($states.input.t) >= $toMillis("2031-01-01T00:00:00.000Z")',
    a: false,
  },
  {
    name: 'IsPresent',
    when: (s) => isPresent(s.present),
    jsonPath: { Variable: '$.present', IsPresent: true },
    jsonata: '$exists($states.input.present)',
    a: true,
  },
  {
    name: 'IsNull',
    when: (s) => isNull(s.maybe),
    jsonPath: {
      And: [
        { Variable: '$.maybe', IsPresent: true },
        { Variable: '$.maybe', IsNull: true },
      ],
    },
    jsonata: '($states.input.maybe = null)',
    a: true,
  },
  {
    name: 'IsString',
    when: (s) => isString(s.x),
    jsonPath: {
      And: [
        { Variable: '$.x', IsPresent: true },
        { Variable: '$.x', IsString: true },
      ],
    },
    jsonata: '($type($states.input.x) = "string")',
    a: true,
  },
  {
    name: 'IsNumeric',
    when: (s) => isNumeric(s.x),
    jsonPath: {
      And: [
        { Variable: '$.x', IsPresent: true },
        { Variable: '$.x', IsNumeric: true },
      ],
    },
    jsonata: '($type($states.input.x) = "number")',
    a: false,
  },
  {
    name: 'IsBoolean',
    when: (s) => isBoolean(s.y),
    jsonPath: {
      And: [
        { Variable: '$.y', IsPresent: true },
        { Variable: '$.y', IsBoolean: true },
      ],
    },
    jsonata: '($type($states.input.y) = "boolean")',
    a: true,
  },
  {
    name: 'IsTimestamp',
    when: (s) => isTimestamp(s.y),
    jsonPath: {
      And: [
        { Variable: '$.y', IsPresent: true },
        { Variable: '$.y', IsTimestamp: true },
      ],
    },
    jsonata: `($type($states.input.y) = "string" and $contains($states.input.y, /${ISO}/))`,
    a: false,
  },
  {
    name: 'And',
    when: (s) => and(eq(s.b, true), gt(s.n, 4)),
    jsonPath: {
      And: [
        { Variable: '$.b', BooleanEquals: true },
        { Variable: '$.n', NumericGreaterThan: 4 },
      ],
    },
    jsonata: '($states.input.b = true) and ($states.input.n > 4)',
    a: true,
  },
  {
    name: 'Or',
    when: (s) => or(eq(s.s, 'd'), gt(s.n, 100)),
    jsonPath: {
      Or: [
        { Variable: '$.s', StringEquals: 'd' },
        { Variable: '$.n', NumericGreaterThan: 100 },
      ],
    },
    jsonata: '($states.input.s = "d") or ($states.input.n > 100)',
    a: false,
  },
  {
    name: 'Not',
    when: (s) => not(eq(s.b, true)),
    jsonPath: { Not: { Variable: '$.b', BooleanEquals: true } },
    jsonata: '$not($states.input.b = true)',
    a: false,
  },
  {
    name: 'StringEqualsPath',
    when: (s) => eq(s.s, s.s2),
    jsonPath: typeGuarded('$.s', '$.s2', [
      ['IsString', 'StringEqualsPath'],
      ['IsNumeric', 'NumericEqualsPath'],
      ['IsBoolean', 'BooleanEqualsPath'],
    ]),
    jsonata: '$states.input.s = $states.input.s2',
    a: true,
  },
  {
    name: 'NumericGreaterThanPath',
    when: (s) => gt(s.n, s.n2),
    jsonPath: typeGuarded('$.n', '$.n2', [
      ['IsString', 'StringGreaterThanPath'],
      ['IsNumeric', 'NumericGreaterThanPath'],
    ]),
    jsonata: '$states.input.n > $states.input.n2',
    a: false,
  },
  {
    name: 'OnVariable',
    when: () => eq(flag, true),
    jsonPath: { Variable: '$flag', BooleanEquals: true },
    jsonata: '$flag = true',
    a: true,
  },
]

// One Choice per row, each rejoining at the next; typed rows, an untyped loop (the chain's type grows per row).
const flow = (language: QueryLanguage) =>
  workflow('Conditions', { input: Data, queryLanguage: language }, (start) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    let chain: any = start.pass('Init', (p) => p.assign(flag, (s) => s.b))
    for (const row of rows) {
      chain = chain.choice(row.name, (c: typeof chain) =>
        c
          .when(row.when, (yes: typeof chain) => yes.pass(`${row.name}.Yes`))
          .otherwise((no: typeof chain) => no.pass(`${row.name}.No`)),
      )
    }
    return chain
  })

const expectedStates = (rule: (row: Row) => object, init: object) => {
  const states: Record<string, object> = { Init: { Type: 'Pass', ...init, Next: rows[0]?.name } }
  rows.forEach((row, index) => {
    const after = rows[index + 1]?.name
    const transition = after === undefined ? { End: true } : { Next: after }
    states[row.name] = {
      Type: 'Choice',
      Choices: [{ ...rule(row), Next: `${row.name}.Yes` }],
      Default: `${row.name}.No`,
    }
    states[`${row.name}.Yes`] = { Type: 'Pass', ...transition }
    states[`${row.name}.No`] = { Type: 'Pass', ...transition }
  })
  return states
}

describe('every condition, by operand type', () => {
  test('lowers whole to JSONPath comparison operators', () => {
    expect(flow('JSONPath').toAsl()).toStrictEqual({
      StartAt: 'Init',
      States: expectedStates((row) => row.jsonPath, { Assign: { 'flag.$': '$.b' } }),
      QueryLanguage: 'JSONPath',
    })
  })

  test('lowers whole to JSONata Conditions', () => {
    expect(flow('JSONata').toAsl()).toStrictEqual({
      StartAt: 'Init',
      States: expectedStates((row) => ({ Condition: `{% ${row.jsonata} %}` }), {
        Assign: { flag: '{% $states.input.b %}' },
      }),
      QueryLanguage: 'JSONata',
    })
  })

  const taken = (input: 'A' | 'B') =>
    rows.map((row) => `${row.name}.${row.a === (input === 'A') ? 'Yes' : 'No'}`)

  for (const language of languages()) {
    test.each(['A', 'B'] as const)(
      `${language}: input %s takes each rule's expected branch`,
      async (name) => {
        const result = await run(flow(language), name === 'A' ? A : B)

        expect(result.status).toBe('SUCCEEDED')
        expect(enteredStates(result.history).filter((state) => state.includes('.'))).toStrictEqual(
          taken(name),
        )
      },
    )
  }
})

describe('isNull() on a field that may be absent', () => {
  const Maybe = z.object({ maybe: z.string().nullable().optional() })
  const build = (language: QueryLanguage) =>
    workflow('Absent', { input: Maybe, queryLanguage: language }, (start) =>
      start.choice('Null', (c) =>
        c
          .when(
            (s) => isNull(s.maybe),
            (b) => b.pass('WasNull'),
          )
          .otherwise((b) => b.pass('NotNull')),
      ),
    )

  // Gap 4 (COVERAGE.md, fixed): the JSONPath rule is guarded by IsPresent, so an absent field is not null
  // in both languages (test/gap-type-tests.test.ts has the other type tests).
  test('is false in both languages when the field is absent (JSONPath guards it with IsPresent)', async () => {
    const jsonPath = await run(build('JSONPath'), {})
    const jsonataRun = await run(build('JSONata'), {})

    expect(enteredStates(jsonPath.history)).toStrictEqual(['Null', 'NotNull'])
    expect(enteredStates(jsonataRun.history)).toStrictEqual(['Null', 'NotNull'])
  })
})

describe('condition(): a JSONata boolean expression', () => {
  const build = (language: QueryLanguage) =>
    workflow('Expression', { input: Data, queryLanguage: language }, (start) =>
      start.choice('Long', (c) =>
        c
          .when(
            () => condition(jsonata<boolean>('$length($states.input.s2) > 1')),
            (b) => b.pass('Yes'),
          )
          .otherwise((b) => b.pass('No')),
      ),
    )

  test('lowers whole to a JSONata Condition and runs', async () => {
    expect(build('JSONata').toAsl()).toStrictEqual({
      StartAt: 'Long',
      States: {
        Long: {
          Type: 'Choice',
          Choices: [{ Condition: '{% ($length($states.input.s2) > 1) %}', Next: 'Yes' }],
          Default: 'No',
        },
        Yes: { Type: 'Pass', End: true },
        No: { Type: 'Pass', End: true },
      },
      QueryLanguage: 'JSONata',
    })
    const short = await run(build('JSONata'), A)
    const long = await run(build('JSONata'), { ...A, s2: 'long' })
    expect(enteredStates(short.history)).toStrictEqual(['Long', 'No'])
    expect(enteredStates(long.history)).toStrictEqual(['Long', 'Yes'])
  })

  test('n/a in JSONPath, which has no expressions: refused with the fix', () => {
    expect(() => build('JSONPath').toAsl()).toThrow(
      /^SFN107: A condition\(\) with a JSONata expression needs a JSONata state/,
    )
  })
})

function languages(): readonly QueryLanguage[] {
  return ['JSONPath', 'JSONata']
}
