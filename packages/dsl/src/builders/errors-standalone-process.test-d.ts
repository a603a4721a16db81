import { describe, expectTypeOf, test } from 'vitest'
import { z } from 'zod'
import {
  lambda,
  localVariable,
  map,
  type OutputOf,
  pass,
  task,
  variable,
  workflow,
} from '../index.ts'
import type { DslTypeError } from '../type-utils.ts'
import type { AssignsMark, ReadsMark } from '../variables.ts'
import type { ProcessFits } from './map.ts'

// A standalone piece refused as what a Map's `process` returns is reported on `process`, with a sentence
// (not the mark text "'assigns a workflow variable' is not assignable to …").
const Input = z.object({ items: z.array(z.object({ n: z.number() })) })
const Item = z.object({ n: z.number() })
const total = variable<number>('total')
const seen = localVariable<number>('seen')
const record = lambda('Record', { input: Item, output: z.object({ ok: z.boolean() }) })
const setsTotal = task(record).assign(total, () => 1)
const readsTotal = pass('ReadsTotal').parameters(() => ({ total }))
const setsSeen = task(record, { name: 'SetsSeen' }).assign(seen, () => 1)

describe('the piece a Map process returns', () => {
  test('the check: a sentence for a forbidden mark, unknown otherwise', () => {
    expectTypeOf<ProcessFits<'nested', 'workflow' | AssignsMark>['process']>().toExtend<
      DslTypeError<`process returns a piece made on its own that assigns${string}`>
    >()
    expectTypeOf<ProcessFits<'distributed', 'workflow' | ReadsMark>['process']>().toExtend<
      DslTypeError<`process returns a piece made on its own that reads${string}`>
    >()
    expectTypeOf<ProcessFits<'nested', 'workflow' | ReadsMark>>().toBeUnknown()
    expectTypeOf<ProcessFits<'nested', 'nested'>>().toBeUnknown()
  })

  test('that assigns a workflow variable is refused on process', () => {
    workflow('Inline', { input: Input }, (start) =>
      start.map('Each', {
        items: (s) => s.items,
        // @ts-expect-error the iteration assigns total
        process: () => setsTotal,
      }),
    )
  })

  test('that reads a workflow variable is refused only in a Distributed Map', () => {
    workflow('Distributed', { input: Input }, (start) =>
      start.map('Each', {
        items: (s) => s.items,
        distributed: {},
        // @ts-expect-error the iteration reads total, which a child execution cannot see
        process: () => readsTotal,
      }),
    )
    const flow = workflow('Inline', { input: Input }, (start) =>
      start.map('Each', { items: (s) => s.items, process: () => readsTotal }),
    )
    expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<{ total: number }[]>()
  })

  test('that assigns a local variable, or built from the iteration, is accepted and typed', () => {
    const flow = workflow('Local', { input: Input }, (start) =>
      start
        .map('Each', { items: (s) => s.items, distributed: {}, process: () => setsSeen })
        .map('Again', {
          items: (s) => s,
          process: (item) => {
            expectTypeOf<OutputOf<typeof item>>().toEqualTypeOf<{ ok: boolean }>()
            return item.pass('Keep')
          },
        }),
    )
    expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<{ ok: boolean }[]>()
  })
})
