// A Choice inside a Distributed Map iteration whose conditions read the iteration input and a local
// variable (an outer variable there is a type error, and SFN109 at build): lowered whole in both query
// languages, and run.
import type { QueryLanguage } from '@statewright/asl'
import { run } from '@statewright/runtime'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import {
  and,
  DslError,
  eq,
  gt,
  localVariable,
  not,
  succeed,
  variable,
  workflow,
} from '../src/index.ts'

const Input = z.object({ items: z.array(z.object({ n: z.number() })) })
const seen = localVariable<number>('seen')
const total = variable<number>('total')

const build = (language: QueryLanguage) =>
  workflow('Sizes', { input: Input, queryLanguage: language }, (start) =>
    start.map('Each', {
      items: (s) => s.items,
      distributed: {},
      process: (item) =>
        item
          .pass('Note', (p) => p.assign(seen, (s) => s.n))
          .choice('Check', (c) =>
            c
              .when(
                (s) => and(gt(s.n, 1), not(eq(seen, 5))),
                (b) => b.pass('Big', (p) => p.parameters(() => ({ size: 'big' }))),
              )
              .otherwise((b) => b.pass('Small', (p) => p.parameters(() => ({ size: 'small' })))),
          ),
    }),
  )

const map = (language: QueryLanguage, states: object) => ({
  Type: 'Map',
  ...(language === 'JSONata' ? { Items: '{% $states.input.items %}' } : { ItemsPath: '$.items' }),
  ItemProcessor: {
    ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
    StartAt: 'Note',
    States: states,
  },
  End: true,
})

describe('conditions in a Distributed Map iteration', () => {
  test('lower to JSONPath rules', () => {
    expect(build('JSONPath').toAsl()).toStrictEqual({
      QueryLanguage: 'JSONPath',
      StartAt: 'Each',
      States: {
        Each: map('JSONPath', {
          Note: { Type: 'Pass', Assign: { 'seen.$': '$.n' }, Next: 'Check' },
          Check: {
            Type: 'Choice',
            Choices: [
              {
                And: [
                  { Variable: '$.n', NumericGreaterThan: 1 },
                  { Not: { Variable: '$seen', NumericEquals: 5 } },
                ],
                Next: 'Big',
              },
            ],
            Default: 'Small',
          },
          Big: { Type: 'Pass', Parameters: { size: 'big' }, End: true },
          Small: { Type: 'Pass', Parameters: { size: 'small' }, End: true },
        }),
      },
    })
  })

  test('lower to JSONata conditions', () => {
    expect(build('JSONata').toAsl()).toStrictEqual({
      QueryLanguage: 'JSONata',
      StartAt: 'Each',
      States: {
        Each: map('JSONata', {
          Note: { Type: 'Pass', Assign: { seen: '{% $states.input.n %}' }, Next: 'Check' },
          Check: {
            Type: 'Choice',
            Choices: [
              {
                Condition: '{% ($states.input.n > 1) and ($not($seen = 5)) %}',
                Next: 'Big',
              },
            ],
            Default: 'Small',
          },
          Big: { Type: 'Pass', Output: { size: 'big' }, End: true },
          Small: { Type: 'Pass', Output: { size: 'small' }, End: true },
        }),
      },
    })
  })

  test.each(['JSONPath', 'JSONata'] as const)(
    'in %s, each child execution decides on its own input and local variable',
    async (language) => {
      const result = await run(build(language), { items: [{ n: 1 }, { n: 2 }, { n: 5 }] })

      expect(result.status).toBe('SUCCEEDED')
      expect(result.output).toStrictEqual([{ size: 'small' }, { size: 'big' }, { size: 'small' }])
    },
  )

  test('a condition reading an outer variable is refused at build too (SFN109)', () => {
    expect(() =>
      workflow('Outer', { input: Input }, (start) =>
        start
          .pass('Init', (p) => p.assign(total, () => 0))
          .map('Each', {
            items: (s) => s.items,
            distributed: {},
            process: (item) =>
              item.choice('Check', (c) =>
                c
                  // @ts-expect-error total is an outer variable: a Distributed Map iteration cannot read it
                  .when(() => eq(total, 0), succeed('Zero'))
                  .otherwise(succeed('Other')),
              ),
          }),
      ),
    ).toThrow(expect.objectContaining({ code: 'SFN109' }) as DslError)
  })
})
