/**
 * A `.waitForTaskToken` approval step, answered by the test as a human (or a queue consumer) would.
 * Run it: pnpm exec tsx --conditions=@statewright/source packages/runtime/examples/callbacks.ts
 */
import { pathToFileURL } from 'node:url'
import type { AslStateMachine } from '@statewright/asl'
import { startExecution, type ExecutionResult } from '../src/index.ts'

export const approvalFlow: AslStateMachine = {
  StartAt: 'RequestApproval',
  States: {
    RequestApproval: {
      Type: 'Task',
      Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
      Parameters: {
        QueueUrl: 'https://sqs.us-east-1.amazonaws.com/111111111111/approvals',
        MessageBody: { 'orderId.$': '$.orderId', 'token.$': '$$.Task.Token' },
      },
      // Callbacks should always have a timeout (a forgotten token would otherwise wait a year).
      TimeoutSeconds: 3600,
      HeartbeatSeconds: 600,
      ResultPath: '$.approval',
      Next: 'Approved?',
    },
    'Approved?': {
      Type: 'Choice',
      Choices: [{ Variable: '$.approval.approved', BooleanEquals: true, Next: 'Ship' }],
      Default: 'Rejected',
    },
    Ship: { Type: 'Succeed' },
    Rejected: { Type: 'Fail', Error: 'OrderRejected', Cause: 'The approver said no.' },
  },
}

/** Starts the flow, reads the message the task "sent", and approves it through the task token. */
export async function main(approve = true): Promise<ExecutionResult> {
  const sent: { orderId: string; token: string }[] = []
  const execution = startExecution(
    approvalFlow,
    { orderId: 'o-1' },
    {
      // The SQS call is a local handler: it records the message instead of sending it.
      handlers: {
        RequestApproval: (params: { MessageBody: { orderId: string; token: string } }) =>
          void sent.push(params.MessageBody),
      },
    },
  )
  const token = await execution.nextTaskToken()
  execution.sendTaskHeartbeat(token)
  if (approve) execution.sendTaskSuccess(token, { approved: true, by: 'alice' })
  else execution.sendTaskFailure(token, 'OrderRejected', 'The approver said no.')
  const result = await execution.done
  if (sent[0]?.token !== token) throw new Error('The message should carry the task token.')
  return result
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await main()
  console.log(result.status, JSON.stringify(result.output))
}
