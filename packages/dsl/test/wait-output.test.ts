// A Wait that shapes its output: lowered whole in both query languages, and executed by the runtime.
import type { QueryLanguage } from '@statewright/asl'
import { run } from '@statewright/runtime'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { DslError, wait, workflow } from '../src/index.ts'

const Job = z.object({ id: z.string(), delay: z.number(), result: z.object({ ok: z.boolean() }) })

const build = (language: QueryLanguage) =>
  workflow('Hold', { input: Job, queryLanguage: language }, (start) =>
    start
      .wait('Cool', { seconds: (s) => s.delay, outputPath: (s) => s.result })
      .pass('Report', (p) => p.parameters((s) => ({ ok: s.ok }))),
  )

describe('Wait outputPath', () => {
  test('lowers to OutputPath in JSONPath', () => {
    expect(build('JSONPath').toAsl()).toStrictEqual({
      QueryLanguage: 'JSONPath',
      StartAt: 'Cool',
      States: {
        Cool: { Type: 'Wait', SecondsPath: '$.delay', OutputPath: '$.result', Next: 'Report' },
        Report: { Type: 'Pass', Parameters: { 'ok.$': '$.ok' }, End: true },
      },
    })
  })

  test('lowers to Output in JSONata', () => {
    expect(build('JSONata').toAsl()).toStrictEqual({
      QueryLanguage: 'JSONata',
      StartAt: 'Cool',
      States: {
        Cool: {
          Type: 'Wait',
          Seconds: '{% $states.input.delay %}',
          Output: '{% $states.input.result %}',
          Next: 'Report',
        },
        Report: { Type: 'Pass', Output: { ok: '{% $states.input.ok %}' }, End: true },
      },
    })
  })

  test.each(['JSONPath', 'JSONata'] as const)(
    'in %s, the next state gets the selected part after the wait',
    async (language) => {
      const result = await run(build(language), { id: 'j1', delay: 5, result: { ok: true } })

      expect(result.status).toBe('SUCCEEDED')
      expect(result.output).toStrictEqual({ ok: true })
    },
  )

  test('refuses an outputPath that does not select from the input', () => {
    expect(() => wait('Bad', { seconds: 1, outputPath: () => 'text' as never })).toThrow(DslError)
  })
})
