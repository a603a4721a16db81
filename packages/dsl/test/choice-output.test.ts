// A Choice that shapes its output: lowered whole and executed in JSONPath and JSONata.
import type { QueryLanguage } from '@statewright/asl'
import { run } from '@statewright/runtime'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { choice, DslError, eq, workflow } from '../src/index.ts'

const Request = z.object({
  express: z.boolean(),
  order: z.object({ id: z.string(), total: z.number() }),
})

const build = (language: QueryLanguage) =>
  workflow('Route', { input: Request, queryLanguage: language }, (start) =>
    start.choice('Express', (c) =>
      c
        .outputPath((s) => s.order)
        .when(
          (s) => eq(s.express, true),
          (order) => order.pass('Fast', (p) => p.parameters((o) => ({ id: o.id, speed: 'fast' }))),
        )
        .otherwise((order) =>
          order.pass('Slow', (p) => p.parameters((o) => ({ id: o.id, speed: 'slow' }))),
        ),
    ),
  )

describe('Choice outputPath', () => {
  test('lowers to OutputPath in JSONPath', () => {
    expect(build('JSONPath').toAsl()).toStrictEqual({
      QueryLanguage: 'JSONPath',
      StartAt: 'Express',
      States: {
        Express: {
          Type: 'Choice',
          Choices: [{ Variable: '$.express', BooleanEquals: true, Next: 'Fast' }],
          Default: 'Slow',
          OutputPath: '$.order',
        },
        Fast: { Type: 'Pass', Parameters: { 'id.$': '$.id', speed: 'fast' }, End: true },
        Slow: { Type: 'Pass', Parameters: { 'id.$': '$.id', speed: 'slow' }, End: true },
      },
    })
  })

  test('lowers to Output on the state and on every rule in JSONata', () => {
    expect(build('JSONata').toAsl()).toStrictEqual({
      QueryLanguage: 'JSONata',
      StartAt: 'Express',
      States: {
        Express: {
          Type: 'Choice',
          Choices: [
            {
              Condition: '{% $states.input.express = true %}',
              Next: 'Fast',
              Output: '{% $states.input.order %}',
            },
          ],
          Default: 'Slow',
          Output: '{% $states.input.order %}',
        },
        Fast: {
          Type: 'Pass',
          Output: { id: '{% $states.input.id %}', speed: 'fast' },
          End: true,
        },
        Slow: {
          Type: 'Pass',
          Output: { id: '{% $states.input.id %}', speed: 'slow' },
          End: true,
        },
      },
    })
  })

  test.each(['JSONPath', 'JSONata'] as const)(
    'the branch taken gets only the selected part (%s)',
    async (language) => {
      const flow = build(language)
      const order = { id: 'o1', total: 5 }

      const fast = await run(flow, { express: true, order })
      const slow = await run(flow, { express: false, order })

      expect(fast.status).toBe('SUCCEEDED')
      expect(fast.output).toStrictEqual({ id: 'o1', speed: 'fast' })
      expect(slow.status).toBe('SUCCEEDED')
      expect(slow.output).toStrictEqual({ id: 'o1', speed: 'slow' })
    },
  )

  test('refuses outputPath() after a when() and a path outside the input', () => {
    const fresh = choice('C', { input: Request })
    const started = fresh.when(
      (s) => eq(s.express, true),
      (next) => next.succeed('Done'),
    )
    expect(() => (started as never as typeof fresh).outputPath((s) => s.order)).toThrow(
      /before the first when\(\)/,
    )
    expect(() => fresh.outputPath(() => 'text' as never)).toThrow(DslError)
  })
})
