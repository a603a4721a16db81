// InputPath on Choice and Wait: the rules, the wait and their assign read the selected part, which is what
// the next state receives. Lowered whole and run in JSONPath; JSONata has no InputPath, so it is refused.
import { run } from '@statewright/runtime'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { choice, DslError, eq, gt, localVariable, set, wait, workflow } from '../src/index.ts'

const Request = z.object({
  id: z.string(),
  order: z.object({ total: z.number(), express: z.boolean() }),
  timer: z.object({ delay: z.number(), note: z.string() }),
})
const total = localVariable<number>('total')

const routed = () =>
  workflow('Route', { input: Request }, (start) =>
    start.choice('Express', (c) =>
      c
        .inputPath((s) => s.order)
        .when(
          (s) => eq(s.express, true),
          (b) => b.pass('Fast'),
          {
            assign: (s) => [set(total, s.total)],
          },
        )
        .when(
          (s) => gt(s.total, 100),
          (b) => b.pass('Review'),
        )
        .otherwise((b) => b.pass('Standard'))
        .assign((s) => [set(total, s.total)]),
    ),
  )

const held = () =>
  workflow('Hold', { input: Request }, (start) =>
    start
      .wait('Pause', {
        inputPath: (s) => s.timer,
        seconds: (s) => s.delay,
        assign: (s) => [set(total, s.delay)],
      })
      .pass('Report', (p) => p.parameters((s) => ({ note: s.note, waited: total }))),
  )

const input = (express: boolean, total: number) => ({
  id: 'r1',
  order: { total, express },
  timer: { delay: 4, note: 'held' },
})

describe('Choice inputPath()', () => {
  test('lowers to InputPath; rules and assign read the part', () => {
    expect(routed().toAsl()).toStrictEqual({
      StartAt: 'Express',
      States: {
        Express: {
          Type: 'Choice',
          InputPath: '$.order',
          Choices: [
            {
              Variable: '$.express',
              BooleanEquals: true,
              Next: 'Fast',
              Assign: { 'total.$': '$.total' },
            },
            { Variable: '$.total', NumericGreaterThan: 100, Next: 'Review' },
          ],
          Default: 'Standard',
          Assign: { 'total.$': '$.total' },
        },
        Fast: { Type: 'Pass', End: true },
        Review: { Type: 'Pass', End: true },
        Standard: { Type: 'Pass', End: true },
      },
    })
  })

  test.each([
    [true, 10, 'Fast'],
    [false, 500, 'Review'],
    [false, 10, 'Standard'],
  ] as const)(
    'express %s, total %s: goes to %s with the selected part',
    async (express, sum, to) => {
      const result = await run(routed(), input(express, sum))

      expect(result.status).toBe('SUCCEEDED')
      expect(result.output).toStrictEqual({ total: sum, express })
      expect(result.history.some((event) => event.stateEnteredEventDetails?.name === to)).toBe(true)
    },
  )

  test('the standalone choice() lowers it the same way', () => {
    const route = choice('Express', { input: Request })
      .inputPath((s) => s.order)
      .when(
        (s) => eq(s.express, true),
        (b) => b.succeed('Fast'),
      )
    expect(
      workflow('Alone', { input: Request }, (start) => start.next(route)).toAsl(),
    ).toStrictEqual({
      StartAt: 'Express',
      States: {
        Express: {
          Type: 'Choice',
          InputPath: '$.order',
          Choices: [{ Variable: '$.express', BooleanEquals: true, Next: 'Fast' }],
        },
        Fast: { Type: 'Succeed' },
      },
    })
  })

  test('is refused in JSONata, naming the state and the fix', () => {
    const flow = workflow('Route', { input: Request, queryLanguage: 'JSONata' }, (start) =>
      start.choice('Express', (c) =>
        c
          .inputPath((s) => s.order)
          .when(
            (s) => eq(s.express, true),
            (b) => b.pass('Fast'),
          ),
      ),
    )

    expect(() => flow.toAsl()).toThrow(
      expect.objectContaining({
        code: 'SFN107',
        message: expect.stringContaining("Choice 'Express' has an inputPath") as string,
      }) as DslError,
    )
  })

  test('after a when() it is refused at build', () => {
    expect(() =>
      choice('Late', { input: Request })
        .when(
          (s) => eq(s.id, 'x'),
          (b) => b.pass('X'),
        )
        // @ts-expect-error inputPath() must come before the first when()
        .inputPath((s) => s.order),
    ).toThrow(DslError)
  })
})

describe('Wait inputPath', () => {
  test('lowers to InputPath; SecondsPath and Assign read the part', () => {
    expect(held().toAsl()).toStrictEqual({
      StartAt: 'Pause',
      States: {
        Pause: {
          Type: 'Wait',
          InputPath: '$.timer',
          SecondsPath: '$.delay',
          Assign: { 'total.$': '$.delay' },
          Next: 'Report',
        },
        Report: {
          Type: 'Pass',
          Parameters: { 'note.$': '$.note', 'waited.$': '$total' },
          End: true,
        },
      },
    })
  })

  test('runs: waits the part delay and passes the part on', async () => {
    const result = await run(held(), input(false, 1))

    expect(result.status).toBe('SUCCEEDED')
    expect(result.output).toStrictEqual({ note: 'held', waited: 4 })
  })

  test('the standalone wait() takes it with an input schema', async () => {
    const hold = wait('Hold', { input: Request, inputPath: (s) => s.timer, seconds: 1 })
    const flow = workflow('Alone', { input: Request }, (start) => start.next(hold))

    expect(flow.toAsl()).toStrictEqual({
      StartAt: 'Hold',
      States: { Hold: { Type: 'Wait', InputPath: '$.timer', Seconds: 1, End: true } },
    })
    expect((await run(flow, input(true, 1))).output).toStrictEqual({ delay: 4, note: 'held' })
  })

  test('is refused in JSONata, naming the state and the fix', () => {
    const flow = workflow('Hold', { input: Request, queryLanguage: 'JSONata' }, (start) =>
      start.wait('Pause', { inputPath: (s) => s.timer, seconds: (s) => s.delay }),
    )

    expect(() => flow.toAsl()).toThrow(
      expect.objectContaining({
        code: 'SFN107',
        message: expect.stringContaining("Wait 'Pause' has an inputPath") as string,
      }) as DslError,
    )
  })
})
