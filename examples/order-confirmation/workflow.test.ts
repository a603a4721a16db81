import { validateStateMachine } from '@statewright/asl'
import { compile } from '@statewright/compiler'
import { run } from '@statewright/runtime'
import { describe, expect, test } from 'vitest'
import { countEvents, expectSchemaAndAslValidatorAccept, statePath } from '../testing.ts'
import { sendEmail, type ProcessedOrder } from './tasks.ts'
import { orderConfirmation } from './workflow.ts'

const order = { orderId: 'a12', email: 'li@example.com', total: 30 }

describe('order-confirmation: compile', () => {
  test('SendEmail retries States.TaskFailed every 5 s, 3 attempts, back-off 2', () => {
    const compiled = compile(orderConfirmation)

    expect(compiled.diagnostics).toStrictEqual([])
    expect(compiled.asl).toStrictEqual({
      StartAt: 'ProcessOrder',
      States: {
        ProcessOrder: {
          Type: 'Task',
          Resource: 'arn:aws:lambda:us-east-1:123456789012:function:ProcessOrderFunction',
          Next: 'SendEmail',
        },
        SendEmail: {
          Type: 'Task',
          Resource: 'arn:aws:lambda:us-east-1:123456789012:function:SendEmailFunction',
          Retry: [
            {
              ErrorEquals: ['States.TaskFailed'],
              IntervalSeconds: 5,
              MaxAttempts: 3,
              BackoffRate: 2,
            },
          ],
          End: true,
        },
      },
    })
    expect(validateStateMachine(compiled.asl)).toStrictEqual([])
    expectSchemaAndAslValidatorAccept(compiled.asl)
  })
})

describe('order-confirmation: run', () => {
  test('an e-mail service that fails twice is retried, and the execution succeeds', async () => {
    let attempts = 0
    const flakyEmail = (input: ProcessedOrder) => {
      attempts += 1
      if (attempts <= 2) throw new Error('Mail service unavailable')
      return sendEmail(input)
    }

    const result = await run(orderConfirmation, order, { handlers: { SendEmail: flakyEmail } })

    expect(statePath(result)).toStrictEqual(['ProcessOrder', 'SendEmail', 'SUCCEEDED'])
    expect(result.output).toStrictEqual({ messageId: 'msg-CONF-A12', to: 'li@example.com' })
    // ProcessOrder once; SendEmail failed twice (two retries), then succeeded on the third attempt.
    expect(countEvents(result, 'LambdaFunctionFailed')).toBe(2)
    expect(countEvents(result, 'LambdaFunctionScheduled')).toBe(4)
    expect(attempts).toBe(3)
    // 5 s then 10 s of back-off, simulated: the test does not wait for them.
    expect(result.elapsedMs).toBe(15_000)
  })

  test('an e-mail service that never recovers fails the execution after three retries', async () => {
    const downEmail = (): never => {
      throw new Error('Mail service unavailable')
    }

    const result = await run(orderConfirmation, order, { handlers: { SendEmail: downEmail } })

    expect(result.status).toBe('FAILED')
    expect(result.error).toBe('Error')
    expect(countEvents(result, 'LambdaFunctionFailed')).toBe(4)
    expect(result.elapsedMs).toBe(35_000)
  })
})
