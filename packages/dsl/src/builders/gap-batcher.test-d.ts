// Gap 3 of COVERAGE.md: ItemBatcher limits read from the data are contextually typed (no annotation).
import { describe, expectTypeOf, test } from 'vitest'
import { z } from 'zod'
import { jsonata, type OutputOf, type Ref, workflow } from '../index.ts'

const Job = z.object({
  ids: z.array(z.string()),
  perBatch: z.number(),
  bytes: z.number(),
  runId: z.string(),
})

describe('gap 3: ItemBatcher limits from the data', () => {
  test('accepted: unannotated callbacks typed by the state input; the children get batches', () => {
    const flow = workflow('Batches', { input: Job }, (start) =>
      start.map('Batch', {
        items: (s) => s.ids,
        distributed: {
          itemBatcher: {
            maxItemsPerBatch: (s) => {
              expectTypeOf(s.perBatch).toEqualTypeOf<Ref<number>>()
              return s.perBatch
            },
            maxInputBytesPerBatch: (s) => s.bytes,
          },
          batchInput: (s) => ({ runId: s.runId }),
        },
        process: (batch) => {
          expectTypeOf<OutputOf<typeof batch>>().toEqualTypeOf<
            { Items: string[] } & { BatchInput: { runId: string } }
          >()
          return batch.pass('Keep')
        },
      }),
    )
    expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<
      ({ Items: string[] } & { BatchInput: { runId: string } })[]
    >()
  })

  test('accepted: a limit as a JSONata expression, and no batcher means one item per child', () => {
    workflow('Expr', { input: Job }, (start) =>
      start.map('Batch', {
        items: (s) => s.ids,
        distributed: {
          itemBatcher: { maxItemsPerBatch: jsonata<number>('$states.input.perBatch') },
        },
        process: (batch) => {
          expectTypeOf<OutputOf<typeof batch>>().toEqualTypeOf<{ Items: string[] }>()
          return batch.pass('Keep')
        },
      }),
    )
    workflow('Single', { input: Job }, (start) =>
      start.map('Each', {
        items: (s) => s.ids,
        distributed: { label: 'each' },
        process: (item) => {
          expectTypeOf<OutputOf<typeof item>>().toEqualTypeOf<string>()
          return item.pass('Keep')
        },
      }),
    )
  })

  test('rejected: a limit read from a string field, or given as a string', () => {
    workflow('Wrong', { input: Job }, (start) =>
      start.map('Batch', {
        items: (s) => s.ids,
        distributed: {
          // @ts-expect-error runId is a string, not a number of items
          itemBatcher: { maxItemsPerBatch: (s) => s.runId },
        },
        process: (batch) => batch.pass('Keep'),
      }),
    )
    workflow('Missing', { input: Job }, (start) =>
      start.map('Batch', {
        items: (s) => s.ids,
        distributed: {
          // @ts-expect-error a limit is a number, not a string
          itemBatcher: { maxInputBytesPerBatch: '262144' },
        },
        process: (batch) => batch.pass('Keep'),
      }),
    )
  })
})
