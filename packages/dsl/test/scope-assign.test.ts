// A Choice inside a Map iteration that assigns a local variable from its rule and its default (an outer
// variable there is a type error, and SFN109 at build): lowered whole in both query languages, and run.
import type { QueryLanguage } from '@statewright/asl'
import { run } from '@statewright/runtime'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import {
  DslError,
  gt,
  lambda,
  localVariable,
  set,
  succeed,
  variable,
  workflow,
} from '../src/index.ts'

const Input = z.object({ items: z.array(z.object({ n: z.number() })) })
const size = localVariable<string>('size')
const total = variable<number>('total')

const build = (language: QueryLanguage) =>
  workflow('Sizes', { input: Input, queryLanguage: language }, (start) =>
    start.map('Each', {
      items: (s) => s.items,
      process: (item) =>
        item
          .choice('Check', (c) =>
            c
              .when(
                (s) => gt(s.n, 1),
                (b) => b.pass('Big'),
                {
                  assign: (s) => [set(size, 'big'), set(localVariable<number>('n'), s.n)],
                },
              )
              .otherwise((b) => b.pass('Small'))
              .assign(() => [set(size, 'small')]),
          )
          .pass('Report', (p) => p.parameters((s) => ({ n: s.n, size }))),
    }),
  )

const map = (language: QueryLanguage, states: object) => ({
  Type: 'Map',
  ...(language === 'JSONata' ? { Items: '{% $states.input.items %}' } : { ItemsPath: '$.items' }),
  ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: 'Check', States: states },
  End: true,
})

describe('Choice assign inside a Map iteration', () => {
  test('lowers to JSONPath', () => {
    expect(build('JSONPath').toAsl()).toStrictEqual({
      QueryLanguage: 'JSONPath',
      StartAt: 'Each',
      States: {
        Each: map('JSONPath', {
          Check: {
            Type: 'Choice',
            Choices: [
              {
                Variable: '$.n',
                NumericGreaterThan: 1,
                Next: 'Big',
                Assign: { size: 'big', 'n.$': '$.n' },
              },
            ],
            Default: 'Small',
            Assign: { size: 'small' },
          },
          Big: { Type: 'Pass', Next: 'Report' },
          Small: { Type: 'Pass', Next: 'Report' },
          Report: { Type: 'Pass', Parameters: { 'n.$': '$.n', 'size.$': '$size' }, End: true },
        }),
      },
    })
  })

  test('lowers to JSONata', () => {
    expect(build('JSONata').toAsl()).toStrictEqual({
      QueryLanguage: 'JSONata',
      StartAt: 'Each',
      States: {
        Each: map('JSONata', {
          Check: {
            Type: 'Choice',
            Choices: [
              {
                Condition: '{% $states.input.n > 1 %}',
                Next: 'Big',
                Assign: { size: 'big', n: '{% $states.input.n %}' },
              },
            ],
            Default: 'Small',
            Assign: { size: 'small' },
          },
          Big: { Type: 'Pass', Next: 'Report' },
          Small: { Type: 'Pass', Next: 'Report' },
          Report: {
            Type: 'Pass',
            Output: { n: '{% $states.input.n %}', size: '{% $size %}' },
            End: true,
          },
        }),
      },
    })
  })

  test.each(['JSONPath', 'JSONata'] as const)(
    'in %s, each iteration reads the local variable its rule or default assigned',
    async (language) => {
      const result = await run(build(language), { items: [{ n: 1 }, { n: 2 }] })

      expect(result.status).toBe('SUCCEEDED')
      expect(result.output).toStrictEqual([
        { n: 1, size: 'small' },
        { n: 2, size: 'big' },
      ])
    },
  )

  test('assigning an outer variable from a rule is refused at build too (SFN109)', () => {
    expect(() =>
      workflow('Outer', { input: Input }, (start) =>
        start
          .pass('Init', (p) => p.assign(total, () => 0))
          .map('Each', {
            items: (s) => s.items,
            process: (item) =>
              item.choice('Check', (c) =>
                c
                  // @ts-expect-error total is an outer variable: an iteration cannot assign it
                  .when((s) => gt(s.n, 1), succeed('Big'), { assign: () => [set(total, 1)] })
                  .otherwise(succeed('Small')),
              ),
          }),
      ),
    ).toThrow(expect.objectContaining({ code: 'SFN109' }) as DslError)
  })
})

describe('a catcher assign inside a Map iteration', () => {
  class Refused extends Error {
    override name = 'Refused'
  }
  const lastError = localVariable<string>('lastError')
  const check = lambda('CheckFunction', {
    input: z.object({ n: z.number() }),
    output: z.object({ ok: z.boolean() }),
    handler: (item) => {
      if (item.n > 1) throw new Refused(`too big: ${item.n}`)
      return { ok: true }
    },
  })
  const build = (language: QueryLanguage) =>
    workflow(
      'Checks',
      { input: Input, queryLanguage: language, region: 'us-east-1', account: '123456789012' },
      (start) =>
        start.map('Each', {
          items: (s) => s.items,
          process: (item) =>
            item.task(check, (t) =>
              t.catch(
                ['States.ALL'],
                (c) => c.pass('Report', (p) => p.parameters(() => ({ error: lastError }))),
                { assign: (e) => [set(lastError, e.Error)] },
              ),
            ),
        }),
    )

  test.each(['JSONPath', 'JSONata'] as const)(
    'in %s, sets a local variable the handler reads',
    async (language) => {
      const catcher = build(language).toAsl().States['Each'] as {
        ItemProcessor: { States: Record<string, { Catch?: unknown }> }
      }
      expect(catcher.ItemProcessor.States['Check']?.Catch).toStrictEqual([
        {
          ErrorEquals: ['States.ALL'],
          Next: 'Report',
          Assign:
            language === 'JSONPath'
              ? { 'lastError.$': '$.Error' }
              : { lastError: '{% $states.errorOutput.Error %}' },
        },
      ])

      const result = await run(build(language), { items: [{ n: 1 }, { n: 2 }] })

      expect(result.status).toBe('SUCCEEDED')
      expect(result.output).toStrictEqual([{ ok: true }, { error: 'Refused' }])
    },
  )
})
