// Gap 4 of COVERAGE.md: type tests mean the same in JSONPath and JSONata also on a field that may be
// absent (false when absent; true with expected: false), lowered whole in both languages and executed by the
// runtime in both on an absent, a null and a present field.
import type { QueryLanguage } from '@statewright/asl'
import { run } from '@statewright/runtime'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { isNull, isNumeric, isString, isTimestamp, workflow } from '../src/index.ts'
import { enteredStates } from './history.ts'

const languages: readonly QueryLanguage[] = ['JSONPath', 'JSONata']
const Input = z.object({ maybe: z.string().nullable().optional() })

const flow = (language: QueryLanguage) =>
  workflow('Tests', { input: Input, queryLanguage: language }, (start) =>
    start.choice('Kind', (c) =>
      c
        .when(
          (s) => isNull(s.maybe),
          (b) => b.pass('Null'),
        )
        .when(
          (s) => isTimestamp(s.maybe),
          (b) => b.pass('Timestamp'),
        )
        .when(
          (s) => isString(s.maybe),
          (b) => b.pass('Text'),
        )
        .when(
          (s) => isNumeric(s.maybe, false),
          (b) => b.pass('NotNumber'),
        )
        .otherwise((b) => b.pass('Number')),
    ),
  )

const guarded = (test: string, expected = true) =>
  expected
    ? {
        And: [
          { Variable: '$.maybe', IsPresent: true },
          { Variable: '$.maybe', [test]: true },
        ],
      }
    : {
        Or: [
          { Variable: '$.maybe', IsPresent: false },
          { Variable: '$.maybe', [test]: false },
        ],
      }

describe('gap 4: type tests on a field that may be absent, the same in both languages', () => {
  test('lowers whole to JSONPath: each test guarded by IsPresent (Or with IsPresent false when negated)', () => {
    expect(flow('JSONPath').toAsl()).toStrictEqual({
      StartAt: 'Kind',
      States: {
        Kind: {
          Type: 'Choice',
          Choices: [
            { ...guarded('IsNull'), Next: 'Null' },
            { ...guarded('IsTimestamp'), Next: 'Timestamp' },
            { ...guarded('IsString'), Next: 'Text' },
            { ...guarded('IsNumeric', false), Next: 'NotNumber' },
          ],
          Default: 'Number',
        },
        Null: { Type: 'Pass', End: true },
        Timestamp: { Type: 'Pass', End: true },
        Text: { Type: 'Pass', End: true },
        NotNumber: { Type: 'Pass', End: true },
        Number: { Type: 'Pass', End: true },
      },
      QueryLanguage: 'JSONPath',
    })
  })

  test('lowers whole to JSONata: the tests as they are (false on an absent field)', () => {
    const choices = (flow('JSONata').toAsl().States['Kind'] as { Choices: unknown }).Choices
    expect(choices).toStrictEqual([
      { Condition: '{% ($states.input.maybe = null) %}', Next: 'Null' },
      {
        Condition:
          '{% ($type($states.input.maybe) = "string" and $contains($states.input.maybe, /^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$/)) %}',
        Next: 'Timestamp',
      },
      { Condition: '{% ($type($states.input.maybe) = "string") %}', Next: 'Text' },
      { Condition: '{% $not(($type($states.input.maybe) = "number")) %}', Next: 'NotNumber' },
    ])
  })

  test.each(languages)(
    'in %s, absent, null, a timestamp and a string take the same rule',
    async (language) => {
      const taken = async (input: z.input<typeof Input>) =>
        enteredStates((await run(flow(language), input)).history)[1]

      expect(await taken({})).toBe('NotNumber')
      expect(await taken({ maybe: null })).toBe('Null')
      expect(await taken({ maybe: '2026-01-01T00:00:00Z' })).toBe('Timestamp')
      expect(await taken({ maybe: 'text' })).toBe('Text')
    },
  )
})
