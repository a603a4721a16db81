import { run } from '@statewright/runtime'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { DslError, pass, variable, workflow } from '../src/index.ts'

const Input = z.object({ items: z.array(z.number()) })
const total = variable<number>('total')

const errorOf = (build: () => unknown): DslError => {
  try {
    build()
  } catch (error) {
    if (error instanceof DslError) return error
    throw error
  }
  throw new Error('expected a DslError')
}

describe("AWS's variable scope rules", () => {
  test('a Map iteration reads an outer variable', async () => {
    const flow = workflow('Reads', { input: Input, queryLanguage: 'JSONata' }, (start) =>
      start
        .pass('Init', (p) => p.assign(total, () => 10))
        .map('Each', {
          items: (s) => s.items,
          process: (item) => item.pass('Add', (p) => p.parameters(() => ({ total }))),
        }),
    )

    expect((await run(flow, { items: [1, 2] })).output).toStrictEqual([
      { total: 10 },
      { total: 10 },
    ])
  })

  test('a Parallel branch may not assign an outer variable', () => {
    const error = errorOf(() =>
      workflow('Assigns', { input: Input }, (start) =>
        start
          .pass('Init', (p) => p.assign(total, () => 0))
          .parallel('Both', [(b) => b.pass('Inner', (p) => p.assign(total, () => 1))]),
      ),
    )

    expect(error.message).toMatchInlineSnapshot(
      `"SFN109: State 'Inner' assigns variable 'total', which the enclosing scope assigns in 'Init'. A Parallel branch or Map iteration can read outer variables but not assign them: return the value in the output and assign it after the Parallel/Map."`,
    )
  })

  test('a Distributed Map iteration may not read an outer variable', () => {
    const error = errorOf(() =>
      workflow('Distributed', { input: Input }, (start) =>
        start
          .pass('Init', (p) => p.assign(total, () => 0))
          .map('Each', {
            items: (s) => s.items,
            distributed: {},
            process: (item) => item.next(pass('Read').parameters(() => ({ total }))),
          }),
      ),
    )

    expect(error.message).toMatchInlineSnapshot(
      `"SFN109: State 'Read' reads variable 'total' inside Distributed Map 'Each', whose iterations cannot see outer variables: pass the value in itemSelector()."`,
    )
  })
})
