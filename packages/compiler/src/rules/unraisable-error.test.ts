import { describe, expect, test } from 'vitest'
import { expectAslValidatorAccepts } from '../../test/second-opinion.ts'
import { formatDiagnostic } from '../diagnostics.ts'
import { validate } from '../validate.ts'

const machine = (states: Record<string, unknown>, startAt = 'Save') => ({
  StartAt: startAt,
  States: { ...states, Failed: { Type: 'Fail' } },
})

describe('findUnraisableError', () => {
  test('warns about errors of another integration, missing heartbeats and States.Runtime', () => {
    const definition = machine({
      Save: {
        Type: 'Task',
        Resource: 'arn:aws:states:::dynamodb:putItem',
        Parameters: { TableName: 'orders', Item: {} },
        Retry: [
          { ErrorEquals: ['Lambda.ServiceException', 'Lambda.SdkClientException'] },
          { ErrorEquals: ['States.HeartbeatTimeout'] },
          { ErrorEquals: ['S3.NoSuchKeyException'] },
          { ErrorEquals: ['DynamoDB.ProvisionedThroughputExceededException', 'MyApp.Custom'] },
        ],
        Catch: [
          { ErrorEquals: ['States.Runtime'], Next: 'Failed' },
          {
            ErrorEquals: ['States.Http.StatusCode.429', 'DynamoDB.ConditionalCheckFailedException'],
            Next: 'Failed',
          },
        ],
        End: true,
      },
    })
    expectAslValidatorAccepts(definition)

    const messages = validate(definition).map(formatDiagnostic)

    expect(messages).toMatchInlineSnapshot(`
      [
        "warning SFN253 /States/Save/Catch[0]: Catcher 0 of 'Save' handles "States.Runtime", which never reaches it here (States.Runtime is never retried or caught). Name the errors its integration raises, or remove the catcher.",
        "warning SFN253 /States/Save/Retry[0]: Retrier 0 of 'Save' handles "Lambda.ServiceException", "Lambda.SdkClientException", which never reaches it here (only Lambda tasks raise Lambda.* errors). Name the errors its integration raises, or remove the retrier.",
        "warning SFN253 /States/Save/Retry[1]: Retrier 1 of 'Save' handles "States.HeartbeatTimeout", which never reaches it here (the task sets no HeartbeatSeconds). Name the errors its integration raises, or remove the retrier.",
        "warning SFN253 /States/Save/Retry[2]: Retrier 2 of 'Save' handles "S3.NoSuchKeyException", which never reaches it here (S3 errors come only from S3 tasks). Name the errors its integration raises, or remove the retrier.",
      ]
    `)
  })

  test('warns about States.HeartbeatTimeout alone even with a heartbeat: AWS reports States.Timeout', () => {
    const definition = machine({
      Save: {
        Type: 'Task',
        Resource: 'arn:aws:states:us-east-1:123456789012:activity:save',
        TimeoutSeconds: 60,
        HeartbeatSeconds: 10,
        Retry: [{ ErrorEquals: ['States.HeartbeatTimeout'] }, { ErrorEquals: ['States.Timeout'] }],
        Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Failed' }],
        End: true,
      },
    })
    expectAslValidatorAccepts(definition)

    expect(validate(definition).map(formatDiagnostic)).toMatchInlineSnapshot(`
      [
        "warning SFN253 /States/Save/Retry[0]: Retrier 0 of 'Save' handles "States.HeartbeatTimeout", which never reaches it here (Step Functions reports a missed heartbeat as States.Timeout). Name the errors its integration raises, or remove the retrier.",
      ]
    `)
  })

  test('accepts the errors each integration raises, and anything on Parallel and Map', () => {
    const definition = machine(
      {
        Invoke: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'f' },
          HeartbeatSeconds: 5,
          TimeoutSeconds: 10,
          Retry: [{ ErrorEquals: ['Lambda.ServiceException', 'States.HeartbeatTimeout'] }],
          Next: 'Call',
        },
        Call: {
          Type: 'Task',
          Resource: 'arn:aws:states:::http:invoke',
          Parameters: {
            ApiEndpoint: 'https://example.com',
            Method: 'GET',
            Authentication: {
              ConnectionArn: 'arn:aws:events:us-east-1:123456789012:connection/c/1',
            },
          },
          Retry: [{ ErrorEquals: ['States.Http.StatusCode.429'] }],
          Next: 'Both',
        },
        Both: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'B', States: { B: { Type: 'Pass', End: true } } }],
          Catch: [
            { ErrorEquals: ['Lambda.ServiceException', 'States.NoChoiceMatched'], Next: 'Failed' },
          ],
          End: true,
        },
      },
      'Invoke',
    )

    expect(validate(definition)).toStrictEqual([])
  })
})
