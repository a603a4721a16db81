// Standalone builders and chains used inside a Distributed Map iteration and an inline Map iteration:
// ones that read only the iteration input and local variables are accepted (outer variables there are a
// type error, and SFN109 at build). Lowered whole in both query languages, and run.
import type { QueryLanguage } from '@statewright/asl'
import { run } from '@statewright/runtime'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { DslError, pass, localVariable, set, variable, wait, workflow } from '../src/index.ts'

const Item = z.object({ n: z.number() })
const Input = z.object({ items: z.array(Item) })
const seen = localVariable<number>('seen')
const total = variable<number>('total')

const build = (language: QueryLanguage) => {
  // Built on their own, outside any chain: the iteration chains take them by next().
  const pause = wait<z.input<typeof Item>>('Pause', {
    seconds: (s) => s.n,
    assign: (s) => [set(seen, s.n)],
  })
  const count = pass('Count').assign(seen, () => 7)
  const shaped = (name: string) => pass(name).parameters(() => ({ seen }))
  return workflow('Standalone', { input: Input, queryLanguage: language }, (start) =>
    start
      .map('Distributed', {
        items: (s) => s.items,
        distributed: {},
        process: (item) => item.next(pause.next(shaped('ShapeA'))),
      })
      .map('Inline', { process: (item) => item.next(count).next(shaped('ShapeB')) }),
  )
}

const map = (mode: object, first: string, states: object) => ({
  Type: 'Map',
  ItemProcessor: { ProcessorConfig: mode, StartAt: first, States: states },
})

describe('standalone pieces inside Map iterations', () => {
  test('lower to JSONPath', () => {
    expect(build('JSONPath').toAsl()).toStrictEqual({
      QueryLanguage: 'JSONPath',
      StartAt: 'Distributed',
      States: {
        Distributed: {
          ...map({ Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, 'Pause', {
            Pause: {
              Type: 'Wait',
              SecondsPath: '$.n',
              Assign: { 'seen.$': '$.n' },
              Next: 'ShapeA',
            },
            ShapeA: { Type: 'Pass', Parameters: { 'seen.$': '$seen' }, End: true },
          }),
          ItemsPath: '$.items',
          Next: 'Inline',
        },
        Inline: {
          ...map({ Mode: 'INLINE' }, 'Count', {
            Count: { Type: 'Pass', Assign: { seen: 7 }, Next: 'ShapeB' },
            ShapeB: { Type: 'Pass', Parameters: { 'seen.$': '$seen' }, End: true },
          }),
          End: true,
        },
      },
    })
  })

  test('lower to JSONata', () => {
    expect(build('JSONata').toAsl()).toStrictEqual({
      QueryLanguage: 'JSONata',
      StartAt: 'Distributed',
      States: {
        Distributed: {
          ...map({ Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, 'Pause', {
            Pause: {
              Type: 'Wait',
              Seconds: '{% $states.input.n %}',
              Assign: { seen: '{% $states.input.n %}' },
              Next: 'ShapeA',
            },
            ShapeA: { Type: 'Pass', Output: { seen: '{% $seen %}' }, End: true },
          }),
          Items: '{% $states.input.items %}',
          Next: 'Inline',
        },
        Inline: {
          ...map({ Mode: 'INLINE' }, 'Count', {
            Count: { Type: 'Pass', Assign: { seen: 7 }, Next: 'ShapeB' },
            ShapeB: { Type: 'Pass', Output: { seen: '{% $seen %}' }, End: true },
          }),
          End: true,
        },
      },
    })
  })

  test.each(['JSONPath', 'JSONata'] as const)(
    'in %s, each iteration reads its own local variable',
    async (language) => {
      const result = await run(build(language), { items: [{ n: 1 }, { n: 2 }] })

      expect(result.status).toBe('SUCCEEDED')
      expect(result.output).toStrictEqual([{ seen: 7 }, { seen: 7 }])
    },
  )

  test('the first Map alone hands on what each child execution saw', async () => {
    const first = workflow('First', { input: Input }, (start) =>
      start.map('Distributed', {
        items: (s) => s.items,
        distributed: {},
        process: (item) =>
          item.next(
            wait<z.input<typeof Item>>('Pause', {
              seconds: (s) => s.n,
              assign: (s) => [set(seen, s.n)],
            }).next(pass('ShapeA').parameters(() => ({ seen }))),
          ),
      }),
    )

    expect((await run(first, { items: [{ n: 1 }, { n: 2 }] })).output).toStrictEqual([
      { seen: 1 },
      { seen: 2 },
    ])
  })

  test('a standalone piece reading an outer variable is refused at build too (SFN109)', () => {
    const readsTotal = pass('ReadsTotal').parameters(() => ({ total }))
    expect(() =>
      workflow('Outer', { input: Input }, (start) =>
        start
          .pass('Init', (p) => p.assign(total, () => 0))
          .map('Each', {
            items: (s) => s.items,
            distributed: {},
            // @ts-expect-error readsTotal reads an outer variable: a Distributed Map iteration cannot
            process: (item) => item.next(readsTotal),
          }),
      ),
    ).toThrow(expect.objectContaining({ code: 'SFN109' }) as DslError)
  })
})
