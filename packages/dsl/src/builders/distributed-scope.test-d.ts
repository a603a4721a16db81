import { describe, expectTypeOf, test } from 'vitest'
import { z } from 'zod'
import { lambda, localVariable, type OutputOf, variable, workflow } from '../index.ts'

const Input = z.object({ items: z.array(z.number()), runId: z.string() })
const total = variable<number>('total')
const record = lambda('Record', {
  input: z.object({ values: z.array(z.number()), runId: z.string() }),
  output: z.object({ ok: z.boolean() }),
})

describe('a Distributed Map iteration cannot read outer variables', () => {
  test('rejects a Pass in the iteration chain that reads a workflow variable', () => {
    workflow('Distributed', { input: Input }, (start) =>
      start
        .pass('Init', (p) => p.assign(total, () => 0))
        .map('Each', {
          items: (s) => s.items,
          distributed: {},
          // @ts-expect-error total is an outer variable: a Distributed Map iteration cannot read it
          process: (item) => item.pass('Read', (p) => p.parameters(() => ({ total }))),
        }),
    )
  })

  test('rejects a Task reading one, also nested in its parameters and with other distributed options', () => {
    workflow('Distributed', { input: Input }, (start) =>
      start.map('Each', {
        items: (s) => s.items,
        distributed: {
          executionType: 'EXPRESS',
          itemBatcher: { maxItemsPerBatch: 2 },
          batchInput: (s) => ({ runId: s.runId }),
        },
        process: (batch) =>
          batch.task(record, (t) =>
            // @ts-expect-error total is an outer variable: a Distributed Map iteration cannot read it
            t.parameters((s) => ({ values: s.Items, runId: s.BatchInput.runId, extra: total })),
          ),
      }),
    )
  })

  test('rejects it in an inline Map inside the Distributed Map', () => {
    workflow('Distributed', { input: Input }, (start) =>
      start.map('Each', {
        items: (s) => s.items,
        distributed: { label: 'Each' },
        process: (item) =>
          item.map('Inner', {
            items: () => [1, 2] as never as readonly number[] & never,
            process: (inner) =>
              // @ts-expect-error total is an outer variable: a Distributed Map iteration cannot read it
              inner.pass('Read', (p) => p.parameters(() => ({ total }))),
          }),
      }),
    )
  })

  test('accepts local variables, the iteration input, and what itemSelector() passes in', () => {
    const seen = localVariable<number>('seen')
    const flow = workflow('Distributed', { input: Input }, (start) =>
      start.map('Each', {
        items: (s) => s.items,
        itemSelector: (item, _index, s) => ({ value: item, limit: s.runId }),
        distributed: {},
        process: (item) =>
          item
            .pass('Note', (p) => p.assign(seen, (s) => s.value))
            .pass('Read', (p) => p.parameters((s) => ({ value: s.value, limit: s.limit, seen }))),
      }),
    )

    expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<
      { value: number; limit: string; seen: number }[]
    >()
  })

  test('an inline Map iteration still reads outer variables', () => {
    const flow = workflow('Inline', { input: Input }, (start) =>
      start.map('Each', {
        items: (s) => s.items,
        process: (item) => item.pass('Read', (p) => p.parameters(() => ({ total }))),
      }),
    )

    expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<{ total: number }[]>()
  })

  test('a Distributed Map iteration may not assign outer variables either', () => {
    workflow('Distributed', { input: Input }, (start) =>
      start.map('Each', {
        items: (s) => s.items,
        distributed: {},
        // @ts-expect-error total is a workflow variable: read-only inside Map iterations
        process: (item) => item.pass('Set', (p) => p.assign(total, () => 1)),
      }),
    )
  })
})

describe('assign() values in a Distributed Map iteration', () => {
  test('rejects an assigned value that reads a workflow variable; accepts the iteration input', () => {
    const copy = localVariable<number>('copy')

    workflow('Distributed', { input: Input }, (start) =>
      start.map('Each', {
        items: (s) => s.items,
        distributed: {},
        process: (item) =>
          item
            .pass('Keep', (p) => p.assign(copy, (s) => s))
            // @ts-expect-error total is an outer variable: a Distributed Map iteration cannot read it
            .pass('Copy', (p) => p.assign(copy, () => total)),
      }),
    )
  })
})

describe('resultSelector() and an inner itemSelector() in a Distributed Map iteration', () => {
  test('reject reading a workflow variable', () => {
    const Batch = z.object({ lists: z.array(z.array(z.number())) })

    workflow('Distributed', { input: Batch }, (start) =>
      start.map('Each', {
        items: (s) => s.lists,
        distributed: {},
        process: (list) =>
          list
            .task(record, (t) =>
              t
                .parameters(() => ({ values: [1], runId: 'r' }))
                // @ts-expect-error total is an outer variable: a Distributed Map iteration cannot read it
                .resultSelector((r) => ({ ok: r.ok, total })),
            )
            .map('Inner', {
              items: () => [1, 2] as never,
              // @ts-expect-error total is an outer variable: a Distributed Map iteration cannot read it
              itemSelector: (item) => ({ item, total }),
              process: (inner) => inner.pass('Keep'),
            }),
      }),
    )
  })

  test('a Distributed Map reads outer variables in its own itemSelector (evaluated in the parent)', () => {
    const flow = workflow('Distributed', { input: Input }, (start) =>
      start.map('Each', {
        items: (s) => s.items,
        itemSelector: (item) => ({ item, total }),
        distributed: {},
        process: (item) => item.pass('Keep'),
      }),
    )

    expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<{ item: number; total: number }[]>()
  })
})

describe('a Parallel inside a Distributed Map iteration', () => {
  test('its branches cannot read outer variables either; inline Parallel branches can', () => {
    workflow('Distributed', { input: Input }, (start) =>
      start.map('Each', {
        items: (s) => s.items,
        distributed: {},
        process: (item) =>
          item.parallel('Both', [
            (b) => b.pass('Own'),
            // @ts-expect-error total is an outer variable: a Distributed Map iteration cannot read it
            (b) => b.pass('Read', (p) => p.parameters(() => ({ total }))),
          ]),
      }),
    )

    const inline = workflow('Inline', { input: Input }, (start) =>
      start.parallel('Both', [(b) => b.pass('Read', (p) => p.parameters(() => ({ total })))]),
    )
    expectTypeOf<OutputOf<typeof inline>>().toEqualTypeOf<[{ total: number }]>()
  })
})
