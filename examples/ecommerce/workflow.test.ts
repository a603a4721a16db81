import { readFileSync } from 'node:fs'
import { compile } from '@statewright/compiler'
import { validateStateMachine } from '@statewright/asl'
import { run } from '@statewright/runtime'
import { describe, expect, test } from 'vitest'
import { countEvents, expectSchemaAndAslValidatorAccept, statePath } from '../testing.ts'
import { ecommerce } from './workflow.ts'

const input = JSON.parse(readFileSync(new URL('./input.json', import.meta.url), 'utf8'))

// The definition AWS's e-commerce tutorial writes by hand; the workflow must compile to exactly this.
const handWritten = {
  Comment: 'A Step Function for an E-commerce Order Processing System',
  StartAt: 'ProcessPayment',
  States: {
    ProcessPayment: {
      Type: 'Task',
      Resource: 'arn:aws:lambda:region:account-id:function:ProcessPaymentFunction',
      Next: 'CheckInventory',
      Retry: [
        { ErrorEquals: ['Lambda.Timeout'], IntervalSeconds: 15, MaxAttempts: 3, BackoffRate: 2 },
      ],
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'PaymentFailureHandler' }],
    },
    CheckInventory: {
      Type: 'Task',
      Resource: 'arn:aws:lambda:region:account-id:function:CheckInventoryFunction',
      Next: 'InventoryCheckPassed',
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'InventoryFailureHandler' }],
    },
    InventoryCheckPassed: {
      Type: 'Choice',
      Choices: [{ Variable: '$.inventoryResult', BooleanEquals: true, Next: 'InitiateShipping' }],
      Default: 'InventoryFailureHandler',
    },
    InitiateShipping: {
      Type: 'Task',
      Resource: 'arn:aws:lambda:region:account-id:function:InitiateShippingFunction',
      End: true,
    },
    PaymentFailureHandler: {
      Type: 'Fail',
      Error: 'PaymentProcessingError',
      Cause: 'Payment processing failed',
    },
    InventoryFailureHandler: {
      Type: 'Fail',
      Error: 'InventoryCheckError',
      Cause: 'Inventory check failed or insufficient inventory',
    },
  },
}

describe('ecommerce: compile', () => {
  test('compiles to the hand-written definition, with no diagnostics', () => {
    const compiled = compile(ecommerce)

    expect(compiled.diagnostics).toStrictEqual([])
    expect(compiled.asl).toStrictEqual(handWritten)
  })

  test('the compiled ASL passes our validator and asl-validator', () => {
    // asl-validator checks ARN syntax, so it gets the definition for a real region and account.
    const { asl } = compile(ecommerce, { region: 'us-east-1', account: '123456789012' })

    expect(validateStateMachine(asl)).toStrictEqual([])
    expectSchemaAndAslValidatorAccept(asl)
    expect(asl.States['ProcessPayment']).toMatchObject({
      Resource: 'arn:aws:lambda:us-east-1:123456789012:function:ProcessPaymentFunction',
    })
  })
})

describe('ecommerce: run', () => {
  test('the happy path charges, checks stock and ships', async () => {
    const result = await run(ecommerce, input)

    expect(statePath(result)).toStrictEqual([
      'ProcessPayment',
      'CheckInventory',
      'InventoryCheckPassed',
      'InitiateShipping',
      'SUCCEEDED',
    ])
    expect(result.output).toStrictEqual({
      orderId: 'order-1001',
      paymentId: 'pay-order-1001',
      trackingNumber: 'track-order-1001',
    })
  })

  test('a payment that keeps timing out is retried three times, then caught', async () => {
    let calls = 0
    const timingOut = (): never => {
      calls += 1
      throw Object.assign(new Error('Task timed out after 3.00 seconds'), {
        name: 'Lambda.Timeout',
      })
    }

    const result = await run(ecommerce, input, { handlers: { ProcessPayment: timingOut } })

    expect(calls).toBe(4)
    expect(countEvents(result, 'LambdaFunctionFailed')).toBe(4)
    expect(statePath(result)).toStrictEqual(['ProcessPayment', 'PaymentFailureHandler', 'FAILED'])
    expect(result).toMatchObject({
      status: 'FAILED',
      error: 'PaymentProcessingError',
      cause: 'Payment processing failed',
    })
    // Back-off of 15 s, 30 s and 60 s passes on the virtual clock: the test does not wait for it.
    expect(result.elapsedMs).toBe(105_000)
  })

  test('an inventory shortfall ends in InventoryFailureHandler', async () => {
    const tooMany = { ...input, items: [{ sku: 'sku-lamp', quantity: 5 }] }

    const result = await run(ecommerce, tooMany)

    expect(statePath(result)).toStrictEqual([
      'ProcessPayment',
      'CheckInventory',
      'InventoryCheckPassed',
      'InventoryFailureHandler',
      'FAILED',
    ])
    expect(result).toMatchObject({ status: 'FAILED', error: 'InventoryCheckError' })
  })
})
