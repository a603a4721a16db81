import type { QueryLanguage } from '@statewright/asl'
import { lambda, sqsSendMessage, taskToken, waitForTaskToken, workflow } from '@statewright/dsl'
import { z } from 'zod'
import {
  Approval,
  type ApprovalMessage,
  ExpenseReport,
  Reimbursement,
  reimburse,
  sendToApprovalQueue,
} from './tasks.ts'

const queueUrl = 'https://sqs.us-east-1.amazonaws.com/123456789012/expense-approvals'

// The callback form of SQS SendMessage: the task pauses until a reviewer answers with the task token.
const RequestApproval = waitForTaskToken(
  sqsSendMessage<ApprovalMessage>({
    queueUrl,
    name: 'RequestApproval',
    handler: sendToApprovalQueue,
  }),
  { output: Approval },
)

const Reimburse = lambda('ReimburseFunction', {
  input: z.object({ reportId: z.string(), amount: z.number(), approvedBy: z.string() }),
  output: Reimbursement,
  handler: reimburse,
})

/**
 * An expense report waits for a person: the task token goes to the approval queue with the report, and
 * the execution pauses (for a day at most) until a reviewer calls SendTaskSuccess (approve: the expense
 * is reimbursed) or SendTaskFailure with `ReportRejected` (the execution fails with their reason).
 * The same workflow written in either query language.
 */
export const expenseApproval = (queryLanguage: QueryLanguage = 'JSONPath') =>
  workflow(
    'ExpenseApproval',
    {
      input: ExpenseReport,
      comment: 'Reimburses an expense report once a reviewer approves it',
      region: 'us-east-1',
      account: '123456789012',
      queryLanguage,
    },
    (start) =>
      start
        .task(RequestApproval, (t) =>
          t
            .parameters((s) => ({
              MessageBody: {
                taskToken: taskToken(),
                reportId: s.reportId,
                employee: s.employee,
                amount: s.amount,
              },
            }))
            .resultPath('approval')
            .timeout(86_400)
            .catch(['ReportRejected'], (rejected) =>
              rejected.fail('Rejected', {
                error: 'ReportRejected',
                causeFrom: (s) => s.Cause,
              }),
            )
            .catch(['States.Timeout'], (late) =>
              late.fail('ApprovalTimedOut', {
                error: 'ApprovalTimedOut',
                cause: 'No reviewer answered within 24 hours',
              }),
            ),
        )
        .task(Reimburse, (t) =>
          t.parameters((s) => ({
            reportId: s.reportId,
            amount: s.amount,
            approvedBy: s.approval.reviewer,
          })),
        ),
  )

/** The workflow in JSONPath, what `statewright run` and `statewright build` pick up. */
export const humanApproval = expenseApproval()
