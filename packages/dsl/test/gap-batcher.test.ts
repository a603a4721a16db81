// Gap 3 of COVERAGE.md: ItemBatcher limits read from the data with unannotated callbacks, lowered whole in
// JSONPath and JSONata and executed by the runtime in both.
import type { QueryLanguage } from '@statewright/asl'
import { run } from '@statewright/runtime'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { DslError, workflow } from '../src/index.ts'

const languages: readonly QueryLanguage[] = ['JSONPath', 'JSONata']
const Job = z.object({ ids: z.array(z.string()), perBatch: z.number(), runId: z.string() })

const flow = (language: QueryLanguage) =>
  workflow('Batches', { input: Job, queryLanguage: language }, (start) =>
    start.map('Batch', {
      items: (s) => s.ids,
      distributed: {
        itemBatcher: { maxItemsPerBatch: (s) => s.perBatch },
        batchInput: (s) => ({ runId: s.runId }),
      },
      process: (batch) =>
        batch.pass('Count', (p) =>
          p.parameters((b) => ({ items: b.Items, run: b.BatchInput.runId })),
        ),
    }),
  )

const processor = (count: object) => ({
  ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
  StartAt: 'Count',
  States: { Count: { Type: 'Pass', ...count, End: true } },
})

describe('gap 3: ItemBatcher limits from the data, contextually typed', () => {
  test('lowers whole to JSONPath: MaxItemsPerBatchPath and BatchInput', () => {
    expect(flow('JSONPath').toAsl()).toStrictEqual({
      StartAt: 'Batch',
      States: {
        Batch: {
          Type: 'Map',
          ItemsPath: '$.ids',
          ItemProcessor: processor({
            Parameters: { 'items.$': '$.Items', 'run.$': '$.BatchInput.runId' },
          }),
          ItemBatcher: { MaxItemsPerBatchPath: '$.perBatch', BatchInput: { 'runId.$': '$.runId' } },
          End: true,
        },
      },
      QueryLanguage: 'JSONPath',
    })
  })

  test('lowers whole to JSONata: MaxItemsPerBatch as an expression', () => {
    expect(flow('JSONata').toAsl()).toStrictEqual({
      StartAt: 'Batch',
      States: {
        Batch: {
          Type: 'Map',
          Items: '{% $states.input.ids %}',
          ItemProcessor: processor({
            Output: {
              items: '{% $states.input.Items %}',
              run: '{% $states.input.BatchInput.runId %}',
            },
          }),
          ItemBatcher: {
            MaxItemsPerBatch: '{% $states.input.perBatch %}',
            BatchInput: { runId: '{% $states.input.runId %}' },
          },
          End: true,
        },
      },
      QueryLanguage: 'JSONata',
    })
  })

  test.each(languages)('in %s, each child gets at most perBatch items', async (language) => {
    const result = await run(flow(language), {
      ids: ['a', 'b', 'c', 'd', 'e'],
      perBatch: 2,
      runId: 'r1',
    })

    expect(result.status).toBe('SUCCEEDED')
    expect(result.output).toStrictEqual([
      { items: ['a', 'b'], run: 'r1' },
      { items: ['c', 'd'], run: 'r1' },
      { items: ['e'], run: 'r1' },
    ])
  })

  test('an itemBatcher without a limit is refused with the fix', () => {
    const build = () =>
      workflow('NoLimit', { input: Job }, (start) =>
        start.map('Batch', {
          items: (s) => s.ids,
          distributed: { itemBatcher: {} },
          process: (batch) => batch.pass('Keep'),
        }),
      )
    expect(build).toThrow(DslError)
    expect(build).toThrow(
      "Map 'Batch' has an itemBatcher without a limit: give maxItemsPerBatch or maxInputBytesPerBatch (AWS requires at least one), or drop itemBatcher.",
    )
  })
})
