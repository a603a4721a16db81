import { eq, fail, lambda, task, workflow } from '@statewright/dsl'
import {
  checkInventory,
  initiateShipping,
  InventoryChecked,
  Order,
  PaidOrder,
  processPayment,
  Shipment,
} from './tasks.ts'

// The Lambda functions, typed by the schemas of tasks.ts; `handler` is the code `run()` executes locally.
const ProcessPayment = lambda('ProcessPaymentFunction', {
  input: Order,
  output: PaidOrder,
  handler: processPayment,
})
const CheckInventory = lambda('CheckInventoryFunction', {
  input: PaidOrder,
  output: InventoryChecked,
  handler: checkInventory,
})
const InitiateShipping = lambda('InitiateShippingFunction', {
  input: InventoryChecked,
  output: Shipment,
  handler: initiateShipping,
})

const paymentFailed = fail('PaymentFailureHandler', {
  error: 'PaymentProcessingError',
  cause: 'Payment processing failed',
})
const inventoryFailed = fail('InventoryFailureHandler', {
  error: 'InventoryCheckError',
  cause: 'Inventory check failed or insufficient inventory',
})

/**
 * E-commerce order processing: charge the card (retrying Lambda timeouts), check the stock, and ship when
 * everything is available; each failure ends in its own Fail state.
 */
export const ecommerce = workflow(
  'Ecommerce',
  {
    input: Order,
    comment: 'A Step Function for an E-commerce Order Processing System',
    // Placeholders, not an account: they reproduce the tutorial's ARNs
    // (arn:aws:lambda:region:account-id:function:…). A real build passes real values, or leaves both
    // out so the ARNs become ${…Arn} substitutions for the deployment tool (docs/deploying.md).
    region: 'region',
    account: 'account-id',
  },
  (start) =>
    start
      .next(
        task(ProcessPayment)
          .retry(['Lambda.Timeout'], { intervalSeconds: 15, maxAttempts: 3, backoffRate: 2 })
          .catch(['States.ALL'], paymentFailed),
      )
      .next(task(CheckInventory).catch(['States.ALL'], inventoryFailed))
      .choice('InventoryCheckPassed', (c) =>
        c
          .when((s) => eq(s.inventoryResult, true), task(InitiateShipping))
          .otherwise(inventoryFailed),
      ),
)
