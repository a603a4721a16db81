import { describe, expect, it } from 'vitest'
import { TestStateRejected } from './rejection.ts'
import { testState } from './test-state.ts'
import type { TestStateRequest } from './types.ts'

const lambdaTask = {
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke',
  Parameters: { FunctionName: 'charge', 'Payload.$': '$' },
  End: true,
}

async function rejection(request: TestStateRequest): Promise<{ code: string; message: string }> {
  try {
    await testState(request, { random: 1 })
  } catch (error) {
    if (error instanceof TestStateRejected) return { code: error.code, message: error.message }
    throw error
  }
  throw new Error('testState did not reject the request')
}

describe('testState', () => {
  it('reports each JSONPath processing step of a Pass state at DEBUG', async () => {
    const result = await testState({
      definition: {
        Type: 'Pass',
        InputPath: '$.order',
        Parameters: { 'id.$': '$.id', fixed: 1 },
        ResultPath: '$.picked',
        OutputPath: '$.picked',
        Next: 'Ship',
      },
      input: { order: { id: 'o-1', lines: 2 } },
      inspectionLevel: 'DEBUG',
    })

    expect(result).toStrictEqual({
      status: 'SUCCEEDED',
      output: { id: 'o-1', fixed: 1 },
      nextState: 'Ship',
      inspectionData: {
        input: { order: { id: 'o-1', lines: 2 } },
        afterInputPath: { id: 'o-1', lines: 2 },
        afterParameters: { id: 'o-1', fixed: 1 },
        afterResultSelector: { id: 'o-1', fixed: 1 },
        afterResultPath: { order: { id: 'o-1', lines: 2 }, picked: { id: 'o-1', fixed: 1 } },
      },
    })
  })

  it('leaves inspectionData out at INFO and reports a Pass Result as the result', async () => {
    const info = await testState({
      definition: { Type: 'Pass', Result: { a: 1 }, End: true },
      input: {},
    })
    const trace = await testState({
      definition: { Type: 'Pass', Result: { a: 1 }, End: true },
      input: {},
      inspectionLevel: 'TRACE',
    })

    expect(info).toStrictEqual({ status: 'SUCCEEDED', output: { a: 1 } })
    expect(trace.inspectionData).toStrictEqual({
      input: {},
      result: { a: 1 },
      afterResultSelector: { a: 1 },
      afterResultPath: { a: 1 },
    })
  })

  it('runs a Task on its mocked result through ResultSelector and ResultPath', async () => {
    const result = await testState({
      definition: {
        ...lambdaTask,
        ResultSelector: { 'total.$': '$.Payload.total' },
        ResultPath: '$.charge',
      },
      input: { amount: 3 },
      mock: { result: '{"Payload": {"total": 3}, "StatusCode": 200}', fieldValidationMode: 'NONE' },
      inspectionLevel: 'DEBUG',
    })

    expect(result.output).toStrictEqual({ amount: 3, charge: { total: 3 } })
    expect(result.inspectionData).toMatchObject({
      afterParameters: { FunctionName: 'charge', Payload: { amount: 3 } },
      result: { Payload: { total: 3 }, StatusCode: 200 },
      afterResultSelector: { total: 3 },
    })
  })

  it('reports a retriable error with the retrier and its back-off instead of retrying', async () => {
    const definition = {
      ...lambdaTask,
      Retry: [
        { ErrorEquals: ['Other'] },
        { ErrorEquals: ['Boom'], IntervalSeconds: 2, BackoffRate: 3, MaxAttempts: 2 },
      ],
      Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Recover' }],
    }
    const request: TestStateRequest = {
      definition,
      input: { a: 1 },
      mock: { errorOutput: { error: 'Boom', cause: 'it broke' } },
      inspectionLevel: 'DEBUG',
      stateConfiguration: { retrierRetryCount: 1 },
    }

    const retriable = await testState(request)
    const exhausted = await testState({ ...request, stateConfiguration: { retrierRetryCount: 2 } })

    expect(retriable).toMatchObject({ status: 'RETRIABLE', error: 'Boom', cause: 'it broke' })
    expect(retriable.inspectionData?.errorDetails).toStrictEqual({
      retryIndex: 1,
      retryBackoffIntervalSeconds: 6,
    })
    expect(exhausted).toMatchObject({
      status: 'CAUGHT_ERROR',
      error: 'Boom',
      nextState: 'Recover',
      output: { a: 1, error: { Error: 'Boom', Cause: 'it broke' } },
    })
    expect(exhausted.inspectionData?.errorDetails).toStrictEqual({ retryIndex: 1, catchIndex: 0 })
  })

  it('names an exhausted retrier of an uncaught failure', async () => {
    const result = await testState({
      definition: {
        ...lambdaTask,
        Retry: [{ ErrorEquals: ['Boom'], IntervalSeconds: 1, MaxAttempts: 5, BackoffRate: 2 }],
      },
      mock: { errorOutput: { error: 'Boom' } },
      stateConfiguration: { retrierRetryCount: 5 },
      inspectionLevel: 'DEBUG',
    })

    expect(result).toMatchObject({ status: 'FAILED', error: 'Boom' })
    expect(result.inspectionData?.errorDetails).toStrictEqual({ retryIndex: 0 })
  })

  it('fails with States.Runtime, which neither Retry nor Catch sees, without an event-id prefix', async () => {
    const result = await testState({
      definition: {
        Type: 'Task',
        Resource: 'arn:aws:states:::sqs:sendMessage',
        InputPath: '$.missing',
        Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Recover' }],
        End: true,
      },
      input: { a: 1 },
      mock: { result: '{}' },
    })

    expect(result.status).toBe('FAILED')
    expect(result.error).toBe('States.Runtime')
    expect(result.cause).toMatch(/^Invalid path '\$\.missing'/)
  })

  it('gives the Choice target as nextState and fails like a Fail state', async () => {
    const choice = await testState({
      definition: {
        Type: 'Choice',
        Choices: [{ Variable: '$.n', NumericGreaterThan: 1, Next: 'Big' }],
        Default: 'Small',
      },
      input: { n: 2 },
    })
    const fail = await testState({
      definition: { Type: 'Fail', Error: 'Nope', Cause: 'because' },
      input: {},
    })

    expect(choice).toStrictEqual({ status: 'SUCCEEDED', output: { n: 2 }, nextState: 'Big' })
    expect(fail).toStrictEqual({ status: 'FAILED', error: 'Nope', cause: 'because' })
  })

  it('tests one state of a whole machine, named StateName in the context, with variables', async () => {
    const result = await testState({
      definition: {
        QueryLanguage: 'JSONata',
        StartAt: 'First',
        States: {
          First: {
            Type: 'Pass',
            Output: { name: '{% $states.context.State.Name %}', seen: '{% $limit %}' },
            Assign: { count: '{% $count + 1 %}' },
            Next: 'Second',
          },
          Second: { Type: 'Succeed' },
        },
      },
      stateName: 'First',
      input: {},
      variables: { limit: 5, count: 1 },
      inspectionLevel: 'DEBUG',
    })

    expect(result).toStrictEqual({
      status: 'SUCCEEDED',
      output: { name: 'StateName', seen: 5 },
      nextState: 'Second',
      inspectionData: { input: {}, variables: { limit: 5, count: 2 } },
    })
  })

  it('finds a state by name inside a Map processor', async () => {
    const result = await testState({
      definition: {
        StartAt: 'Loop',
        States: {
          Loop: {
            Type: 'Map',
            ItemProcessor: {
              StartAt: 'Inner',
              States: { Inner: { Type: 'Pass', Result: 'inner', End: true } },
            },
            End: true,
          },
        },
      },
      stateName: 'Inner',
      input: {},
    })

    expect(result).toStrictEqual({ status: 'SUCCEEDED', output: 'inner' })
  })

  it('tests a state of a Statewright workflow with its local handlers', async () => {
    const workflow = {
      toStateMachine: () => ({
        definition: {
          StartAt: 'Double',
          States: {
            Double: {
              Type: 'Task' as const,
              Resource: 'arn:aws:lambda:us-east-1:111111111111:function:double',
              End: true,
            },
          },
        },
        handlers: { double: (event: { n: number }) => ({ n: event.n * 2 }) },
      }),
    }

    const result = await testState({ definition: workflow, stateName: 'Double', input: { n: 2 } })

    expect(result).toStrictEqual({ status: 'SUCCEEDED', output: { n: 4 } })
  })

  it('uses a given Context Object instead of the made-up one', async () => {
    const result = await testState({
      definition: {
        Type: 'Task',
        Resource: 'arn:aws:states:::sqs:sendMessage',
        Parameters: { 'execution.$': '$$.Execution.Name' },
        ResultSelector: { 'sent.$': '$$.Execution.Name' },
        End: true,
      },
      context: { Execution: { Name: 'given' } },
      mock: { result: '{"MessageId": "m-1"}' },
    })

    expect(result.output).toStrictEqual({ sent: 'given' })
  })

  it('applies a mocked Map result to the tolerated failure threshold', async () => {
    const definition = {
      Type: 'Map',
      ItemsPath: '$.items',
      ItemProcessor: { StartAt: 'Work', States: { Work: { Type: 'Pass', End: true } } },
      ToleratedFailureCount: 1,
      MaxConcurrency: 2,
      End: true,
    }
    const request: TestStateRequest = {
      definition,
      input: { items: [1, 2, 3] },
      mock: { result: '[1, 2, 3]' },
      inspectionLevel: 'DEBUG',
    }

    const tolerated = await testState({
      ...request,
      stateConfiguration: { mapIterationFailureCount: 1 },
    })
    const exceeded = await testState({
      ...request,
      stateConfiguration: { mapIterationFailureCount: 2 },
    })

    expect(tolerated).toMatchObject({
      status: 'SUCCEEDED',
      output: [1, 2, 3],
      inspectionData: { afterItemsPath: [1, 2, 3], maxConcurrency: 2, toleratedFailureCount: 1 },
    })
    expect(exceeded).toMatchObject({
      status: 'FAILED',
      error: 'States.ExceedToleratedFailureThreshold',
      cause: 'The specified tolerated failure threshold was exceeded',
    })
  })

  it('reports each ItemSelector input of a mocked Map, and refuses Map and Parallel without a mock', async () => {
    const map = {
      Type: 'Map',
      ItemSelector: { 'v.$': '$$.Map.Item.Value', 'i.$': '$$.Map.Item.Index' },
      ItemProcessor: { StartAt: 'Work', States: { Work: { Type: 'Pass', End: true } } },
      ResultSelector: { 'all.$': '$' },
      End: true,
    }
    const parallel = {
      Type: 'Parallel',
      Branches: [{ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }],
      End: true,
    }

    const mocked = await testState({
      definition: map,
      input: ['a', 'b'],
      mock: { result: '["A", "B"]' },
      inspectionLevel: 'DEBUG',
    })

    expect(mocked.output).toStrictEqual({ all: ['A', 'B'] })
    expect(mocked.inspectionData?.afterItemSelector).toStrictEqual([
      { v: 'a', i: 0 },
      { v: 'b', i: 1 },
    ])
    for (const definition of [map, parallel]) {
      expect(await rejection({ definition, input: [] })).toStrictEqual({
        code: 'InvalidDefinition',
        message:
          'TestState API does not support Map or Parallel states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]',
      })
    }
  })

  it('calls a local handler for an unmocked Task and fails clearly without one', async () => {
    const handled = await testState(
      { definition: lambdaTask, input: { amount: 2 } },
      { handlers: { charge: (event) => ({ charged: (event as { amount: number }).amount }) } },
    )
    const missing = await testState({
      definition: lambdaTask,
      input: {},
      roleArn: 'arn:aws:iam::111111111111:role/test',
    })
    const noRole = await rejection({ definition: lambdaTask, input: {} })

    expect(handled.status).toBe('SUCCEEDED')
    expect(handled.output).toMatchObject({ Payload: { charged: 2 }, StatusCode: 200 })
    expect(missing.status).toBe('FAILED')
    expect(missing.error).toBe('States.Runtime')
    expect(missing.cause).toMatch(/^No local handler for the Task state 'StateName'/)
    expect(noRole.message).toBe('RoleArn must be specified when testing a Task state')
  })

  it('refuses requests AWS refuses, with its messages', async () => {
    const pass = { Type: 'Pass', End: true }

    expect(await rejection({ definition: pass, mock: { result: '{}' } })).toStrictEqual({
      code: 'ValidationException',
      message: "State type 'Pass' is not supported when a mock is specified",
    })
    expect(
      (await rejection({ definition: lambdaTask, mock: { result: '1', errorOutput: {} } })).message,
    ).toBe('A test mock should have only one of the following fields: [result, errorOutput].')
    expect(
      (await rejection({ definition: lambdaTask, revealSecrets: true, mock: { result: '{}' } }))
        .message,
    ).toBe('TestState does not support RevealSecrets when a mock is specified.')
    expect((await rejection({ definition: lambdaTask, mock: { result: 'nope' } })).message).toBe(
      'Mocked result must be valid JSON',
    )
    expect(
      (
        await rejection({
          definition: {
            Type: 'Parallel',
            Branches: [{ StartAt: 'A', States: { A: pass } }],
            End: true,
          },
          mock: { result: '{}' },
        })
      ).message,
    ).toBe('Mocked result must be an array.')
    expect(
      (
        await rejection({
          definition: {
            Type: 'Parallel',
            Branches: [{ StartAt: 'A', States: { A: pass } }],
            End: true,
          },
          mock: { result: '[1, 2]' },
        })
      ).message,
    ).toBe('Mocked result must contain the same number of items as number of Parallel branches.')
    expect(
      (await rejection({ definition: { StartAt: 'A', States: { A: pass } }, stateName: 'B' }))
        .message,
    ).toBe('State not found in definition')
    expect(
      await rejection({ definition: { Type: 'Parallel', Branches: [], End: true } }),
    ).toStrictEqual({
      code: 'InvalidDefinition',
      message:
        "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Value cannot be empty at /States/StateName/Branches'",
    })
  })

  it('refuses an unknown inspection level in the words of AWS request validation', async () => {
    const request = { definition: { Type: 'Pass', End: true }, inspectionLevel: 'ALL' }

    expect((await rejection(request as unknown as TestStateRequest)).message).toBe(
      "1 validation error detected: Value 'ALL' at 'inspectionLevel' failed to satisfy constraint: Member must satisfy enum value set: [INFO, TRACE, DEBUG]",
    )
  })

  it('refuses a negative retry count like AWS request validation', async () => {
    const request: TestStateRequest = {
      definition: lambdaTask,
      mock: { result: '{}' },
      stateConfiguration: { retrierRetryCount: -1 },
    }

    expect((await rejection(request)).message).toBe(
      "1 validation error detected: Value '-1' at 'stateConfiguration.retrierRetryCount' failed to satisfy constraint: Member must have value greater than or equal to 0",
    )
  })

  it('refuses Map failure counts without a mock or beyond its iterations', async () => {
    const map = {
      Type: 'Map',
      ItemProcessor: { StartAt: 'W', States: { W: { Type: 'Pass', End: true } } },
      End: true,
    }

    expect(
      (await rejection({ definition: map, stateConfiguration: { mapIterationFailureCount: 0 } }))
        .message,
    ).toBe('TestState does not support MapIterationFailureCount when a mock is not specified.')
    expect(
      (
        await rejection({
          definition: map,
          mock: { result: '[1]' },
          stateConfiguration: { mapIterationFailureCount: 2 },
        })
      ).message,
    ).toBe('Map iteration failure count must be less than or equal to the number of Map iterations')
  })

  it('refuses Context Objects AWS refuses', async () => {
    const messageFor = async (context: unknown): Promise<string> =>
      (await rejection({ definition: lambdaTask, context, mock: { result: '{}' } })).message

    expect(await messageFor({ Map: {} })).toBe(
      "Invalid Context object provided: 'Map' field is not supported when mocking a Context object",
    )
    expect(await messageFor({ Other: {} })).toBe(
      "Invalid Context object provided: Field 'Other' is not allowed",
    )
    expect(await messageFor({ Execution: { Id: 1 } })).toBe(
      'Invalid Context object provided: Execution.Id must be a string',
    )
    expect(await messageFor({ Task: { Token: 't' } })).toMatch(
      /^Invalid Context object provided: Context object contains 'Task' when state is not a Task state/,
    )
  })

  it('refuses a JSON Lambda Payload, which the API model types as a blob', async () => {
    expect(
      (await rejection({ definition: lambdaTask, mock: { result: '{"Payload": {}}' } })).message,
    ).toBe("Mock result schema validation error: Field 'Payload' must be a string")
  })

  it('checks a mocked result against the service model unless fieldValidationMode is NONE', async () => {
    const startExecution = {
      Type: 'Task',
      Resource: 'arn:aws:states:::states:startExecution',
      End: true,
    }

    expect((await rejection({ definition: startExecution, mock: { result: '{}' } })).message).toBe(
      "Mock result schema validation error: Required field 'ExecutionArn' is missing",
    )
    expect(
      await testState({
        definition: startExecution,
        mock: { result: '{}', fieldValidationMode: 'PRESENT' },
      }),
    ).toStrictEqual({ status: 'SUCCEEDED', output: {} })
    expect(
      await testState({
        definition: startExecution,
        mock: { result: '{"StartDate": 1}', fieldValidationMode: 'NONE' },
      }),
    ).toStrictEqual({ status: 'SUCCEEDED', output: { StartDate: 1 } })
  })
})

describe('testState timeouts', () => {
  it('fails an unanswered callback task with States.Timeout after five simulated minutes', async () => {
    const result = await testState(
      {
        definition: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
          Parameters: { 'token.$': '$$.Task.Token' },
          Catch: [{ ErrorEquals: ['States.Timeout'], Next: 'TimedOut' }],
          End: true,
        },
        input: {},
      },
      { handlers: { StateName: () => ({}) } },
    )

    expect(result).toMatchObject({
      status: 'CAUGHT_ERROR',
      error: 'States.Timeout',
      nextState: 'TimedOut',
    })
  })

  it('times out an unmocked task after its TimeoutSecondsPath', async () => {
    const result = await testState(
      {
        definition: {
          Type: 'Task',
          Resource: 'arn:aws:lambda:us-east-1:111111111111:function:slow',
          TimeoutSecondsPath: '$.limit',
          End: true,
        },
        input: { limit: 3 },
      },
      { handlers: { slow: () => new Promise(() => {}) } },
    )

    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Timeout' })
  })
})

describe('testState Distributed Map', () => {
  it('reads mapItemReaderData through the ItemReader and reports selected and batched items', async () => {
    const result = await testState({
      definition: {
        Type: 'Map',
        ItemReader: {
          Resource: 'arn:aws:states:::s3:getObject',
          ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' },
          Parameters: { Bucket: 'b', Key: 'k.csv' },
        },
        ItemSelector: { 'name.$': '$$.Map.Item.Value.name' },
        ItemBatcher: { MaxItemsPerBatch: 2 },
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
          StartAt: 'W',
          States: { W: { Type: 'Pass', End: true } },
        },
        End: true,
      },
      input: {},
      mock: { result: '[1, 2]' },
      stateConfiguration: { mapItemReaderData: 'name,size\na,1\nb,2\nc,3\n' },
      inspectionLevel: 'DEBUG',
    })

    expect(result.status).toBe('SUCCEEDED')
    expect(result.inspectionData?.afterItemSelector).toStrictEqual([
      { name: 'a' },
      { name: 'b' },
      { name: 'c' },
    ])
    expect(result.inspectionData?.afterItemBatcher).toStrictEqual([
      { Items: [{ name: 'a' }, { name: 'b' }] },
      { Items: [{ name: 'c' }] },
    ])
  })
})
