import { describe, expect, test } from 'vitest'
import { expectAslValidatorAccepts } from '../../test/second-opinion.ts'
import { formatDiagnostic } from '../diagnostics.ts'
import { validate } from '../validate.ts'
import { totalRetryDelay } from './unbounded-catch-all-retry.ts'

const machine = (retrier: Record<string, unknown>) => ({
  StartAt: 'Work',
  States: {
    Work: {
      Type: 'Task',
      Resource: 'arn:aws:lambda:us-east-1:123456789012:function:work',
      Retry: [retrier],
      End: true,
    },
  },
})

describe('findUnboundedCatchAllRetry', () => {
  test('warns when States.ALL is retried too often or for too long', () => {
    const many = machine({ ErrorEquals: ['States.ALL'], MaxAttempts: 50, MaxDelaySeconds: 5 })
    const long = machine({
      ErrorEquals: ['States.ALL'],
      MaxAttempts: 10,
      IntervalSeconds: 60,
      BackoffRate: 3,
    })
    expectAslValidatorAccepts(many)
    expectAslValidatorAccepts(long)

    const messages = [...validate(many), ...validate(long)].map(formatDiagnostic)

    expect(messages).toMatchInlineSnapshot(`
      [
        "warning SFN254 /States/Work/Retry[0]: 'Work' retries every error (States.ALL) up to 50 times, waiting 242 seconds in all, so errors that can never succeed are retried too. Retry only the transient errors by name, or lower MaxAttempts (at most 10) and set MaxDelaySeconds.",
        "warning SFN254 /States/Work/Retry[0]: 'Work' retries every error (States.ALL) up to 10 times, waiting about 21 days in all, so errors that can never succeed are retried too. Retry only the transient errors by name, or lower MaxAttempts (at most 10) and set MaxDelaySeconds.",
      ]
    `)
  })

  test('accepts the default retrier and bounded ones, and honours the thresholds', () => {
    const defaults = machine({ ErrorEquals: ['States.ALL'] })
    const bounded = machine({ ErrorEquals: ['States.ALL'], MaxAttempts: 8, MaxDelaySeconds: 30 })
    const many = machine({ ErrorEquals: ['States.ALL'], MaxAttempts: 50, MaxDelaySeconds: 5 })

    expect([...validate(defaults), ...validate(bounded)]).toStrictEqual([])
    expect(validate(many, { thresholds: { maxCatchAllAttempts: 50 } })).toStrictEqual([])
    expect(validate(many, { lints: { SFN254: false } })).toStrictEqual([])
  })

  test('totalRetryDelay() follows IntervalSeconds × BackoffRate^(n−1), capped at MaxDelaySeconds', () => {
    expect(totalRetryDelay({})).toBe(1 + 2 + 4)
    expect(
      totalRetryDelay({ MaxAttempts: 4, IntervalSeconds: 2, BackoffRate: 3, MaxDelaySeconds: 10 }),
    ).toBe(2 + 6 + 10 + 10)
    expect(totalRetryDelay({ MaxAttempts: 0 })).toBe(0)
  })
})
