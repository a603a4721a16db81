import { lambda, succeed, task, workflow } from '@statewright/dsl'
import { z } from 'zod'

export const Order = z.object({ orderId: z.string(), email: z.string() })
const Payment = z.object({ orderId: z.string(), email: z.string(), paymentId: z.string() })

// No region or account: the built definition refers to each function as ${<Name>Arn}, which the
// deployment tool (here CDK's definitionSubstitutions) fills in with the real ARN.
const processPayment = lambda('ProcessPaymentFunction', {
  input: Order,
  output: Payment,
  handler: (order) => ({ ...order, paymentId: `pay-${order.orderId}` }),
})
const sendReceipt = lambda('SendReceiptFunction', {
  input: Payment,
  output: z.object({ sent: z.boolean() }),
  handler: () => ({ sent: true }),
})

/** Charges an order, then mails the receipt. */
export const orderFlow = workflow(
  'OrderFlow',
  { input: Order, comment: 'Charge and send a receipt' },
  (start) =>
    start
      .next(task(processPayment).retry(['Lambda.TooManyRequestsException'], { maxAttempts: 3 }))
      .next(task(sendReceipt))
      .next(succeed('Done')),
)
