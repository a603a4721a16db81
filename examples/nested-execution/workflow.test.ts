import { readFileSync } from 'node:fs'
import { validateStateMachine } from '@statewright/asl'
import { compile } from '@statewright/compiler'
import { run } from '@statewright/runtime'
import { describe, expect, test } from 'vitest'
import { countEvents, expectSchemaAndAslValidatorAccept, statePath } from '../testing.ts'
import { shipOrder } from './child.ts'
import { printLabel } from './tasks.ts'
import type { QueryLanguage } from '@statewright/asl'
import { fulfillment, fulfillOrder } from './workflow.ts'

const input = JSON.parse(readFileSync(new URL('./input.json', import.meta.url), 'utf8'))
// The child runs in process: the runtime starts the registered state machine the ARN names.
const stateMachines = { ShipOrder: shipOrder }

const expectedParent = {
  Comment: 'Fulfills an order by running the ShipOrder state machine as a nested execution',
  QueryLanguage: 'JSONPath',
  StartAt: 'StartShipOrder',
  States: {
    StartShipOrder: {
      Type: 'Task',
      Resource: 'arn:aws:states:::states:startExecution.sync:2',
      Parameters: {
        StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:ShipOrder',
        Input: { 'orderId.$': '$.orderId', 'address.$': '$.address', 'items.$': '$.items' },
      },
      ResultSelector: {
        'trackingNumber.$': '$.Output.trackingNumber',
        'carrier.$': '$.Output.carrier',
        'execution.$': '$.ExecutionArn',
      },
      ResultPath: '$.shipping',
      TimeoutSeconds: 900,
      Catch: [{ ErrorEquals: ['States.TaskFailed'], Next: 'ShippingFailed' }],
      Next: 'NotifyCustomer',
    },
    NotifyCustomer: {
      Type: 'Task',
      Resource: 'arn:aws:lambda:us-east-1:123456789012:function:NotifyCustomerFunction',
      Parameters: { 'email.$': '$.email', 'trackingNumber.$': '$.shipping.trackingNumber' },
      ResultPath: '$.notification',
      End: true,
    },
    ShippingFailed: { Type: 'Fail', Error: 'ShippingFailed', CausePath: '$.Cause' },
  },
}

// The parent in JSONata: Arguments, and one Output for ResultSelector + ResultPath.
const expectedParentJsonata = {
  Comment: 'Fulfills an order by running the ShipOrder state machine as a nested execution',
  QueryLanguage: 'JSONata',
  StartAt: 'StartShipOrder',
  States: {
    StartShipOrder: {
      Type: 'Task',
      Resource: 'arn:aws:states:::states:startExecution.sync:2',
      Arguments: {
        StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:ShipOrder',
        Input: {
          orderId: '{% $states.input.orderId %}',
          address: '{% $states.input.address %}',
          items: '{% $states.input.items %}',
        },
      },
      TimeoutSeconds: 900,
      Output:
        '{% $merge([$states.input, {"shipping": {"trackingNumber": $states.result.Output.trackingNumber, "carrier": $states.result.Output.carrier, "execution": $states.result.ExecutionArn}}]) %}',
      Catch: [{ ErrorEquals: ['States.TaskFailed'], Next: 'ShippingFailed' }],
      Next: 'NotifyCustomer',
    },
    NotifyCustomer: {
      Type: 'Task',
      Resource: 'arn:aws:lambda:us-east-1:123456789012:function:NotifyCustomerFunction',
      Arguments: {
        email: '{% $states.input.email %}',
        trackingNumber: '{% $states.input.shipping.trackingNumber %}',
      },
      Output: '{% $merge([$states.input, {"notification": $states.result}]) %}',
      End: true,
    },
    ShippingFailed: { Type: 'Fail', Error: 'ShippingFailed', Cause: '{% $states.input.Cause %}' },
  },
}

const languages: readonly QueryLanguage[] = ['JSONPath', 'JSONata']

const country = (code: string): string =>
  `{"Variable":"$.address.country","StringEquals":"${code}"}`
const expectedChild = {
  StartAt: 'CanShip',
  States: {
    CanShip: {
      Type: 'Choice',
      Choices: [
        {
          Or: ['GB', 'FR', 'DE', 'US'].map((code) => JSON.parse(country(code))),
          Next: 'BookCarrier',
        },
      ],
      Default: 'CannotShip',
    },
    BookCarrier: {
      Type: 'Task',
      Resource: 'arn:aws:lambda:us-east-1:123456789012:function:BookCarrierFunction',
      Parameters: {
        'orderId.$': '$.orderId',
        'address.$': '$.address',
        'items.$': '$.items',
        'country.$': '$.address.country',
      },
      ResultPath: '$.booking',
      Next: 'PrintLabel',
    },
    PrintLabel: {
      Type: 'Task',
      Resource: 'arn:aws:lambda:us-east-1:123456789012:function:PrintLabelFunction',
      Parameters: { 'orderId.$': '$.orderId', 'carrier.$': '$.booking.carrier' },
      End: true,
    },
    CannotShip: { Type: 'Fail', Error: 'CannotShip', CausePath: '$.address.country' },
  },
}

describe('nested-execution: compile', () => {
  test('the parent compiles to the expected definition, with no diagnostics', () => {
    const compiled = compile(fulfillOrder)

    expect(compiled.diagnostics).toStrictEqual([])
    expect(compiled.asl).toStrictEqual(expectedParent)
  })

  test('the parent compiles to the expected JSONata definition, with no diagnostics', () => {
    const compiled = compile(fulfillment('JSONata'))

    expect(compiled.diagnostics).toStrictEqual([])
    expect(compiled.asl).toStrictEqual(expectedParentJsonata)
  })

  test('the child compiles to the expected definition, with no diagnostics', () => {
    const compiled = compile(shipOrder)

    expect(compiled.diagnostics).toStrictEqual([])
    expect(compiled.asl).toStrictEqual(expectedChild)
  })

  test('all three pass our validator and asl-validator', () => {
    for (const machine of [fulfillOrder, fulfillment('JSONata'), shipOrder]) {
      const { asl } = compile(machine)

      expect(validateStateMachine(asl)).toStrictEqual([])
      expectSchemaAndAslValidatorAccept(asl)
    }
  })
})

describe.each(languages)('nested-execution: run the parent in %s', (language) => {
  const parent = fulfillment(language)

  test('the parent waits for the child (.sync:2) and reads its output', async () => {
    const labels: string[] = []
    const spyPrintLabel = (label: { orderId: string; carrier: string }) => {
      labels.push(label.orderId)
      return printLabel(label)
    }

    const result = await run(parent, input, {
      stateMachines,
      // Handlers given to the parent reach the child's states too.
      handlers: { PrintLabel: spyPrintLabel },
    })

    expect(statePath(result)).toStrictEqual(['StartShipOrder', 'NotifyCustomer', 'SUCCEEDED'])
    expect(labels).toStrictEqual(['order-5150'])
    expect(result.output).toStrictEqual({
      ...input,
      shipping: {
        trackingNumber: 'DHL-order-5150',
        carrier: 'DHL',
        execution: expect.stringMatching(
          /^arn:aws:states:us-east-1:123456789012:execution:ShipOrder:[0-9a-f-]{36}$/,
        ),
      },
      notification: { messageId: 'mail-DHL-order-5150' },
    })
    // A .sync task is submitted, then succeeds when the child does.
    expect(countEvents(result, 'TaskSubmitted')).toBe(1)
    expect(countEvents(result, 'TaskSucceeded')).toBe(1)
  })

  test('a failed child fails the task with States.TaskFailed; the parent catches it', async () => {
    const abroad = { ...input, address: { ...input.address, country: 'AQ' } }

    const result = await run(parent, abroad, { stateMachines })

    expect(statePath(result)).toStrictEqual(['StartShipOrder', 'ShippingFailed', 'FAILED'])
    expect(result).toMatchObject({ status: 'FAILED', error: 'ShippingFailed' })
    // The cause is the child's DescribeExecution, as AWS reports a failed .sync:2 child.
    expect(JSON.parse(result.cause!)).toMatchObject({
      Status: 'FAILED',
      Error: 'CannotShip',
      Cause: 'AQ',
      StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:ShipOrder',
      Input: { orderId: 'order-5150', address: { country: 'AQ' } },
    })
  })

  test('a child missing from the registry fails as on AWS; States.TaskFailed catches that too', async () => {
    const result = await run(parent, input, { stateMachines: {} })

    expect(statePath(result)).toStrictEqual(['StartShipOrder', 'ShippingFailed', 'FAILED'])
    expect(countEvents(result, 'TaskFailed')).toBe(1)
    const failed = result.history.find((event) => event.type === 'TaskFailed')
    expect(failed?.['taskFailedEventDetails']).toMatchObject({
      error: 'StepFunctions.StateMachineDoesNotExistException',
    })
    expect(result.cause).toContain('State Machine Does Not Exist')
  })
})

describe('nested-execution: run the child', () => {
  test('the child runs on its own too', async () => {
    const result = await run(shipOrder, {
      orderId: input.orderId,
      address: { ...input.address, country: 'US' },
      items: input.items,
    })

    expect(statePath(result)).toStrictEqual(['CanShip', 'BookCarrier', 'PrintLabel', 'SUCCEEDED'])
    expect(result.output).toStrictEqual({
      orderId: 'order-5150',
      carrier: 'UPS',
      trackingNumber: 'UPS-order-5150',
    })
  })
})
