import { lambda, task, workflow } from '@statewright/dsl'
import { EmailReceipt, OrderRequest, ProcessedOrder, processOrder, sendEmail } from './tasks.ts'

const ProcessOrder = lambda('ProcessOrderFunction', {
  input: OrderRequest,
  output: ProcessedOrder,
  handler: processOrder,
})
const SendEmail = lambda('SendEmailFunction', {
  input: ProcessedOrder,
  output: EmailReceipt,
  handler: sendEmail,
})

/** Process the order, then e-mail the confirmation, retrying a flaky mail service with back-off. */
export const orderConfirmation = workflow(
  'OrderConfirmation',
  { input: OrderRequest, region: 'us-east-1', account: '123456789012' },
  (start) =>
    start.next(task(ProcessOrder)).next(
      task(SendEmail).retry(['States.TaskFailed'], {
        intervalSeconds: 5,
        maxAttempts: 3,
        backoffRate: 2.0,
      }),
    ),
)
