import { describe, expect, test } from 'vitest'
import { expectAslValidatorAccepts } from '../../test/second-opinion.ts'
import { formatDiagnostic } from '../diagnostics.ts'
import { validate } from '../validate.ts'

const task = (fields: Record<string, unknown>) => ({
  StartAt: 'Charge',
  States: {
    Charge: {
      Type: 'Task',
      Resource: 'arn:aws:lambda:us-east-1:123456789012:function:charge',
      ...fields,
      End: true,
    },
    Failed: { Type: 'Fail', Error: 'ChargeFailed' },
  },
})

describe('findShadowedHandler', () => {
  test('warns about retriers and catchers whose errors an earlier entry already takes', () => {
    const definition = task({
      Retry: [
        { ErrorEquals: ['States.TaskFailed'], MaxAttempts: 2 },
        { ErrorEquals: ['Lambda.TooManyRequestsException'], MaxAttempts: 5 },
        { ErrorEquals: ['States.Timeout'], MaxAttempts: 1 },
      ],
      Catch: [
        { ErrorEquals: ['CardDeclined', 'States.Timeout'], Next: 'Failed' },
        { ErrorEquals: ['CardDeclined'], Next: 'Failed' },
        { ErrorEquals: ['States.ALL'], Next: 'Failed' },
      ],
    })
    expectAslValidatorAccepts(definition)

    const messages = validate(definition).map(formatDiagnostic)

    expect(messages).toMatchInlineSnapshot(`
      [
        "warning SFN252 /States/Charge/Catch[1]: Catcher 1 of 'Charge' ("CardDeclined") can never fire: catcher 0 already matches these errors, and Step Functions uses the first catcher that matches. Move it before catcher 0, or remove it.",
        "warning SFN252 /States/Charge/Retry[1]: Retrier 1 of 'Charge' ("Lambda.TooManyRequestsException") can never fire: retrier 0 already matches these errors, and Step Functions uses the first retrier that matches. Move it before retrier 0, or remove it.",
      ]
    `)
  })

  test('accepts specific errors before the catch-all', () => {
    const definition = task({
      Retry: [
        { ErrorEquals: ['Lambda.TooManyRequestsException'], MaxAttempts: 5 },
        { ErrorEquals: ['States.ALL'], MaxAttempts: 2 },
      ],
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Failed' }],
    })

    expect(validate(definition)).toStrictEqual([])
  })
})
