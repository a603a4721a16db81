import { describe, expectTypeOf, test } from 'vitest'
import { z } from 'zod'
import {
  choice,
  eq,
  gt,
  lambda,
  localVariable,
  type OutputOf,
  set,
  task,
  wait,
  workflow,
} from '../index.ts'

const Request = z.object({
  id: z.string(),
  order: z.object({ total: z.number(), express: z.boolean(), address: z.string() }),
  timer: z.object({ delay: z.number(), until: z.string() }),
})
const ship = lambda('Ship', {
  input: z.object({ total: z.number(), express: z.boolean(), address: z.string() }),
  output: z.object({ trackingId: z.string() }),
})
const big = localVariable<number>('big')

describe('Choice inputPath() types what the rules read and what the targets get', () => {
  test('conditions, rule assign and targets read the selected part', () => {
    const flow = workflow('Route', { input: Request }, (start) =>
      start.choice('Express', (c) =>
        c
          .inputPath((s) => s.order)
          .when((s) => eq(s.express, true), task(ship), {
            assign: (s) => [set(big, s.total)],
          })
          .otherwise((order) => {
            expectTypeOf<OutputOf<typeof order>>().toEqualTypeOf<{
              total: number
              express: boolean
              address: string
            }>()
            return order.pass('Keep')
          }),
      ),
    )

    expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<
      { trackingId: string } | { total: number; express: boolean; address: string }
    >()
  })

  test('outputPath() after it selects from the part; the standalone choice() takes it too', () => {
    const flow = workflow('Route', { input: Request }, (start) =>
      start.choice('Big', (c) =>
        c
          .inputPath((s) => s.order)
          .outputPath((order) => order.address)
          .when(
            (s) => gt(s.total, 100),
            (b) => b.pass('Review'),
          )
          .otherwise((b) => b.pass('Fine')),
      ),
    )
    expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<string>()

    const route = choice('Express', { input: Request })
      .inputPath((s) => s.order)
      .when((s) => eq(s.express, true), task(ship))
    expectTypeOf<OutputOf<typeof route>>().toEqualTypeOf<{ trackingId: string }>()
  })

  test('rejects rules on the whole input, and inputPath() after a when()', () => {
    workflow('Route', { input: Request }, (start) =>
      start.choice('Express', (c) =>
        c
          .inputPath((s) => s.order)
          // @ts-expect-error id is not in the selected part
          .when((s) => eq(s.id, 'x'), task(ship))
          .otherwise(task(ship)),
      ),
    )
    choice('Late', { input: Request })
      .when(
        (s) => eq(s.id, 'x'),
        (b) => b.pass('X'),
      )
      // @ts-expect-error inputPath() must come before the first when()
      .inputPath((s) => s.order)
  })
})

describe('Wait inputPath types what seconds/timestamp/assign read and what the next state gets', () => {
  test('chain.wait: the options read the part, the next state gets it', () => {
    const flow = workflow('Hold', { input: Request }, (start) =>
      start
        .wait('Pause', {
          inputPath: (s) => s.timer,
          seconds: (s) => s.delay,
          assign: (s) => [set(big, s.delay)],
        })
        .pass('Report', (p) => p.parameters((s) => ({ until: s.until }))),
    )

    expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<{ until: string }>()
  })

  test('with outputPath, the next state gets what it selects from the part', () => {
    const flow = workflow('Hold', { input: Request }, (start) =>
      start.wait('Until', {
        inputPath: (s) => s.timer,
        timestamp: (s) => s.until,
        outputPath: (s) => s.delay,
      }),
    )

    expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<number>()
  })

  test('the standalone wait() takes it with an input schema', () => {
    const hold = wait('Hold', {
      input: Request,
      inputPath: (s) => s.timer,
      seconds: (s) => s.delay,
    })

    expectTypeOf<OutputOf<typeof hold>>().toEqualTypeOf<{ delay: number; until: string }>()
    // @ts-expect-error the next state gets the timer, not the request
    hold.next(task(ship))
  })

  test('rejects reading the whole input once a part is selected', () => {
    workflow('Hold', { input: Request }, (start) =>
      // @ts-expect-error id is not in the selected part
      start.wait('Pause', { inputPath: (s) => s.timer, seconds: (s) => s.id }),
    )
  })
})
