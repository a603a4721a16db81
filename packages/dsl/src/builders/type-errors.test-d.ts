import { describe, expectTypeOf, test } from 'vitest'
import { z } from 'zod'
import {
  type DslTypeError,
  type Fits,
  type FitsCatch,
  lambda,
  type MisfitFields,
  task,
  workflow,
} from '../index.ts'

const Order = z.object({ orderId: z.string(), amount: z.number() })
const ship = lambda('Ship', {
  input: z.object({ orderId: z.number(), address: z.string(), note: z.string().optional() }),
  output: z.object({ ok: z.boolean() }),
})
const refund = lambda('Refund', { input: Order, output: z.object({ refunded: z.boolean() }) })
const charge = lambda('Charge', { input: Order, output: z.object({ paymentId: z.string() }) })

describe('a misfit names the fields that do not fit', () => {
  test('missing required fields and fields of another type; optional fields and extra data are fine', () => {
    expectTypeOf<
      MisfitFields<
        { orderId: string; amount: number },
        { orderId: number; address: string; note?: string }
      >
    >().toEqualTypeOf<"field 'orderId' has another type" | "missing field 'address'">()
    expectTypeOf<
      MisfitFields<
        { orderId: number; address: string; extra: boolean },
        { orderId: number; address: string; note?: string }
      >
    >().toEqualTypeOf<never>()
    expectTypeOf<MisfitFields<string, { id: string }>>().toEqualTypeOf<never>()
  })

  test('next() and task() show the sentence with the fields on the wrong argument', () => {
    expectTypeOf<
      Fits<
        z.input<typeof Order>,
        ReturnType<typeof task<{ orderId: number; address: string }, { ok: boolean }>>
      >
    >().toEqualTypeOf<
      DslTypeError<
        "This state's input schema does not accept the previous state's output.",
        "field 'orderId' has another type" | "missing field 'address'"
      >
    >()

    workflow('Misfit', { input: Order }, (start) =>
      // @ts-expect-error Ship needs address and a numeric orderId: the error names both fields
      start.next(task(ship)),
    )
    workflow('MisfitTask', { input: Order }, (start) =>
      // @ts-expect-error Ship needs address and a numeric orderId: map the data with parameters()
      start.task(ship),
    )
  })
})

describe("a catcher's target is checked against the caught error", () => {
  test('refused: a target that needs the input, while the catcher passes { Error, Cause }', () => {
    expectTypeOf<
      FitsCatch<
        { Error: string; Cause: string },
        ReturnType<typeof task<z.input<typeof Order>, unknown>>
      >
    >().toEqualTypeOf<
      DslTypeError<
        "This catcher's target does not accept what the catcher passes on ({ Error, Cause }, placed at its resultPath if it has one): keep the state's input with catch(errors, target, { resultPath: 'error' }), or give a target that takes the error.",
        "missing field 'orderId'" | "missing field 'amount'"
      >
    >()

    workflow('Refunds', { input: Order }, (start) =>
      // @ts-expect-error Refund needs the order, but the catcher passes only { Error, Cause }
      start.next(task(charge).catch(['States.ALL'], task(refund))),
    )
  })

  test('accepted: with resultPath the target gets the input with the error beside it', () => {
    const flow = workflow('Refunds', { input: Order }, (start) =>
      start.next(task(charge).catch(['States.ALL'], task(refund), { resultPath: 'error' })),
    )

    expectTypeOf(flow.toAsl).toBeFunction()
  })
})
