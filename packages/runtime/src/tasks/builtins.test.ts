import type { AslStateMachine } from '@statewright/asl'
import { describe, expect, it } from 'vitest'
import { run, startExecution } from '../execution.ts'

const child: AslStateMachine = {
  StartAt: 'Wait',
  States: {
    Wait: { Type: 'Wait', Seconds: 60, Next: 'Greet' },
    Greet: {
      Type: 'Pass',
      Parameters: { 'greeting.$': "States.Format('hello {}', $.who)" },
      End: true,
    },
  },
}
const failing: AslStateMachine = {
  StartAt: 'Boom',
  States: { Boom: { Type: 'Fail', Error: 'ChildError', Cause: 'it broke' } },
}
const parent = (
  resource: string,
  arn = 'arn:aws:states:us-east-1:111111111111:stateMachine:Child',
): AslStateMachine => ({
  StartAt: 'Start',
  States: {
    Start: {
      Type: 'Task',
      Resource: resource,
      Parameters: { StateMachineArn: arn, Input: { who: 'world' }, Name: 'run-1' },
      End: true,
    },
  },
})

describe('nested executions (states:startExecution)', () => {
  it('.sync waits for the child and returns its description with Output as JSON text', async () => {
    const result = await run(
      parent('arn:aws:states:::states:startExecution.sync'),
      {},
      {
        stateMachines: { Child: child },
      },
    )

    expect(result.status).toBe('SUCCEEDED')
    expect(result.output).toMatchObject({
      ExecutionArn: 'arn:aws:states:us-east-1:111111111111:execution:Child:run-1',
      Name: 'run-1',
      Status: 'SUCCEEDED',
      Output: '{"greeting":"hello world"}',
      Input: '{"who":"world"}',
    })
    expect(result.elapsedMs).toBe(60_000)
  })

  it('.sync:2 returns Input and Output as JSON', async () => {
    const result = await run(
      parent('arn:aws:states:::states:startExecution.sync:2'),
      {},
      {
        stateMachines: { Child: child },
      },
    )

    expect(result.output).toMatchObject({
      Output: { greeting: 'hello world' },
      Input: { who: 'world' },
    })
  })

  it('fails the task with States.TaskFailed and the child description as cause', async () => {
    const result = await run(
      parent('arn:aws:states:::states:startExecution.sync'),
      {},
      {
        stateMachines: { Child: failing },
      },
    )

    expect(result.status).toBe('FAILED')
    expect(result.error).toBe('States.TaskFailed')
    expect(JSON.parse(result.cause!)).toMatchObject({
      Error: 'ChildError',
      Cause: 'it broke',
      Status: 'FAILED',
    })
  })

  it('request-response returns the ARN and start date at once', async () => {
    const result = await run(
      parent('arn:aws:states:::states:startExecution'),
      {},
      {
        stateMachines: { Child: child },
      },
    )

    expect(result.output).toMatchObject({
      ExecutionArn: expect.stringContaining(':execution:Child:run-1'),
    })
    expect(result.elapsedMs).toBe(0)
  })

  it('reports an unknown state machine as AWS does', async () => {
    const result = await run(
      parent('arn:aws:states:::states:startExecution.sync'),
      {},
      { stateMachines: {} },
    )

    expect(result.error).toBe('StepFunctions.StateMachineDoesNotExistException')
    expect(result.cause).toMatch(
      /^State Machine Does Not Exist: 'arn:aws:states:us-east-1:111111111111:stateMachine:Child'/,
    )
  })
})

describe('aws-sdk:sfn:sendTaskSuccess', () => {
  it('lets a child execution answer its parent callback task', async () => {
    const answering: AslStateMachine = {
      StartAt: 'Answer',
      States: {
        Answer: {
          Type: 'Task',
          Resource: 'arn:aws:states:::aws-sdk:sfn:sendTaskSuccess',
          Parameters: { 'TaskToken.$': '$.token', Output: '{"approved":true}' },
          End: true,
        },
      },
    }
    const definition: AslStateMachine = {
      StartAt: 'Ask',
      States: {
        Ask: {
          Type: 'Task',
          Resource: 'arn:aws:states:::states:startExecution.waitForTaskToken',
          Parameters: { StateMachineArn: 'Answering', Input: { 'token.$': '$$.Task.Token' } },
          End: true,
        },
      },
    }

    const result = await run(definition, {}, { stateMachines: { Answering: answering } })

    expect(result.output).toEqual({ approved: true })
  })
})

describe('activities', () => {
  it('runs a registered worker and records Activity events', async () => {
    const definition: AslStateMachine = {
      StartAt: 'Work',
      States: {
        Work: {
          Type: 'Task',
          Resource: 'arn:aws:states:us-east-1:111111111111:activity:resize',
          End: true,
        },
      },
    }

    const result = await run(
      definition,
      { size: 2 },
      { handlers: { resize: (i: { size: number }) => ({ size: i.size * 2 }) } },
    )

    expect(result.output).toEqual({ size: 4 })
    expect(result.history.map((e) => e.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'ActivityScheduled',
      'ActivityStarted',
      'ActivitySucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ])
  })

  it('waits for the test to answer when no worker is registered', async () => {
    const definition: AslStateMachine = {
      StartAt: 'Work',
      States: {
        Work: {
          Type: 'Task',
          Resource: 'arn:aws:states:us-east-1:111111111111:activity:manual',
          End: true,
        },
      },
    }

    const execution = startExecution(definition, {})
    execution.sendTaskFailure(await execution.nextTaskToken(), 'Rejected', 'by a human')
    const result = await execution.done

    expect(result).toMatchObject({ status: 'FAILED', error: 'Rejected', cause: 'by a human' })
  })
})
