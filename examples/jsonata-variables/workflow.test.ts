import { readFileSync } from 'node:fs'
import { validateStateMachine } from '@statewright/asl'
import { compile } from '@statewright/compiler'
import { type ExecutionResult, run } from '@statewright/runtime'
import { describe, expect, test } from 'vitest'
import { expectSchemaAndAslValidatorAccept, statePath } from '../testing.ts'
import { type ChargeRequest, chargeCustomer } from './tasks.ts'
import { pricing } from './workflow.ts'

const input = JSON.parse(readFileSync(new URL('./input.json', import.meta.url), 'utf8'))

const expected = {
  Comment: 'Prices an order with JSONata expressions and workflow variables',
  QueryLanguage: 'JSONata',
  StartAt: 'LoadCustomer',
  States: {
    LoadCustomer: {
      Type: 'Task',
      Resource: '${LoadCustomerFunctionArn}',
      Arguments: { customerId: '{% $states.input.customerId %}' },
      Output: '{% $states.input %}',
      Assign: { tier: '{% $states.result.tier %}', email: '{% $states.result.email %}' },
      Next: 'IsGoldCustomer',
    },
    IsGoldCustomer: {
      Type: 'Choice',
      Choices: [{ Condition: '{% $tier = "GOLD" %}', Next: 'GoldDiscount' }],
      Default: 'NoDiscount',
    },
    GoldDiscount: { Type: 'Pass', Assign: { discountRate: 0.1 }, Next: 'PriceLines' },
    NoDiscount: { Type: 'Pass', Assign: { discountRate: 0 }, Next: 'PriceLines' },
    PriceLines: {
      Type: 'Map',
      Items: '{% $states.input.items %}',
      ItemProcessor: {
        ProcessorConfig: { Mode: 'INLINE' },
        StartAt: 'PriceLine',
        States: {
          PriceLine: {
            Type: 'Pass',
            Output: {
              sku: '{% $states.input.sku %}',
              total:
                '{% ($round($states.input.price * $states.input.quantity * (1 - $discountRate), 2)) %}',
            },
            End: true,
          },
        },
      },
      Output: '{% $merge([$states.input, {"lines": $states.result}]) %}',
      Assign: { total: '{% ($round($sum($states.result.total), 2)) %}' },
      Next: 'ChargeCustomer',
    },
    ChargeCustomer: {
      Type: 'Task',
      Resource: '${ChargeCustomerFunctionArn}',
      Arguments: {
        orderId: '{% $states.input.orderId %}',
        amount: '{% $total %}',
        email: '{% $email %}',
      },
      Output: '{% $states.input %}',
      Assign: { paymentId: '{% $states.result.paymentId %}' },
      Next: 'Summary',
    },
    Summary: {
      Type: 'Pass',
      Output: {
        orderId: '{% $states.input.orderId %}',
        tier: '{% $tier %}',
        discountRate: '{% $discountRate %}',
        lines: '{% $states.input.lines %}',
        total: '{% $total %}',
        paymentId: '{% $paymentId %}',
        receiptTo: '{% $email %}',
      },
      End: true,
    },
  },
}

/** The variables a state assigned, from its StateExited event (values are JSON text, as in AWS's history). */
function assignedBy(result: ExecutionResult, state: string): Record<string, unknown> | undefined {
  const exited = result.history.find(
    (event) =>
      event.type.endsWith('StateExited') &&
      (event['stateExitedEventDetails'] as { name?: string } | undefined)?.name === state,
  )
  const details = exited?.['stateExitedEventDetails'] as
    { assignedVariables?: Record<string, string> } | undefined
  return details?.assignedVariables === undefined
    ? undefined
    : Object.fromEntries(
        Object.entries(details.assignedVariables).map(([name, text]) => [name, JSON.parse(text)]),
      )
}

describe('jsonata-variables: compile', () => {
  test('compiles to the expected JSONata definition, with no diagnostics', () => {
    const compiled = compile(pricing)

    expect(compiled.diagnostics).toStrictEqual([])
    expect(compiled.asl).toStrictEqual(expected)
  })

  test('the compiled ASL passes our validator and asl-validator', () => {
    const { asl } = compile(pricing, { region: 'us-east-1', account: '123456789012' })

    expect(validateStateMachine(asl)).toStrictEqual([])
    expectSchemaAndAslValidatorAccept(asl)
    expect(asl.States['ChargeCustomer']).toMatchObject({
      Resource: 'arn:aws:lambda:us-east-1:123456789012:function:ChargeCustomerFunction',
    })
  })
})

describe('jsonata-variables: run', () => {
  test('a gold customer: variables carry the tier, the rate and the total to later states', async () => {
    const charged: ChargeRequest[] = []
    const spyCharge = (request: ChargeRequest) => {
      charged.push(request)
      return chargeCustomer(request)
    }

    const result = await run(pricing, input, { handlers: { ChargeCustomer: spyCharge } })

    expect(statePath(result)).toStrictEqual([
      'LoadCustomer',
      'IsGoldCustomer',
      'GoldDiscount',
      'PriceLines',
      'PriceLine',
      'PriceLine',
      'ChargeCustomer',
      'Summary',
      'SUCCEEDED',
    ])
    expect(result.output).toStrictEqual({
      orderId: 'order-7',
      tier: 'GOLD',
      discountRate: 0.1,
      lines: [
        { sku: 'sku-book', total: 22.5 },
        { sku: 'sku-lamp', total: 36 },
      ],
      total: 58.5,
      paymentId: 'pay-order-7',
      receiptTo: 'ada@example.com',
    })
    // The charge reads $total and $email: neither travels in the state data.
    expect(charged).toStrictEqual([{ orderId: 'order-7', amount: 58.5, email: 'ada@example.com' }])
    expect(assignedBy(result, 'LoadCustomer')).toStrictEqual({
      tier: 'GOLD',
      email: 'ada@example.com',
    })
    expect(assignedBy(result, 'PriceLines')).toStrictEqual({ total: 58.5 })
  })

  test('a standard customer takes the other branch: no discount', async () => {
    const result = await run(pricing, { ...input, customerId: 'cust-7' })

    expect(statePath(result)).toContain('NoDiscount')
    expect(result.output).toMatchObject({
      tier: 'STANDARD',
      discountRate: 0,
      lines: [
        { sku: 'sku-book', total: 25 },
        { sku: 'sku-lamp', total: 40 },
      ],
      total: 65,
      receiptTo: 'bob@example.com',
    })
  })

  test('the state data stays the order: Output keeps the input where the result went to variables', async () => {
    const result = await run(pricing, input)
    const exited = result.history.find(
      (event) =>
        event.type === 'TaskStateExited' &&
        (event['stateExitedEventDetails'] as { name: string }).name === 'LoadCustomer',
    )

    expect(
      JSON.parse((exited?.['stateExitedEventDetails'] as { output: string }).output),
    ).toStrictEqual(input)
  })

  test('an unknown customer fails the execution with the Lambda error', async () => {
    const result = await run(pricing, { ...input, customerId: 'nobody' })

    expect(statePath(result)).toStrictEqual(['LoadCustomer', 'FAILED'])
    expect(result).toMatchObject({ status: 'FAILED', error: 'CustomerNotFound' })
    expect(result.cause).toContain('No customer nobody')
  })
})
