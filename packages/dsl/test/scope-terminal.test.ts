// Wait, Succeed and Fail inside a Distributed Map iteration, reading the iteration input and a local
// variable (an outer variable in their options is a type error there, and SFN109 at build): lowered whole
// in both query languages, and run.
import type { QueryLanguage } from '@statewright/asl'
import { run } from '@statewright/runtime'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { DslError, eq, localVariable, set, variable, workflow } from '../src/index.ts'

const Item = z.object({ delay: z.number(), reason: z.string(), ok: z.boolean() })
const Input = z.object({ items: z.array(Item) })
const waited = localVariable<number>('waited')
const until = variable<string>('until')

const build = (language: QueryLanguage) =>
  workflow('Checks', { input: Input, queryLanguage: language }, (start) =>
    start.map('Each', {
      items: (s) => s.items,
      distributed: { toleratedFailureCount: 1 },
      process: (item) =>
        item
          .wait('Pause', { seconds: (s) => s.delay, assign: (s) => [set(waited, s.delay)] })
          .pass('Note', (p) => p.parameters((s) => ({ reason: s.reason, ok: s.ok, waited })))
          .choice('Ok', (c) =>
            c
              .when(
                (s) => eq(s.ok, true),
                (b) => b.succeed('Done', { outputPath: (s) => s.waited }),
              )
              .otherwise((b) =>
                b.fail('Refused', { error: 'Refused', causeFrom: (s) => s.reason }),
              ),
          ),
    }),
  )

const processor = (states: object) => ({
  ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
  StartAt: 'Pause',
  States: states,
})

describe('Wait, Succeed and Fail in a Distributed Map iteration', () => {
  test('lower to JSONPath', () => {
    expect(build('JSONPath').toAsl()).toStrictEqual({
      QueryLanguage: 'JSONPath',
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemsPath: '$.items',
          ItemProcessor: processor({
            Pause: {
              Type: 'Wait',
              SecondsPath: '$.delay',
              Assign: { 'waited.$': '$.delay' },
              Next: 'Note',
            },
            Note: {
              Type: 'Pass',
              Parameters: { 'reason.$': '$.reason', 'ok.$': '$.ok', 'waited.$': '$waited' },
              Next: 'Ok',
            },
            Ok: {
              Type: 'Choice',
              Choices: [{ Variable: '$.ok', BooleanEquals: true, Next: 'Done' }],
              Default: 'Refused',
            },
            Done: { Type: 'Succeed', OutputPath: '$.waited' },
            Refused: { Type: 'Fail', Error: 'Refused', CausePath: '$.reason' },
          }),
          ToleratedFailureCount: 1,
          End: true,
        },
      },
    })
  })

  test('lower to JSONata', () => {
    expect(build('JSONata').toAsl()).toStrictEqual({
      QueryLanguage: 'JSONata',
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          Items: '{% $states.input.items %}',
          ItemProcessor: processor({
            Pause: {
              Type: 'Wait',
              Seconds: '{% $states.input.delay %}',
              Assign: { waited: '{% $states.input.delay %}' },
              Next: 'Note',
            },
            Note: {
              Type: 'Pass',
              Output: {
                reason: '{% $states.input.reason %}',
                ok: '{% $states.input.ok %}',
                waited: '{% $waited %}',
              },
              Next: 'Ok',
            },
            Ok: {
              Type: 'Choice',
              Choices: [{ Condition: '{% $states.input.ok = true %}', Next: 'Done' }],
              Default: 'Refused',
            },
            Done: { Type: 'Succeed', Output: '{% $states.input.waited %}' },
            Refused: { Type: 'Fail', Error: 'Refused', Cause: '{% $states.input.reason %}' },
          }),
          ToleratedFailureCount: 1,
          End: true,
        },
      },
    })
  })

  test.each(['JSONPath', 'JSONata'] as const)(
    'in %s, each child execution waits its own delay and ends by its own input',
    async (language) => {
      const result = await run(build(language), {
        items: [
          { delay: 2, reason: 'fine', ok: true },
          { delay: 3, reason: 'fine too', ok: true },
        ],
      })

      expect(result.status).toBe('SUCCEEDED')
      expect(result.output).toStrictEqual([2, 3])
    },
  )

  test.each(['JSONPath', 'JSONata'] as const)(
    'in %s, two refused items exceed the tolerated failure count',
    async (language) => {
      const result = await run(build(language), {
        items: [
          { delay: 0, reason: 'no stock', ok: false },
          { delay: 0, reason: 'no card', ok: false },
        ],
      })

      expect(result.status).toBe('FAILED')
      expect(result.error).toBe('States.ExceedToleratedFailureThreshold')
    },
  )

  test('a Fail cause read from an outer variable is refused at build too (SFN109)', () => {
    expect(() =>
      workflow('Outer', { input: Input }, (start) =>
        start
          .pass('Init', (p) => p.assign(until, () => 'later'))
          .map('Each', {
            items: (s) => s.items,
            distributed: {},
            process: (item) =>
              // @ts-expect-error until is an outer variable: a Distributed Map iteration cannot read it
              item.fail('Refused', { error: 'Refused', causeFrom: () => until }),
          }),
      ),
    ).toThrow(expect.objectContaining({ code: 'SFN109' }) as DslError)
  })
})
