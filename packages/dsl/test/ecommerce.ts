// The ecommerce workflow of issue 2, as a fixture shared by the DSL's tests.
import { z } from 'zod'
import { eq, fail, lambda, task, workflow } from '../src/index.ts'

export const Order = z.object({ orderId: z.string(), amount: z.number() })
const Payment = z.object({ orderId: z.string(), paymentId: z.string() })
const Inventory = z.object({ orderId: z.string(), inventoryResult: z.boolean() })
const Shipment = z.object({ trackingId: z.string() })

export const processPayment = lambda('ProcessPaymentFunction', {
  input: Order,
  output: Payment,
  handler: (order) => ({ orderId: order.orderId, paymentId: `pay-${order.orderId}` }),
})
export const checkInventory = lambda('CheckInventoryFunction', {
  input: Payment,
  output: Inventory,
  handler: (payment) => ({ orderId: payment.orderId, inventoryResult: true }),
})
export const initiateShipping = lambda('InitiateShippingFunction', {
  input: Inventory,
  output: Shipment,
  handler: (inventory) => ({ trackingId: `track-${inventory.orderId}` }),
})

const paymentFailed = fail('PaymentFailureHandler', {
  error: 'PaymentProcessingError',
  cause: 'Payment processing failed',
})
const inventoryFailed = fail('InventoryFailureHandler', {
  error: 'InventoryCheckError',
  cause: 'Inventory check failed or insufficient inventory',
})

export const ecommerce = workflow(
  'Ecommerce',
  {
    input: Order,
    comment: 'A Step Function for an E-commerce Order Processing System',
    region: 'region',
    account: 'account-id',
  },
  (start) =>
    start
      .next(
        task(processPayment)
          .retry(['Lambda.Timeout'], { intervalSeconds: 15, maxAttempts: 3, backoffRate: 2 })
          .catch(['States.ALL'], paymentFailed),
      )
      .next(task(checkInventory).catch(['States.ALL'], inventoryFailed))
      .choice('InventoryCheckPassed', (c) =>
        c
          .when((s) => eq(s.inventoryResult, true), task(initiateShipping))
          .otherwise(inventoryFailed),
      ),
)

/** The hand-written definition of issue 2, which the compiled ASL must equal. */
export const ecommerceAsl = {
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
