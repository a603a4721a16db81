import { describe, expectTypeOf, test } from 'vitest'
import { z } from 'zod'
import { localVariable, type OutputOf, set, variable, workflow } from '../index.ts'

const Input = z.object({
  items: z.array(z.object({ delay: z.number(), at: z.string(), reason: z.string() })),
})
const delay = variable<number>('delay')
const until = variable<string>('until')
const total = variable<number>('total')
const waited = localVariable<number>('waited')

describe('Wait options in a Distributed Map iteration cannot read outer variables', () => {
  test('rejects seconds, timestamp, assign values and outputPath reading one', () => {
    workflow('Distributed', { input: Input }, (start) =>
      start.map('Each', {
        items: (s) => s.items,
        distributed: {},
        process: (item) =>
          item
            // @ts-expect-error delay is an outer variable: a Distributed Map iteration cannot read it
            .wait('BySeconds', { seconds: () => delay })
            // @ts-expect-error until is an outer variable
            .wait('ByTimestamp', { timestamp: () => until })
            // @ts-expect-error the assigned value reads total
            .wait('Assigning', { seconds: 1, assign: () => [set(waited, total)] })
            // @ts-expect-error outputPath selects an outer variable
            .wait('Selecting', { seconds: 1, outputPath: () => total }),
      }),
    )
  })

  test('accepts the iteration input and local variables', () => {
    const flow = workflow('Distributed', { input: Input }, (start) =>
      start.map('Each', {
        items: (s) => s.items,
        distributed: {},
        process: (item) =>
          item
            .wait('BySeconds', { seconds: (s) => s.delay, assign: (s) => [set(waited, s.delay)] })
            .wait('ByTimestamp', { timestamp: (s) => s.at, outputPath: (s) => s.reason }),
      }),
    )

    expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<string[]>()
  })
})

describe('Wait assign in a Parallel branch or Map iteration cannot set outer variables', () => {
  test('rejects assigning a workflow variable; reading one and assigning a local one are fine', () => {
    workflow('Nested', { input: Input }, (start) =>
      start
        .map('Each', {
          items: (s) => s.items,
          process: (item) =>
            item
              .wait('Read', { seconds: () => delay, assign: () => [set(waited, total)] })
              // @ts-expect-error total is an outer variable: an iteration cannot assign it
              .wait('Write', { seconds: 1, assign: () => [set(total, 1)] }),
        })
        .parallel('Both', [
          // @ts-expect-error a Parallel branch cannot assign total either
          (b) => b.wait('Write2', { seconds: 1, assign: () => [set(total, 2)] }),
        ]),
    )
  })

  test('at the top level a Wait assigns workflow variables', () => {
    const flow = workflow('Top', { input: Input }, (start) =>
      start.wait('Write', { seconds: () => delay, assign: () => [set(total, 1)] }),
    )

    expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<z.input<typeof Input>>()
  })
})

describe('Fail and Succeed options in a Distributed Map iteration', () => {
  test('reject errorFrom, causeFrom and outputPath reading an outer variable', () => {
    workflow('Distributed', { input: Input }, (start) =>
      start.map('Each', {
        items: (s) => s.items,
        distributed: {},
        process: (item) =>
          item.parallel('Ends', [
            // @ts-expect-error until is an outer variable
            (b) => b.fail('ByError', { errorFrom: () => until }),
            // @ts-expect-error until is an outer variable
            (b) => b.fail('ByCause', { error: 'Failed', causeFrom: () => until }),
            // @ts-expect-error total is an outer variable
            (b) => b.succeed('Done', { outputPath: () => total }),
            (b) => b.fail('Own', { error: 'Failed', causeFrom: (s) => s.reason }),
            (b) => b.succeed('OwnDone', { outputPath: (s) => s.at }),
          ]),
      }),
    )
  })

  test('an inline Map iteration still reads outer variables there', () => {
    workflow('Inline', { input: Input }, (start) =>
      start.map('Each', {
        items: (s) => s.items,
        process: (item) => item.fail('ByCause', { error: 'Failed', causeFrom: () => until }),
      }),
    )
  })
})
