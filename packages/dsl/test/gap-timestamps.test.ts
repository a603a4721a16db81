// Gap 8 of COVERAGE.md: timestamp comparisons between two fields (`Timestamp…Path`), lowered whole in
// JSONPath and JSONata and executed by the runtime in both.
import type { QueryLanguage } from '@statewright/asl'
import { run } from '@statewright/runtime'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import {
  and,
  timestampEq,
  timestampGt,
  timestampGte,
  timestampLt,
  timestampLte,
  workflow,
} from '../src/index.ts'
import { enteredStates } from './history.ts'

const languages: readonly QueryLanguage[] = ['JSONPath', 'JSONata']
const Window = z.object({ start: z.string(), end: z.string(), at: z.string() })

const flow = (language: QueryLanguage) =>
  workflow('Window', { input: Window, queryLanguage: language }, (start) =>
    start.choice('When', (c) =>
      c
        .when(
          (s) => timestampEq(s.at, s.start),
          (b) => b.pass('AtStart'),
        )
        .when(
          (s) => and(timestampGt(s.at, s.start), timestampLt(s.at, s.end)),
          (b) => b.pass('Inside'),
        )
        .when(
          (s) => and(timestampGte(s.at, s.end), timestampLte(s.start, s.end)),
          (b) => b.pass('After'),
        )
        .otherwise((b) => b.pass('Before')),
    ),
  )

describe('gap 8: timestamps compared with another field', () => {
  test('lowers whole to JSONPath: Timestamp…Path operators', () => {
    expect(flow('JSONPath').toAsl()).toStrictEqual({
      StartAt: 'When',
      States: {
        When: {
          Type: 'Choice',
          Choices: [
            { Variable: '$.at', TimestampEqualsPath: '$.start', Next: 'AtStart' },
            {
              And: [
                { Variable: '$.at', TimestampGreaterThanPath: '$.start' },
                { Variable: '$.at', TimestampLessThanPath: '$.end' },
              ],
              Next: 'Inside',
            },
            {
              And: [
                { Variable: '$.at', TimestampGreaterThanEqualsPath: '$.end' },
                { Variable: '$.start', TimestampLessThanEqualsPath: '$.end' },
              ],
              Next: 'After',
            },
          ],
          Default: 'Before',
        },
        AtStart: { Type: 'Pass', End: true },
        Inside: { Type: 'Pass', End: true },
        After: { Type: 'Pass', End: true },
        Before: { Type: 'Pass', End: true },
      },
      QueryLanguage: 'JSONPath',
    })
  })

  test('lowers whole to JSONata: $toMillis on both sides', () => {
    const choices = (flow('JSONata').toAsl().States['When'] as { Choices: unknown }).Choices
    expect(choices).toStrictEqual([
      {
        Condition: '{% $toMillis($states.input.at) = $toMillis($states.input.start) %}',
        Next: 'AtStart',
      },
      {
        Condition:
          '{% ($toMillis($states.input.at) > $toMillis($states.input.start)) and ($toMillis($states.input.at) < $toMillis($states.input.end)) %}',
        Next: 'Inside',
      },
      {
        Condition:
          '{% ($toMillis($states.input.at) >= $toMillis($states.input.end)) and ($toMillis($states.input.start) <= $toMillis($states.input.end)) %}',
        Next: 'After',
      },
    ])
  })

  const window = { start: '2026-01-01T00:00:00Z', end: '2026-01-02T00:00:00+01:00' }
  test.each(languages)('in %s, each rule compares the two instants', async (language) => {
    const taken = async (at: string) =>
      enteredStates((await run(flow(language), { ...window, at })).history)[1]

    expect(await taken('2026-01-01T00:00:00Z')).toBe('AtStart')
    expect(await taken('2026-01-01T12:00:00Z')).toBe('Inside')
    // 2026-01-02T00:00:00+01:00 is 23:00 UTC on the 1st: an instant at or after it is After.
    expect(await taken('2026-01-01T23:00:00Z')).toBe('After')
    expect(await taken('2025-12-31T23:59:59Z')).toBe('Before')
  })
})
