import { describe, expect, test } from 'vitest'
import { expectAslValidatorAccepts } from '../../test/second-opinion.ts'
import { formatDiagnostic } from '../diagnostics.ts'
import { validate } from '../validate.ts'

const machine = (task: Record<string, unknown>) => ({
  StartAt: 'Approve',
  States: { Approve: { Type: 'Task', ...task, End: true } },
})

describe('findCallbackWithoutTimeout', () => {
  test('warns about callback, .sync and activity tasks that have no TimeoutSeconds', () => {
    const definitions = [
      machine({
        Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
        Parameters: { QueueUrl: 'q', MessageBody: { 'token.$': '$$.Task.Token' } },
      }),
      machine({
        Resource: 'arn:aws:states:::ecs:runTask.sync',
        Parameters: { TaskDefinition: 't' },
      }),
      machine({ Resource: 'arn:aws:states:us-east-1:123456789012:activity:approve' }),
    ]
    for (const definition of definitions) expectAslValidatorAccepts(definition)

    const messages = definitions.flatMap((definition) => validate(definition).map(formatDiagnostic))

    expect(messages).toMatchInlineSnapshot(`
      [
        "warning SFN250 /States/Approve: Task 'Approve' waits for a task token (.waitForTaskToken) but has no TimeoutSeconds, so if no answer comes it waits up to a year. Set TimeoutSeconds (and HeartbeatSeconds for long work).",
        "warning SFN250 /States/Approve: Task 'Approve' waits for the job it starts (.sync) but has no TimeoutSeconds, so if no answer comes it waits up to a year. Set TimeoutSeconds (and HeartbeatSeconds for long work).",
        "warning SFN250 /States/Approve: Task 'Approve' waits for an activity worker but has no TimeoutSeconds, so if no answer comes it waits up to a year. Set TimeoutSeconds (and HeartbeatSeconds for long work).",
      ]
    `)
  })

  test('accepts the same tasks with TimeoutSeconds or TimeoutSecondsPath, and request-response tasks', () => {
    const definitions = [
      machine({
        Resource: 'arn:aws:states:::ecs:runTask.sync',
        Parameters: { TaskDefinition: 't' },
        TimeoutSeconds: 600,
      }),
      machine({
        Resource: 'arn:aws:states:us-east-1:123456789012:activity:approve',
        TimeoutSecondsPath: '$.timeout',
      }),
      machine({ Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'f' } }),
    ]

    const diagnostics = definitions.flatMap((definition) => validate(definition))

    expect(diagnostics).toStrictEqual([])
  })
})
