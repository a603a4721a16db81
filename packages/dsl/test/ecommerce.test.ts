import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { lowerWorkflow, substitutionsOf } from '../src/ir/index.ts'
import { ecommerce, ecommerceAsl } from './ecommerce.ts'

describe('the ecommerce workflow of issue 2', () => {
  test('lowers to exactly the hand-written definition', () => {
    const asl = lowerWorkflow(ecommerce.toIr())

    expect(asl).toStrictEqual(ecommerceAsl)
  })

  test('lists the main path first and the failure handlers after it', () => {
    const names = ecommerce.toIr().states.map((state) => state.name)

    expect(names).toStrictEqual([
      'ProcessPayment',
      'CheckInventory',
      'InventoryCheckPassed',
      'InitiateShipping',
      'InventoryFailureHandler',
      'PaymentFailureHandler',
    ])
  })

  test('writes ${…} substitutions when lowered without a region and account', () => {
    const ir = { ...ecommerce.toIr(), target: {} }

    const asl = lowerWorkflow(ir)

    expect(asl.States['ProcessPayment']).toMatchObject({ Resource: '${ProcessPaymentFunctionArn}' })
    expect(substitutionsOf(ir)).toStrictEqual({
      ProcessPaymentFunctionArn: {
        kind: 'lambda-function-arn',
        functionName: 'ProcessPaymentFunction',
      },
      CheckInventoryFunctionArn: {
        kind: 'lambda-function-arn',
        functionName: 'CheckInventoryFunction',
      },
      InitiateShippingFunctionArn: {
        kind: 'lambda-function-arn',
        functionName: 'InitiateShippingFunction',
      },
    })
  })

  test('toStateMachine() gives the ASL and the handlers keyed by state name', async () => {
    const { definition, handlers } = ecommerce.toStateMachine()

    expect(definition).toStrictEqual(ecommerceAsl)
    expect(Object.keys(handlers).sort()).toStrictEqual([
      'CheckInventory',
      'InitiateShipping',
      'ProcessPayment',
    ])
    const signal = new AbortController().signal
    const context = { stateName: 'ProcessPayment', resource: '', retryCount: 0, signal }
    expect(await handlers['ProcessPayment']?.({ orderId: 'o1', amount: 5 }, context)).toStrictEqual(
      {
        orderId: 'o1',
        paymentId: 'pay-o1',
      },
    )
  })

  test('IR nodes point at the call site of their builder in the user file', () => {
    const choice = ecommerce.toIr().states.find((state) => state.name === 'InventoryCheckPassed')

    const lines = readFileSync(new URL('./ecommerce.ts', import.meta.url), 'utf8').split('\n')
    const line = lines.findIndex((text) => text.includes(".choice('InventoryCheckPassed'")) + 1
    expect(choice?.source?.file).toMatch(/packages\/dsl\/test\/ecommerce\.ts$/)
    expect(choice?.source?.line).toBe(line)
  })
})
