// Gap 12 of COVERAGE.md: jsonMerge() of two objects (its arguments are typed as objects), lowered whole in
// JSONPath and JSONata and executed by the runtime in both; an object literal merged in JSONata.
import type { QueryLanguage } from '@statewright/asl'
import { run } from '@statewright/runtime'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { jsonMerge, workflow } from '../src/index.ts'

const languages: readonly QueryLanguage[] = ['JSONPath', 'JSONata']
const Input = z.object({
  defaults: z.object({ retries: z.number(), region: z.string() }),
  overrides: z.object({ region: z.string(), fast: z.boolean() }),
})
const input = {
  defaults: { retries: 3, region: 'us-east-1' },
  overrides: { region: 'eu-west-1', fast: true },
}

const flow = (language: QueryLanguage) =>
  workflow('Merge', { input: Input, queryLanguage: language }, (start) =>
    start.pass('Merged', (p) =>
      p.parameters((s) => ({ config: jsonMerge(s.defaults, s.overrides) })),
    ),
  )

describe('gap 12: jsonMerge() of objects', () => {
  test('lowers whole in both languages', () => {
    expect(flow('JSONPath').toAsl()).toStrictEqual({
      StartAt: 'Merged',
      States: {
        Merged: {
          Type: 'Pass',
          Parameters: { 'config.$': 'States.JsonMerge($.defaults, $.overrides, false)' },
          End: true,
        },
      },
      QueryLanguage: 'JSONPath',
    })
    expect(flow('JSONata').toAsl()).toStrictEqual({
      StartAt: 'Merged',
      States: {
        Merged: {
          Type: 'Pass',
          Output: { config: '{% $merge([$states.input.defaults, $states.input.overrides]) %}' },
          End: true,
        },
      },
      QueryLanguage: 'JSONata',
    })
  })

  test.each(languages)('in %s, the right side wins', async (language) => {
    const result = await run(flow(language), input)

    expect(result.status).toBe('SUCCEEDED')
    expect(result.output).toStrictEqual({
      config: { retries: 3, region: 'eu-west-1', fast: true },
    })
  })

  test('in JSONata, an object literal is merged too', async () => {
    const literal = workflow('Literal', { input: Input, queryLanguage: 'JSONata' }, (start) =>
      start.pass('Merged', (p) =>
        p.parameters((s) => ({ config: jsonMerge(s.defaults, { fast: false }) })),
      ),
    )

    expect(literal.toAsl().States['Merged']).toStrictEqual({
      Type: 'Pass',
      Output: { config: '{% $merge([$states.input.defaults, {"fast": false}]) %}' },
      End: true,
    })
    expect((await run(literal, input)).output).toStrictEqual({
      config: { retries: 3, region: 'us-east-1', fast: false },
    })
  })
})
