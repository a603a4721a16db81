import { validateStateMachine } from '@statewright/asl'
import { applySubstitutions, compile } from '@statewright/compiler'
import { run } from '@statewright/runtime'
import { describe, expect, test } from 'vitest'
import { expectSchemaAndAslValidatorAccept, statePath } from '../testing.ts'
import { orderProcessing } from './workflow.ts'

const order = {
  orderId: 'o-7',
  customerEmail: 'ana@example.com',
  sku: 'sku-mug',
  quantity: 2,
  amount: 18,
}

describe('order-processing: compile', () => {
  test('compiles to three chained Lambda tasks with ARN placeholders', () => {
    const compiled = compile(orderProcessing)

    expect(compiled.diagnostics).toStrictEqual([])
    expect(compiled.asl).toStrictEqual({
      StartAt: 'CheckInventory',
      States: {
        CheckInventory: {
          Type: 'Task',
          Resource: '${CheckInventoryFunctionArn}',
          Next: 'ProcessPayment',
        },
        ProcessPayment: {
          Type: 'Task',
          Resource: '${ProcessPaymentFunctionArn}',
          Next: 'NotifyCustomer',
        },
        NotifyCustomer: { Type: 'Task', Resource: '${NotifyCustomerFunctionArn}', End: true },
      },
    })
    expect(Object.keys(compiled.substitutions).sort()).toStrictEqual([
      'CheckInventoryFunctionArn',
      'NotifyCustomerFunctionArn',
      'ProcessPaymentFunctionArn',
    ])
  })

  test('with the placeholders filled in, the ASL passes our validator and asl-validator', () => {
    const arn = (name: string): string => `arn:aws:lambda:eu-west-1:123456789012:function:${name}`
    const deployed = applySubstitutions(compile(orderProcessing).asl, {
      CheckInventoryFunctionArn: arn('CheckInventoryFunction'),
      ProcessPaymentFunctionArn: arn('ProcessPaymentFunction'),
      NotifyCustomerFunctionArn: arn('NotifyCustomerFunction'),
    })

    expect(validateStateMachine(deployed)).toStrictEqual([])
    expectSchemaAndAslValidatorAccept(deployed)
  })
})

describe('order-processing: run', () => {
  test('runs the three tasks in order and returns the notification', async () => {
    const result = await run(orderProcessing, order)

    expect(statePath(result)).toStrictEqual([
      'CheckInventory',
      'ProcessPayment',
      'NotifyCustomer',
      'SUCCEEDED',
    ])
    expect(result.output).toStrictEqual({ orderId: 'o-7', notified: true })
  })

  test('a handler error fails the execution with the Lambda error name and AWS-shaped cause', async () => {
    const result = await run(orderProcessing, { ...order, quantity: 500 })

    expect(statePath(result)).toStrictEqual(['CheckInventory', 'FAILED'])
    expect(result.error).toBe('OutOfStock')
    expect(JSON.parse(result.cause ?? '')).toMatchObject({
      errorType: 'OutOfStock',
      errorMessage: 'Only 100 of sku-mug left',
    })
  })
})
