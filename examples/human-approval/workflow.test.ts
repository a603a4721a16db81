import { readFileSync } from 'node:fs'
import { validateStateMachine } from '@statewright/asl'
import { compile } from '@statewright/compiler'
import { type ExecutionResult, run, startExecution } from '@statewright/runtime'
import { beforeEach, describe, expect, test } from 'vitest'
import { countEvents, expectSchemaAndAslValidatorAccept, statePath } from '../testing.ts'
import { approvalQueue } from './tasks.ts'
import type { QueryLanguage } from '@statewright/asl'
import { expenseApproval, humanApproval } from './workflow.ts'

const input = JSON.parse(readFileSync(new URL('./input.json', import.meta.url), 'utf8'))

const expected = {
  Comment: 'Reimburses an expense report once a reviewer approves it',
  QueryLanguage: 'JSONPath',
  StartAt: 'RequestApproval',
  States: {
    RequestApproval: {
      Type: 'Task',
      Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
      Parameters: {
        QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/expense-approvals',
        MessageBody: {
          'taskToken.$': '$$.Task.Token',
          'reportId.$': '$.reportId',
          'employee.$': '$.employee',
          'amount.$': '$.amount',
        },
      },
      TimeoutSeconds: 86_400,
      ResultPath: '$.approval',
      Catch: [
        { ErrorEquals: ['ReportRejected'], Next: 'Rejected' },
        { ErrorEquals: ['States.Timeout'], Next: 'ApprovalTimedOut' },
      ],
      Next: 'Reimburse',
    },
    Reimburse: {
      Type: 'Task',
      Resource: 'arn:aws:lambda:us-east-1:123456789012:function:ReimburseFunction',
      Parameters: {
        'reportId.$': '$.reportId',
        'amount.$': '$.amount',
        'approvedBy.$': '$.approval.reviewer',
      },
      End: true,
    },
    Rejected: { Type: 'Fail', Error: 'ReportRejected', CausePath: '$.Cause' },
    ApprovalTimedOut: {
      Type: 'Fail',
      Error: 'ApprovalTimedOut',
      Cause: 'No reviewer answered within 24 hours',
    },
  },
}

// The same workflow in JSONata: Arguments and Output instead of Parameters and ResultPath.
const expectedJsonata = {
  Comment: 'Reimburses an expense report once a reviewer approves it',
  QueryLanguage: 'JSONata',
  StartAt: 'RequestApproval',
  States: {
    RequestApproval: {
      Type: 'Task',
      Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
      Arguments: {
        QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/expense-approvals',
        MessageBody: {
          taskToken: '{% $states.context.Task.Token %}',
          reportId: '{% $states.input.reportId %}',
          employee: '{% $states.input.employee %}',
          amount: '{% $states.input.amount %}',
        },
      },
      TimeoutSeconds: 86_400,
      Output: '{% $merge([$states.input, {"approval": $states.result}]) %}',
      Catch: [
        { ErrorEquals: ['ReportRejected'], Next: 'Rejected' },
        { ErrorEquals: ['States.Timeout'], Next: 'ApprovalTimedOut' },
      ],
      Next: 'Reimburse',
    },
    Reimburse: {
      Type: 'Task',
      Resource: 'arn:aws:lambda:us-east-1:123456789012:function:ReimburseFunction',
      Arguments: {
        reportId: '{% $states.input.reportId %}',
        amount: '{% $states.input.amount %}',
        approvedBy: '{% $states.input.approval.reviewer %}',
      },
      End: true,
    },
    Rejected: { Type: 'Fail', Error: 'ReportRejected', Cause: '{% $states.input.Cause %}' },
    ApprovalTimedOut: {
      Type: 'Fail',
      Error: 'ApprovalTimedOut',
      Cause: 'No reviewer answered within 24 hours',
    },
  },
}

const languages: readonly QueryLanguage[] = ['JSONPath', 'JSONata']

/** The input the Reimburse Lambda was called with, read from the history. */
function reimburseInput(result: ExecutionResult): unknown {
  const event = result.history.find((e) => e.type === 'LambdaFunctionScheduled')
  const details = event?.['lambdaFunctionScheduledEventDetails'] as { input: string } | undefined
  return details === undefined ? undefined : JSON.parse(details.input)
}

beforeEach(() => {
  approvalQueue.length = 0
})

describe('human-approval: compile', () => {
  test('compiles to the expected definition, with no diagnostics', () => {
    const compiled = compile(humanApproval)

    expect(compiled.diagnostics).toStrictEqual([])
    expect(compiled.asl).toStrictEqual(expected)
  })

  test('compiles to the expected JSONata definition, with no diagnostics', () => {
    const compiled = compile(expenseApproval('JSONata'))

    expect(compiled.diagnostics).toStrictEqual([])
    expect(compiled.asl).toStrictEqual(expectedJsonata)
  })

  test.each(languages)('the %s ASL passes our validator and asl-validator', (language) => {
    const { asl } = compile(expenseApproval(language))

    expect(validateStateMachine(asl)).toStrictEqual([])
    expectSchemaAndAslValidatorAccept(asl)
  })
})

describe.each(languages)('human-approval: run in %s', (language) => {
  const flow = expenseApproval(language)

  test('the reviewer approves with SendTaskSuccess: the expense is reimbursed', async () => {
    const execution = startExecution(flow, input)

    const token = await execution.nextTaskToken()
    // The token reached the reviewers with the report, as the workflow put it in the message body.
    expect(approvalQueue).toStrictEqual([
      { taskToken: token, reportId: 'exp-2041', employee: 'jane.doe', amount: 1250 },
    ])
    expect(execution.pendingTaskTokens()).toStrictEqual([token])
    execution.sendTaskSuccess(token, { reviewer: 'maria.lopez', note: 'Within budget' })
    const result = await execution.done

    expect(statePath(result)).toStrictEqual(['RequestApproval', 'Reimburse', 'SUCCEEDED'])
    expect(result.output).toStrictEqual({ reportId: 'exp-2041', paymentId: 'pay-exp-2041' })
    // The reviewer's answer was placed at $.approval and read by the next state.
    expect(reimburseInput(result)).toStrictEqual({
      reportId: 'exp-2041',
      amount: 1250,
      approvedBy: 'maria.lopez',
    })
    expect(countEvents(result, 'TaskSubmitted')).toBe(1)
    expect(execution.pendingTaskTokens()).toStrictEqual([])
  })

  test('the reviewer rejects with SendTaskFailure: the execution fails with their reason', async () => {
    const execution = startExecution(flow, input)

    const token = await execution.nextTaskToken()
    execution.sendTaskFailure(token, 'ReportRejected', 'Receipts are missing')
    const result = await execution.done

    expect(statePath(result)).toStrictEqual(['RequestApproval', 'Rejected', 'FAILED'])
    expect(result).toMatchObject({
      status: 'FAILED',
      error: 'ReportRejected',
      cause: 'Receipts are missing',
    })
    expect(countEvents(result, 'TaskFailed')).toBe(1)
    expect(countEvents(result, 'LambdaFunctionScheduled')).toBe(0)
  })

  test('nobody answers: TimeoutSeconds fails the task after 24 h of simulated time', async () => {
    const result = await run(flow, input)

    expect(statePath(result)).toStrictEqual(['RequestApproval', 'ApprovalTimedOut', 'FAILED'])
    expect(result).toMatchObject({
      status: 'FAILED',
      error: 'ApprovalTimedOut',
      cause: 'No reviewer answered within 24 hours',
    })
    expect(countEvents(result, 'TaskTimedOut')).toBe(1)
    expect(result.elapsedMs).toBe(86_400_000)
  })
})
