// Gaps 5, 13 and 10 of COVERAGE.md: stringSplit, mathAdd, arrayRange and mathRandom (with its seed) compute
// in JSONata exactly what their States.* intrinsic computes in JSONPath; lowered whole in both languages and
// executed by the runtime in both, on the inputs where the former JSONata lowering differed.
import type { QueryLanguage } from '@statewright/asl'
import { run } from '@statewright/runtime'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { arrayRange, DslError, mathAdd, mathRandom, stringSplit, workflow } from '../src/index.ts'

const languages: readonly QueryLanguage[] = ['JSONPath', 'JSONata']
const Input = z.object({
  csv: z.string(),
  delims: z.string(),
  x: z.number(),
  y: z.number(),
  from: z.number(),
  to: z.number(),
  by: z.number(),
  seed: z.number(),
})
type Input = z.input<typeof Input>

const flow = (language: QueryLanguage) =>
  workflow('Intrinsics', { input: Input, queryLanguage: language }, (start) =>
    start.pass('All', (p) =>
      p.parameters((s) => ({
        empties: stringSplit('a,b,,c,', ','),
        chars: stringSplit('a-b_c', '-_'),
        slash: stringSplit('a/b]c', '/]'),
        dynamic: stringSplit(s.csv, s.delims),
        none: stringSplit(s.csv, ''),
        sum: mathAdd(s.x, 1),
        sums: mathAdd(s.x, s.y),
        range: arrayRange(s.from, s.to, s.by),
        one: arrayRange(1, 1, 1),
        empty: arrayRange(5, 1, 1),
        seeded: mathRandom(1, 1000, s.seed),
        bounded: mathRandom(s.x, s.to),
      })),
    ),
  )

const input: Input = {
  csv: 'a-b__c',
  delims: '-_',
  x: 1.5,
  y: -2.5,
  from: 1,
  to: 7,
  by: 3,
  seed: 42,
}

describe('gaps 5, 13, 10: intrinsics compute the same in JSONata as in JSONPath', () => {
  test('lowers whole to JSONPath: the States.* intrinsics, MathRandom with its seed', () => {
    expect(flow('JSONPath').toAsl()).toStrictEqual({
      StartAt: 'All',
      States: {
        All: {
          Type: 'Pass',
          Parameters: {
            'empties.$': "States.StringSplit('a,b,,c,', ',')",
            'chars.$': "States.StringSplit('a-b_c', '-_')",
            'slash.$': "States.StringSplit('a/b]c', '/]')",
            'dynamic.$': 'States.StringSplit($.csv, $.delims)',
            'none.$': "States.StringSplit($.csv, '')",
            'sum.$': 'States.MathAdd($.x, 1)',
            'sums.$': 'States.MathAdd($.x, $.y)',
            'range.$': 'States.ArrayRange($.from, $.to, $.by)',
            'one.$': 'States.ArrayRange(1, 1, 1)',
            'empty.$': 'States.ArrayRange(5, 1, 1)',
            'seeded.$': 'States.MathRandom(1, 1000, $.seed)',
            'bounded.$': 'States.MathRandom($.x, $.to)',
          },
          End: true,
        },
      },
      QueryLanguage: 'JSONPath',
    })
  })

  test('lowers whole to JSONata: empty pieces dropped, integers rounded or required, arrays kept', () => {
    const refusedRange =
      '$error("States.ArrayRange needs integers, a step other than 0 and at most 1000 items")'
    expect(flow('JSONata').toAsl()).toStrictEqual({
      StartAt: 'All',
      States: {
        All: {
          Type: 'Pass',
          Output: {
            empties: '{% [$split("a,b,,c,", ",")[$ != ""]] %}',
            chars: '{% [$split("a-b_c", /[\\-_]/)[$ != ""]] %}',
            slash: '{% [$split("a/b]c", /[\\/\\]]/)[$ != ""]] %}',
            dynamic:
              '{% ($__chars := $split($states.input.delims, ""); $__text := $states.input.csv; [($count($__chars) = 0 ? $__text : $split($reduce($__chars, function($__t, $__c) { $replace($__t, $__c, $__chars[0]) }, $__text), $__chars[0]))[$ != ""]]) %}',
            none: '{% [($states.input.csv)[$ != ""]] %}',
            sum: '{% ($floor(($states.input.x) + 0.5) + 1) %}',
            sums: '{% ($floor(($states.input.x) + 0.5) + $floor(($states.input.y) + 0.5)) %}',
            range: `{% ($__first := $states.input.from; $__last := $states.input.to; $__step := $states.input.by; $__first = $floor($__first) and $__last = $floor($__last) and $__step = $floor($__step) and $__step != 0 ? ($floor(($__last - $__first) / $__step) + 1 <= 1000 ? [$range($__first, $__last, $__step)] : ${refusedRange}) : ${refusedRange}) %}`,
            one: '{% [$range(1, 1, 1)] %}',
            empty: '{% [$range(5, 1, 1)] %}',
            seeded: '{% ($floor($random($floor(($states.input.seed) + 0.5)) * (1000 - 1)) + 1) %}',
            bounded:
              '{% ($__start := $floor(($states.input.x) + 0.5); $__end := $floor(($states.input.to) + 0.5); $__end > $__start ? $floor($random() * ($__end - $__start)) + $__start : $error("States.MathRandom needs an end greater than its start")) %}',
          },
          End: true,
        },
      },
      QueryLanguage: 'JSONata',
    })
  })

  test.each(languages)('in %s, each helper computes what States.* computes', async (language) => {
    const result = await run(flow(language), input, { random: () => 0.5 })

    expect(result.status).toBe('SUCCEEDED')
    expect(result.output).toMatchObject({
      empties: ['a', 'b', 'c'],
      chars: ['a', 'b', 'c'],
      slash: ['a', 'b', 'c'],
      dynamic: ['a', 'b', 'c'],
      none: ['a-b__c'],
      sum: 3,
      sums: 0,
      range: [1, 4, 7],
      one: [1],
      empty: [],
      // [round(1.5), round(7)) = [2, 7) at 0.5 of the way
      bounded: 4,
    })
  })

  test('the same seed gives the same number in both languages', async () => {
    const [path, ata] = await Promise.all(languages.map((language) => run(flow(language), input)))
    const seeded = (output: unknown) => (output as { seeded: number }).seeded

    expect(seeded(path?.output)).toBe(seeded(ata?.output))
    expect(seeded(path?.output)).toSatisfy((n: number) => Number.isInteger(n) && n >= 1 && n < 1000)
  })

  test.each([
    ['JSONPath', 'States.Runtime'],
    ['JSONata', 'States.QueryEvaluationError'],
  ] as const)('in %s, a decimal in arrayRange fails the state (%s)', async (language, error) => {
    const result = await run(flow(language), { ...input, by: 1.5 })

    expect(result).toMatchObject({ status: 'FAILED', error })
  })

  test('literal arguments the intrinsics refuse are refused when built, with the fix', () => {
    expect(() => arrayRange(1, 2.5, 1)).toThrow(DslError)
    expect(() => arrayRange(1, 5, 0)).toThrow(
      'arrayRange(1, 5, 0) needs integers and a step other than 0, as States.ArrayRange does.',
    )
    expect(() => arrayRange(0, 5000, 1)).toThrow(
      'arrayRange(0, 5000, 1) would make 5001 items; States.ArrayRange makes at most 1000: use a larger step or a smaller range.',
    )
    expect(() => mathRandom(5, 5)).toThrow(
      'mathRandom(5, 5) needs an end greater than its start: the result is in [start, end).',
    )
  })
})
