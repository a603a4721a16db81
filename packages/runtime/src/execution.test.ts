import type { AslStateMachine } from '@statewright/asl'
import { describe, expect, it } from 'vitest'
import { DefinitionError } from './errors.ts'
import { run, startExecution } from './execution.ts'

const types = (history: readonly { type: string }[]): string[] => history.map((e) => e.type)

describe('run', () => {
  it('runs Pass, Task, Choice and Succeed and records an AWS-shaped history', async () => {
    const definition: AslStateMachine = {
      StartAt: 'Start',
      States: {
        Start: { Type: 'Pass', Result: { n: 2 }, ResultPath: '$.pass', Next: 'Double' },
        Double: {
          Type: 'Task',
          Resource: 'arn:aws:lambda:us-east-1:111111111111:function:double',
          InputPath: '$.pass',
          ResultPath: '$.doubled',
          Next: 'Check',
        },
        Check: {
          Type: 'Choice',
          Choices: [{ Variable: '$.doubled', NumericEquals: 4, Next: 'Done' }],
        },
        Done: { Type: 'Succeed' },
      },
    }

    const result = await run(
      definition,
      { id: 'a' },
      { handlers: { double: (i: { n: number }) => i.n * 2 } },
    )

    expect(result.status).toBe('SUCCEEDED')
    expect(result.output).toEqual({ id: 'a', pass: { n: 2 }, doubled: 4 })
    expect(types(result.history)).toEqual([
      'ExecutionStarted',
      'PassStateEntered',
      'PassStateExited',
      'TaskStateEntered',
      'LambdaFunctionScheduled',
      'LambdaFunctionStarted',
      'LambdaFunctionSucceeded',
      'TaskStateExited',
      'ChoiceStateEntered',
      'ChoiceStateExited',
      'SucceedStateEntered',
      'SucceedStateExited',
      'ExecutionSucceeded',
    ])
    expect(result.history[1]).toMatchObject({
      id: 2,
      previousEventId: 0,
      stateEnteredEventDetails: { name: 'Start', input: '{"id":"a"}' },
    })
    expect(result.history[2]).toMatchObject({ id: 3, previousEventId: 2 })
  })

  it('retries with back-off on the virtual clock and reports the simulated time', async () => {
    let calls = 0
    const definition: AslStateMachine = {
      StartAt: 'Flaky',
      States: {
        Flaky: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'flaky', 'Payload.$': '$' },
          Retry: [{ ErrorEquals: ['Busy'], IntervalSeconds: 10, BackoffRate: 3, MaxAttempts: 3 }],
          OutputPath: '$.Payload',
          End: true,
        },
      },
    }
    const flaky = (): string => {
      calls++
      if (calls < 3) throw Object.assign(new Error('try later'), { name: 'Busy' })
      return 'ok'
    }

    const started = Date.now()
    const result = await run(definition, {}, { handlers: { flaky } })

    expect(result.status).toBe('SUCCEEDED')
    expect(result.output).toBe('ok')
    expect(result.elapsedMs).toBe(40_000)
    expect(Date.now() - started).toBeLessThan(2_000)
  })

  it('catches a Lambda error with the JSON cause AWS writes and merges it by ResultPath', async () => {
    const definition: AslStateMachine = {
      StartAt: 'Charge',
      States: {
        Charge: {
          Type: 'Task',
          Resource: 'arn:aws:lambda:us-east-1:111111111111:function:charge',
          Catch: [{ ErrorEquals: ['CardDeclined'], ResultPath: '$.error', Next: 'Declined' }],
          End: true,
        },
        Declined: { Type: 'Pass', End: true },
      },
    }
    class CardDeclined extends Error {
      override name = 'CardDeclined'
    }

    const result = await run(
      definition,
      { amount: 5 },
      {
        handlers: {
          charge: () => {
            throw new CardDeclined('insufficient funds')
          },
        },
      },
    )

    expect(result.status).toBe('SUCCEEDED')
    const output = result.output as { amount: number; error: { Error: string; Cause: string } }
    expect(output.error.Error).toBe('CardDeclined')
    expect(JSON.parse(output.error.Cause)).toMatchObject({
      errorType: 'CardDeclined',
      errorMessage: 'insufficient funds',
    })
  })

  it('never retries or catches States.Runtime', async () => {
    const definition: AslStateMachine = {
      StartAt: 'Read',
      States: {
        Read: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'f', 'Payload.$': '$.missing' },
          Retry: [{ ErrorEquals: ['States.ALL'] }],
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }],
          End: true,
        },
        Caught: { Type: 'Succeed' },
      },
    }

    const result = await run(definition, { present: 1 }, { handlers: { f: () => 1 } })

    expect(result.status).toBe('FAILED')
    expect(result.error).toBe('States.Runtime')
    expect(result.cause).toBe(
      "An error occurred while executing the state 'Read' (entered at the event id #2). The JSONPath '$.missing' specified for the field 'Payload.$' could not be found in the input '{\"present\":1}'",
    )
  })

  it('wraps lambda:invoke results in the Payload envelope', async () => {
    const definition: AslStateMachine = {
      StartAt: 'Invoke',
      States: {
        Invoke: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: {
            FunctionName: 'arn:aws:lambda:us-east-1:111111111111:function:hello',
            Payload: { who: 'me' },
          },
          End: true,
        },
      },
    }

    const result = await run(
      definition,
      {},
      { handlers: { hello: (i: { who: string }) => `hi ${i.who}` } },
    )

    expect(result.output).toMatchObject({
      Payload: 'hi me',
      StatusCode: 200,
      ExecutedVersion: '$LATEST',
    })
    expect(types(result.history)).toContain('TaskScheduled')
  })

  it('times out a handler that never settles with States.Timeout', async () => {
    const definition: AslStateMachine = {
      StartAt: 'Hang',
      States: {
        Hang: {
          Type: 'Task',
          Resource: 'arn:aws:lambda:us-east-1:1:function:hang',
          TimeoutSeconds: 30,
          End: true,
        },
      },
    }

    const result = await run(definition, {}, { handlers: { hang: () => new Promise(() => {}) } })

    expect(result.status).toBe('FAILED')
    expect(result.error).toBe('States.Timeout')
    expect(types(result.history)).toContain('LambdaFunctionTimedOut')
    expect(result.elapsedMs).toBe(30_000)
  })

  it('turns a thrown non-Error into a task failure', async () => {
    const definition: AslStateMachine = {
      StartAt: 'Throw',
      States: { Throw: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', End: true } },
    }

    const result = await run(
      definition,
      {},
      {
        handlers: {
          Throw: () => {
            throw 'plain string'
          },
        },
      },
    )

    expect(result).toMatchObject({ status: 'FAILED', error: 'string', cause: 'plain string' })
  })

  it('fails with States.DataLimitExceeded when a state output passes the payload quota', async () => {
    const definition: AslStateMachine = {
      StartAt: 'Big',
      States: { Big: { Type: 'Pass', End: true } },
    }

    const result = await run(definition, { blob: 'x'.repeat(300_000) })

    expect(result.status).toBe('FAILED')
    expect(result.error).toBe('States.DataLimitExceeded')
    expect(result.cause).toBe(
      "The state/task 'Big' returned a result with a size exceeding the maximum number of bytes service limit.",
    )
  })

  it('fails a task whose result passes the payload quota, catchably, naming the resource', async () => {
    const definition: AslStateMachine = {
      StartAt: 'Big',
      States: {
        Big: {
          Type: 'Task',
          Resource: 'arn:aws:lambda:us-east-1:111111111111:function:big',
          Catch: [{ ErrorEquals: ['States.DataLimitExceeded'], Next: 'Caught' }],
          End: true,
        },
        Caught: { Type: 'Pass', End: true },
      },
    }

    const result = await run(definition, {}, { handlers: { big: () => 'é'.repeat(140_000) } })

    expect(result.output).toEqual({
      Error: 'States.DataLimitExceeded',
      Cause:
        "The state/task 'arn:aws:lambda:us-east-1:111111111111:function:big' returned a result with a size exceeding the maximum number of bytes service limit.",
    })
    expect(result.history.map((e) => e.type)).toContain('LambdaFunctionFailed')
  })

  it('ends as TIMED_OUT after the machine TimeoutSeconds, on the virtual clock', async () => {
    const definition: AslStateMachine = {
      StartAt: 'Long',
      TimeoutSeconds: 60,
      States: { Long: { Type: 'Wait', Seconds: 3600, End: true } },
    }

    const result = await run(definition, {})

    expect(result.status).toBe('TIMED_OUT')
    expect(result.elapsedMs).toBe(60_000)
    expect(types(result.history).at(-1)).toBe('ExecutionTimedOut')
  })

  it('ends an EXPRESS execution as TIMED_OUT after 5 minutes, also when TimeoutSeconds allows more', async () => {
    const wait = { StartAt: 'Long', States: { Long: { Type: 'Wait', Seconds: 3600, End: true } } }
    const longer: AslStateMachine = { ...wait, TimeoutSeconds: 900 } as AslStateMachine
    const shorter: AslStateMachine = { ...wait, TimeoutSeconds: 120 } as AslStateMachine

    const express = await run(wait as AslStateMachine, {}, { stateMachineType: 'EXPRESS' })
    const capped = await run(longer, {}, { stateMachineType: 'EXPRESS' })
    const own = await run(shorter, {}, { stateMachineType: 'EXPRESS' })
    const standard = await run(wait as AslStateMachine, {})

    expect([express.status, express.elapsedMs]).toEqual(['TIMED_OUT', 300_000])
    expect([capped.status, capped.elapsedMs]).toEqual(['TIMED_OUT', 300_000])
    expect([own.status, own.elapsedMs]).toEqual(['TIMED_OUT', 120_000])
    expect([standard.status, standard.elapsedMs]).toEqual(['SUCCEEDED', 3_600_000])
    expect(types(express.history).at(-1)).toBe('ExecutionTimedOut')
  })

  it('keeps __proto__ keys as inert data', async () => {
    const input = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as unknown

    const result = await run({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, input)

    expect(Object.hasOwn(result.output as object, '__proto__')).toBe(true)
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined()
  })

  it('rejects an invalid definition before running, listing every problem', async () => {
    const definition = {
      StartAt: 'Missing',
      States: { A: { Type: 'Pass', Next: 'Nowhere' }, B: { Type: 'Bogus' } },
    }

    const error = await run(definition as unknown as AslStateMachine, {}).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(DefinitionError)
    expect((error as DefinitionError).problems.length).toBeGreaterThanOrEqual(3)
  })

  it('rejects a cyclic input with a DefinitionError', async () => {
    const input: Record<string, unknown> = {}
    input.self = input

    await expect(
      run({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, input),
    ).rejects.toThrow(/cyclic/)
  })

  it('runs JSONata states with variables assigned at state exit', async () => {
    const definition: AslStateMachine = {
      QueryLanguage: 'JSONata',
      StartAt: 'Set',
      States: {
        Set: { Type: 'Pass', Assign: { total: '{% $states.input.a + 1 %}' }, Next: 'Use' },
        Use: {
          Type: 'Pass',
          Output: { total: '{% $total %}', twice: '{% $total * 2 %}' },
          End: true,
        },
      },
    }

    const result = await run(definition, { a: 1 })

    expect(result.output).toEqual({ total: 2, twice: 4 })
    expect(result.history[2]).toMatchObject({
      stateExitedEventDetails: { assignedVariables: { total: '2' } },
    })
  })
})

describe('startExecution', () => {
  it('waits for a .waitForTaskToken answer sent by the test', async () => {
    const definition: AslStateMachine = {
      StartAt: 'Approve',
      States: {
        Approve: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
          Parameters: { 'MessageBody.$': '$$.Task.Token' },
          End: true,
        },
      },
    }
    const sent: string[] = []

    const execution = startExecution(
      definition,
      {},
      {
        handlers: { Approve: (i: { MessageBody: string }) => void sent.push(i.MessageBody) },
      },
    )
    const token = await execution.nextTaskToken()
    execution.sendTaskSuccess(token, { approved: true })
    const result = await execution.done

    expect(sent).toEqual([token])
    expect(result.output).toEqual({ approved: true })
    expect(types(result.history)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSubmitted',
      'TaskSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ])
  })

  it('fails a callback task whose heartbeat is missed with States.Timeout', async () => {
    const definition: AslStateMachine = {
      StartAt: 'Wait',
      States: {
        Wait: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sns:publish.waitForTaskToken',
          HeartbeatSeconds: 5,
          TimeoutSeconds: 100,
          End: true,
        },
      },
    }

    const result = await startExecution(definition, {}, { handlers: { Wait: () => null } }).done

    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Timeout' })
    expect(result.elapsedMs).toBe(5_000)
  })

  it('refuses an answer to a callback task that has timed out, as AWS does', async () => {
    const definition: AslStateMachine = {
      StartAt: 'Approve',
      States: {
        Approve: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sns:publish.waitForTaskToken',
          TimeoutSeconds: 60,
          End: true,
        },
      },
    }
    const execution = startExecution(definition, {}, { handlers: { Approve: () => null } })
    const token = await execution.nextTaskToken()

    const result = await execution.done

    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Timeout' })
    expect(execution.pendingTaskTokens()).toEqual([])
    expect(() => execution.sendTaskSuccess(token, { approved: true })).toThrow(
      expect.objectContaining({ name: 'TaskDoesNotExist' }),
    )
  })

  it('says to register the child when a nested execution has no state machine to start', async () => {
    const definition: AslStateMachine = {
      StartAt: 'Child',
      States: {
        Child: {
          Type: 'Task',
          Resource: 'arn:aws:states:::states:startExecution.sync:2',
          Parameters: {
            StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Ship',
          },
          End: true,
        },
      },
    }

    const result = await run(definition, {})

    expect(result.error).toBe('States.Runtime')
    expect(result.cause).toContain(
      "No state machine to start for the Task state 'Child' (resource 'arn:aws:states:::states:startExecution.sync:2'). Register the child in the stateMachines option",
    )
  })

  it('stops an execution as ABORTED', async () => {
    const definition: AslStateMachine = {
      StartAt: 'Wait',
      States: {
        Wait: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sns:publish.waitForTaskToken',
          End: true,
        },
      },
    }

    const execution = startExecution(definition, {}, { handlers: { Wait: () => null } })
    await execution.nextTaskToken()
    execution.stop('Cancelled', 'by the test')
    const result = await execution.done

    expect(result).toMatchObject({ status: 'ABORTED', error: 'Cancelled', cause: 'by the test' })
    expect(types(result.history).at(-1)).toBe('ExecutionAborted')
  })
})
