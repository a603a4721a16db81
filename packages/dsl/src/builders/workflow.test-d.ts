import { describe, expectTypeOf, test } from 'vitest'
import { z } from 'zod'
import {
  checkInventory,
  ecommerce,
  initiateShipping,
  Order,
  processPayment,
} from '../../test/ecommerce.ts'
import { eq, isPresent, lambda, pass, succeed, task, workflow } from '../index.ts'
import type { InputOf, OutputOf } from '../index.ts'

describe('workflow()', () => {
  test('the workflow takes its input type from the schema and its output from the last states', () => {
    expectTypeOf<InputOf<typeof ecommerce>>().toEqualTypeOf<{ orderId: string; amount: number }>()
    expectTypeOf<OutputOf<typeof ecommerce>>().toEqualTypeOf<{ trackingId: string }>()
  })

  test('start is typed by the input schema', () => {
    workflow('Typed', { input: Order }, (start) => {
      expectTypeOf<OutputOf<typeof start>>().toEqualTypeOf<{ orderId: string; amount: number }>()
      return start.next(task(processPayment))
    })
  })
})

describe('next()', () => {
  test('keeps the first input and the last output', () => {
    const flow = task(processPayment).next(task(checkInventory))

    expectTypeOf<InputOf<typeof flow>>().toEqualTypeOf<{ orderId: string; amount: number }>()
    expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<{
      orderId: string
      inventoryResult: boolean
    }>()
  })

  test('rejects a task whose input schema the previous output cannot feed', () => {
    // @ts-expect-error processPayment outputs { orderId, paymentId }, initiateShipping needs inventoryResult
    task(processPayment).next(task(initiateShipping))

    workflow('Wrong', { input: Order }, (start) =>
      // @ts-expect-error the execution input has no paymentId, which checkInventory needs
      start.next(task(checkInventory)),
    )
  })

  test('a pass-through Pass keeps the type it was given', () => {
    const flow = task(processPayment).next(pass('Log')).next(task(checkInventory))

    expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<{
      orderId: string
      inventoryResult: boolean
    }>()
  })

  test('a Pass with a result outputs the result', () => {
    const Defaults = lambda('UseDefaultsFunction', {
      input: z.object({ retries: z.number() }),
      output: z.object({ ok: z.boolean() }),
    })

    const flow = pass('Defaults', { result: { retries: 0 } }).next(task(Defaults))

    expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<{ ok: boolean }>()
  })

  test('nothing can follow Succeed', () => {
    const ended = task(processPayment).next(succeed('Done'))

    // @ts-expect-error a chain that ends in Succeed has no next()
    ended.next(pass('After'))
  })
})

describe('choice()', () => {
  test('conditions read the typed fields of the state input', () => {
    workflow('Choosing', { input: Order }, (start) =>
      start.choice('Big', (c) =>
        c
          .when((s) => {
            expectTypeOf(s.amount).toMatchTypeOf<{}>()
            return eq(s.amount, 100)
          }, succeed('Exactly100'))
          .otherwise(succeed('Other')),
      ),
    )
  })

  test('rejects a condition on a field the input does not have', () => {
    workflow('Choosing', { input: Order }, (start) =>
      start.choice('Big', (c) =>
        // @ts-expect-error Order has no field inventoryResult
        c.when((s) => eq(s.inventoryResult, true), succeed('Yes')),
      ),
    )
  })

  test('rejects a comparison with a value of another type', () => {
    workflow('Choosing', { input: Order }, (start) =>
      start.choice('Big', (c) =>
        // @ts-expect-error amount is a number, not a string
        c.when((s) => eq(s.amount, '100'), succeed('Yes')),
      ),
    )
  })

  test('rejects comparing a field that may be absent, but allows isPresent on it', () => {
    const Maybe = z.object({ coupon: z.string().optional() })

    workflow('Choosing', { input: Maybe }, (start) =>
      start.choice('HasCoupon', (c) =>
        c
          .when((s) => isPresent(s.coupon), succeed('Yes'))
          // @ts-expect-error coupon may be absent: comparing it would fail with States.Runtime
          .when((s) => eq(s.coupon, 'X'), succeed('X')),
      ),
    )
  })

  test('a branch target must accept the choice input', () => {
    workflow('Choosing', { input: Order }, (start) =>
      start.choice('Route', (c) =>
        // @ts-expect-error Order does not feed checkInventory, which needs paymentId
        c.when((s) => eq(s.amount, 1), task(checkInventory)),
      ),
    )
  })

  test('the output is the union of the branch outputs', () => {
    const flow = workflow('Choosing', { input: Order }, (start) =>
      start.choice('Route', (c) =>
        c.when((s) => eq(s.amount, 1), task(processPayment)).otherwise(pass('Keep')),
      ),
    )

    expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<
      { orderId: string; paymentId: string } | { orderId: string; amount: number }
    >()
  })
})
