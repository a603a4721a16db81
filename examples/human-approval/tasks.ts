import { z } from 'zod'

// The human-approval workflow's data contract, the message reviewers receive (with the task token they
// answer with), and the local stand-ins for the approval queue and the reimbursement function.

export const ExpenseReport = z.object({
  reportId: z.string(),
  employee: z.string(),
  amount: z.number().positive(),
  description: z.string(),
})
export type ExpenseReport = z.infer<typeof ExpenseReport>

/** What the approval queue carries: the report and the token a reviewer answers SendTaskSuccess with. */
export const ApprovalMessage = z.object({
  taskToken: z.string(),
  reportId: z.string(),
  employee: z.string(),
  amount: z.number(),
})
export type ApprovalMessage = z.infer<typeof ApprovalMessage>

/** A reviewer's SendTaskSuccess output. A rejection is SendTaskFailure with the error `ReportRejected`. */
export const Approval = z.object({ reviewer: z.string(), note: z.string() })
export type Approval = z.infer<typeof Approval>

export const Reimbursement = z.object({ reportId: z.string(), paymentId: z.string() })
export type Reimbursement = z.infer<typeof Reimbursement>

/** Messages the local stand-in of the approval queue received (a real reviewer app reads SQS). */
export const approvalQueue: ApprovalMessage[] = []

/** The SQS SendMessage stand-in: keeps the message; its answer is SQS's. */
export function sendToApprovalQueue(request: { MessageBody: ApprovalMessage }): {
  MessageId: string
  MD5OfMessageBody: string
} {
  approvalQueue.push(ApprovalMessage.parse(request.MessageBody))
  return { MessageId: `msg-${approvalQueue.length}`, MD5OfMessageBody: '0' }
}

/** Pays the approved amount back; a real implementation calls the payroll system. */
export function reimburse(input: {
  reportId: string
  amount: number
  approvedBy: string
}): Reimbursement {
  return { reportId: input.reportId, paymentId: `pay-${input.reportId}` }
}
