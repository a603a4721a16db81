import { run } from '@statewright/runtime'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { DslError, jsonata, localVariable, pass, variable, workflow } from '../src/index.ts'

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
  test('a Map iteration assigns and reads its own local variable', async () => {
    const doubled = localVariable<number>('doubled')
    const flow = workflow('Local', { input: Input, queryLanguage: 'JSONata' }, (start) =>
      start.map('Each', {
        items: (s) => s.items,
        process: (item) =>
          item
            .pass('Double', (p) => p.assign(doubled, () => jsonata<number>('$states.input * 2')))
            .pass('Report', (p) => p.parameters(() => ({ doubled }))),
      }),
    )

    expect((await run(flow, { items: [1, 2] })).output).toStrictEqual([
      { doubled: 2 },
      { doubled: 4 },
    ])
  })

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

  test('a Parallel branch may not assign an outer variable (a type error, and refused at build)', () => {
    const error = errorOf(() =>
      workflow('Assigns', { input: Input }, (start) =>
        start
          .pass('Init', (p) => p.assign(total, () => 0))
          .parallel('Both', [
            // @ts-expect-error total is a workflow variable: read-only inside a Parallel branch
            (b) => b.pass('Inner', (p) => p.assign(total, () => 1)),
          ]),
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

describe('Assign on a Pass in JSONPath', () => {
  test('refuses to read the input when the Pass makes a result (there `$` is the result)', () => {
    const seen = variable<number[]>('seen')
    const flow = workflow('PassAssign', { input: Input }, (start) =>
      start.pass('Shape', (p) =>
        p.parameters((s) => ({ n: s.items })).assign(seen, (s) => s.items),
      ),
    )

    expect(() => flow.toAsl()).toThrow(
      "SFN107: 'Shape'.Assign.seen cannot read the state input in this query language: read it in another field, or use JSONata.",
    )
  })
})
