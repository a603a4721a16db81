import { eq, type InputOf, lambda, variable, workflow } from '@statewright/dsl'
import { describe, expectTypeOf, test } from 'vitest'
import { z } from 'zod'
import { ChargeRequest, Order, Payment } from './tasks.ts'
import { pricing } from './workflow.ts'

// Variables are typed symbols: what reads them is checked against the type they were declared with.
const tier = variable<'GOLD' | 'STANDARD'>('tier')
const email = variable<string>('email')
const total = variable<number>('total')
const charge = lambda('ChargeCustomerFunction', { input: ChargeRequest, output: Payment })

describe('jsonata-variables: types', () => {
  test('the workflow takes the Order schema as its execution input', () => {
    expectTypeOf<InputOf<typeof pricing>>().toEqualTypeOf<z.input<typeof Order>>()
  })

  test('a variable fits where its type is expected, and nowhere else', () => {
    workflow('Ok', { input: Order, queryLanguage: 'JSONata' }, (start) =>
      start.task(charge, (t) =>
        t.parameters((s) => ({ orderId: s.orderId, amount: total, email })),
      ),
    )
    workflow('Wrong', { input: Order, queryLanguage: 'JSONata' }, (start) =>
      start.task(charge, (t) =>
        // @ts-expect-error a string variable cannot be the charged amount (a number)
        t.parameters((s) => ({ orderId: s.orderId, amount: email, email })),
      ),
    )
  })

  test('conditions on a variable compare with values of its type', () => {
    eq(tier, 'GOLD')
    // @ts-expect-error 'SILVER' is not a tier
    eq(tier, 'SILVER')
  })
})
