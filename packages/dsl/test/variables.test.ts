import { run } from '@statewright/runtime'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import type { QueryLanguage } from '@statewright/asl'
import {
  DslError,
  eq,
  jsonata,
  lambda,
  localVariable,
  pass,
  set,
  variable,
  workflow,
} from '../src/index.ts'

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
            // @ts-expect-error total is an outer variable: a Distributed Map iteration cannot read it
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
        p.parameters((s) => ({ n: s.items })).assign(seen, (_r, s) => s.items),
      ),
    )

    expect(() => flow.toAsl()).toThrow(
      "SFN107: 'Shape'.Assign.seen cannot read the state input in this query language: read it in another field, or use JSONata.",
    )
  })
})

describe('set(): Assign on Choice rules, the Choice default, catchers and Wait', () => {
  const Tiered = z.object({ tier: z.string(), amount: z.number() })
  const discount = variable<number>('discount')
  const failure = variable<string>('failure')
  const waited = variable<boolean>('waited')
  const broken = lambda('BrokenFunction', {
    input: Tiered,
    output: Tiered,
    handler: () => {
      throw new Error('no stock')
    },
  })
  const flow = (language: QueryLanguage) =>
    workflow('Assigns', { input: Tiered, queryLanguage: language }, (start) =>
      start
        .choice('Tier', (c) =>
          c
            .when(
              (s) => eq(s.tier, 'GOLD'),
              (gold) => gold.pass('Gold'),
              {
                assign: () => [set(discount, 0.1)],
              },
            )
            .otherwise((other) => other.pass('Standard'))
            .assign(() => [set(discount, 0)]),
        )
        .wait('Settle', { seconds: 1, assign: () => [set(waited, true)] })
        .task(broken, (t) =>
          t.catch(
            ['States.ALL'],
            (h) => h.pass('Report', (p) => p.parameters(() => ({ discount, failure, waited }))),
            {
              assign: (error) => [set(failure, error.Cause)],
            },
          ),
        ),
    )

  test('lowers rule, default, catcher and Wait Assign in JSONPath', () => {
    const states = flow('JSONPath').toAsl().States

    expect(states['Tier']).toMatchObject({
      Choices: [
        { Variable: '$.tier', StringEquals: 'GOLD', Next: 'Gold', Assign: { discount: 0.1 } },
      ],
      Default: 'Standard',
      Assign: { discount: 0 },
    })
    expect(states['Settle']).toMatchObject({ Assign: { waited: true } })
    expect(states['Broken']).toMatchObject({
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Report', Assign: { 'failure.$': '$.Cause' } }],
    })
  })

  test.each(['JSONPath', 'JSONata'] as const)(
    'sets the variables as AWS does in %s',
    async (language) => {
      const gold = await run(flow(language), { tier: 'GOLD', amount: 1 })
      const standard = await run(flow(language), { tier: 'BASIC', amount: 1 })

      expect(gold.output).toMatchObject({
        discount: 0.1,
        waited: true,
        failure: expect.stringContaining('no stock'),
      })
      expect(standard.output).toMatchObject({ discount: 0 })
    },
  )
})
