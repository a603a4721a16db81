// Gaps 7 and 14 of COVERAGE.md: a Comment on a Choice rule, on Parallel branches and on a Map's
// ItemProcessor, lowered whole in JSONPath and JSONata and executed by the runtime in both.
import type { QueryLanguage } from '@statewright/asl'
import { run } from '@statewright/runtime'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { DslError, eq, parallel, pass, workflow } from '../src/index.ts'
import { enteredStates } from './history.ts'

const languages: readonly QueryLanguage[] = ['JSONPath', 'JSONata']
const Order = z.object({ tier: z.string(), lines: z.array(z.string()) })

const flow = (language: QueryLanguage) =>
  workflow('Commented', { input: Order, queryLanguage: language }, (start) =>
    start
      .choice('Tier', (c) =>
        c
          .when(
            (s) => eq(s.tier, 'gold'),
            (b) => b.pass('Gold'),
            { comment: 'gold customers first' },
          )
          .otherwise((b) => b.pass('Other')),
      )
      .parallel('Both', [(b) => b.pass('Left'), (b) => b.pass('Right')], (p) =>
        p.branchComments('left view', undefined).resultPath('both'),
      )
      .map('Each', {
        items: (s) => s.lines,
        processorComment: 'one line',
        process: (line) => line.pass('Line'),
      }),
  )

const rule = (language: QueryLanguage) =>
  language === 'JSONPath'
    ? { Variable: '$.tier', StringEquals: 'gold' }
    : { Condition: '{% $states.input.tier = "gold" %}' }

describe('gaps 7 and 14: Comments on Choice rules, Parallel branches and a Map ItemProcessor', () => {
  test.each(languages)('lowers whole to %s', (language) => {
    const items =
      language === 'JSONPath' ? { ItemsPath: '$.lines' } : { Items: '{% $states.input.lines %}' }
    const placed =
      language === 'JSONPath'
        ? { ResultPath: '$.both' }
        : { Output: '{% $merge([$states.input, {"both": $states.result}]) %}' }
    expect(flow(language).toAsl()).toStrictEqual({
      StartAt: 'Tier',
      States: {
        Tier: {
          Type: 'Choice',
          Choices: [{ ...rule(language), Next: 'Gold', Comment: 'gold customers first' }],
          Default: 'Other',
        },
        Gold: { Type: 'Pass', Next: 'Both' },
        Other: { Type: 'Pass', Next: 'Both' },
        Both: {
          Type: 'Parallel',
          Branches: [
            {
              Comment: 'left view',
              StartAt: 'Left',
              States: { Left: { Type: 'Pass', End: true } },
            },
            { StartAt: 'Right', States: { Right: { Type: 'Pass', End: true } } },
          ],
          ...placed,
          Next: 'Each',
        },
        Each: {
          Type: 'Map',
          ...items,
          ItemProcessor: {
            ProcessorConfig: { Mode: 'INLINE' },
            Comment: 'one line',
            StartAt: 'Line',
            States: { Line: { Type: 'Pass', End: true } },
          },
          End: true,
        },
      },
      QueryLanguage: language,
    })
  })

  test.each(languages)(
    'in %s, the commented rule, branches and iterations run',
    async (language) => {
      const result = await run(flow(language), { tier: 'gold', lines: ['a', 'b'] })

      expect(result.status).toBe('SUCCEEDED')
      expect(result.output).toStrictEqual(['a', 'b'])
      expect(enteredStates(result.history)).toStrictEqual([
        'Tier',
        'Gold',
        'Both',
        'Left',
        'Right',
        'Each',
        'Line',
        'Line',
      ])
    },
  )

  test('more branch comments than branches are refused with the fix', () => {
    const tooMany = () => parallel('Two', [pass('A'), pass('B')]).branchComments('a', 'b', 'c')
    expect(tooMany).toThrow(DslError)
    expect(tooMany).toThrow(
      "branchComments() on 'Two' gives 3 comments for 2 branches: give at most one per branch, in order.",
    )
  })
})
