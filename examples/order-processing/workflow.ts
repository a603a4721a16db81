import { lambda, task, workflow } from '@statewright/dsl'
import {
  Charged,
  checkInventory,
  notifyCustomer,
  Notified,
  Order,
  processPayment,
  Reserved,
} from './tasks.ts'

const CheckInventory = lambda('CheckInventoryFunction', {
  input: Order,
  output: Reserved,
  handler: checkInventory,
})
const ProcessPayment = lambda('ProcessPaymentFunction', {
  input: Reserved,
  output: Charged,
  handler: processPayment,
})
const NotifyCustomer = lambda('NotifyCustomerFunction', {
  input: Charged,
  output: Notified,
  handler: notifyCustomer,
})

/**
 * Reserve stock, charge the card, tell the customer. No region or account is configured, so the
 * function ARNs stay `${…Arn}` placeholders that the deployment tool substitutes.
 */
export const orderProcessing = workflow('OrderProcessing', { input: Order }, (start) =>
  start.next(task(CheckInventory)).next(task(ProcessPayment)).next(task(NotifyCustomer)),
)
