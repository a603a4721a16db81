// A Distributed Map iteration reads what itemSelector() passes in and its own local variables (outer
// variables are a type error there, and refused at build): lowered whole in both query languages, and run.
import type { QueryLanguage } from '@statewright/asl'
import { run } from '@statewright/runtime'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { DslError, localVariable, variable, workflow } from '../src/index.ts'

const Input = z.object({ items: z.array(z.number()), runId: z.string() })
const seen = localVariable<number>('seen')
const total = variable<number>('total')

const build = (language: QueryLanguage) =>
  workflow('Distributed', { input: Input, queryLanguage: language }, (start) =>
    start.map('Each', {
      items: (s) => s.items,
      itemSelector: (item, _index, s) => ({ value: item, runId: s.runId }),
      distributed: { executionType: 'EXPRESS', label: 'Each' },
      process: (item) =>
        item
          .pass('Note', (p) => p.assign(seen, (s) => s.value))
          .pass('Read', (p) => p.parameters((s) => ({ runId: s.runId, seen }))),
    }),
  )

const processor = (states: object) => ({
  ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
  StartAt: 'Note',
  States: states,
})

describe('variables in a Distributed Map iteration', () => {
  test('lowers to JSONPath', () => {
    expect(build('JSONPath').toAsl()).toStrictEqual({
      QueryLanguage: 'JSONPath',
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ItemsPath: '$.items',
          ItemSelector: { 'value.$': '$$.Map.Item.Value', 'runId.$': '$.runId' },
          ItemProcessor: processor({
            Note: { Type: 'Pass', Assign: { 'seen.$': '$.value' }, Next: 'Read' },
            Read: {
              Type: 'Pass',
              Parameters: { 'runId.$': '$.runId', 'seen.$': '$seen' },
              End: true,
            },
          }),
          Label: 'Each',
          End: true,
        },
      },
    })
  })

  test('lowers to JSONata', () => {
    expect(build('JSONata').toAsl()).toStrictEqual({
      QueryLanguage: 'JSONata',
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          Items: '{% $states.input.items %}',
          ItemSelector: {
            value: '{% $states.context.Map.Item.Value %}',
            runId: '{% $states.input.runId %}',
          },
          ItemProcessor: processor({
            Note: { Type: 'Pass', Assign: { seen: '{% $states.input.value %}' }, Next: 'Read' },
            Read: {
              Type: 'Pass',
              Output: { runId: '{% $states.input.runId %}', seen: '{% $seen %}' },
              End: true,
            },
          }),
          Label: 'Each',
          End: true,
        },
      },
    })
  })

  test.each(['JSONPath', 'JSONata'] as const)(
    'in %s, each child execution reads its selected input and its own variable',
    async (language) => {
      const result = await run(build(language), { items: [1, 2], runId: 'r1' })

      expect(result.status).toBe('SUCCEEDED')
      expect(result.output).toStrictEqual([
        { runId: 'r1', seen: 1 },
        { runId: 'r1', seen: 2 },
      ])
    },
  )

  test('reading an outer variable through the iteration chain is refused at build too', () => {
    expect(() =>
      workflow('Outer', { input: Input }, (start) =>
        start
          .pass('Init', (p) => p.assign(total, () => 0))
          .map('Each', {
            items: (s) => s.items,
            distributed: {},
            // @ts-expect-error total is an outer variable: a Distributed Map iteration cannot read it
            process: (item) => item.pass('Read', (p) => p.parameters(() => ({ total }))),
          }),
      ),
    ).toThrow(DslError)
  })
})
