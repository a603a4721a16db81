import type { AslRetrier, AslStateMachine } from '@statewright/asl'
import { describe, expect, it } from 'vitest'
import { run, startExecution } from './execution.ts'
import { seededRandom } from './random.ts'
import { errorOutputOf, matchesError, retryDelayMs } from './run-state.ts'
import { StatesError } from './errors.ts'

describe('retryDelayMs', () => {
  it('grows by BackoffRate and stops at MaxDelaySeconds', () => {
    const retrier: AslRetrier = {
      ErrorEquals: ['X'],
      IntervalSeconds: 2,
      BackoffRate: 3,
      MaxDelaySeconds: 10,
    }

    const delays = [1, 2, 3, 4].map((n) => retryDelayMs(retrier, n, Math.random))

    expect(delays).toEqual([2_000, 6_000, 10_000, 10_000])
  })

  it('draws FULL jitter from the seeded random source, within [0, delay]', () => {
    const retrier: AslRetrier = { ErrorEquals: ['X'], IntervalSeconds: 10, JitterStrategy: 'FULL' }

    const first = [1, 2, 3].map((n) => retryDelayMs(retrier, n, seededRandom(7)))
    const again = [1, 2, 3].map((n) => retryDelayMs(retrier, n, seededRandom(7)))

    expect(first).toEqual(again)
    first.forEach((delay, i) => {
      expect(delay).toBeGreaterThanOrEqual(0)
      expect(delay).toBeLessThanOrEqual(10_000 * 2 ** i)
    })
  })
})

describe('matchesError', () => {
  it('treats States.ALL as any error and States.TaskFailed as any but States.Timeout', () => {
    expect(matchesError(['States.ALL'], 'Custom')).toBe(true)
    expect(matchesError(['States.TaskFailed'], 'Custom')).toBe(true)
    expect(matchesError(['States.TaskFailed'], 'States.Timeout')).toBe(false)
    expect(matchesError(['A', 'B'], 'C')).toBe(false)
  })
})

describe('errorOutputOf', () => {
  it('gives a timeout an empty Cause and a callback failure without details nulls', () => {
    expect(errorOutputOf(new StatesError('States.Timeout'))).toEqual({
      Error: 'States.Timeout',
      Cause: '',
    })
    expect(errorOutputOf(new StatesError(''))).toEqual({ Error: null, Cause: null })
    expect(errorOutputOf(new StatesError('Custom'))).toEqual({ Error: 'Custom' })
  })
})

describe('runState', () => {
  it('exposes $$.State.RetryCount to each attempt', async () => {
    const seen: number[] = []
    const definition: AslStateMachine = {
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sqs:sendMessage',
          Parameters: { 'attempt.$': '$$.State.RetryCount' },
          Retry: [{ ErrorEquals: ['Again'], MaxAttempts: 2, IntervalSeconds: 1 }],
          End: true,
        },
      },
    }

    await run(
      definition,
      {},
      {
        handlers: {
          T: (input: { attempt: number }) => {
            seen.push(input.attempt)
            if (input.attempt < 2) throw Object.assign(new Error(), { name: 'Again' })
            return {}
          },
        },
      },
    )

    expect(seen).toEqual([0, 1, 2])
  })

  it('fails the execution when the history reaches its event quota', async () => {
    const definition: AslStateMachine = {
      StartAt: 'Loop',
      States: {
        Loop: { Type: 'Pass', Next: 'Check' },
        Check: {
          Type: 'Choice',
          Choices: [{ Variable: '$.stop', IsPresent: true, Next: 'Done' }],
          Default: 'Loop',
        },
        Done: { Type: 'Succeed' },
      },
    }

    const result = await run(definition, {}, { maxHistoryEvents: 100 })

    expect(result).toMatchObject({
      status: 'FAILED',
      error: 'States.Runtime',
      cause: 'The execution reached the maximum number of history events (100).',
    })
  })

  it('fails a state whose ResultPath grows its input past the payload quota', async () => {
    const definition: AslStateMachine = {
      StartAt: 'Small',
      States: {
        Small: { Type: 'Pass', Next: 'Grow' },
        Grow: { Type: 'Pass', Result: 'x'.repeat(200_000), ResultPath: '$.big', Next: 'Again' },
        Again: { Type: 'Pass', Result: 'y'.repeat(100_000), ResultPath: '$.more', End: true },
      },
    }

    const result = await run(definition, { a: 1 })

    expect(result).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded' })
    expect(result.cause).toContain("'Again'")
  })

  it('records a waiting state as aborted before the execution ends', async () => {
    const parallel: AslStateMachine = {
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'Wait', States: { Wait: { Type: 'Wait', Seconds: 100, End: true } } },
            { StartAt: 'Fail', States: { Fail: { Type: 'Fail', Error: 'Boom' } } },
          ],
          End: true,
        },
      },
    }

    const failed = await run(parallel, {})
    const execution = startExecution(
      { StartAt: 'Wait', States: { Wait: { Type: 'Wait', Seconds: 100, End: true } } },
      {},
    )
    setImmediate(() => execution.stop())
    const stopped = await execution.done

    expect(failed.history.map((e) => e.type).slice(-3)).toEqual([
      'WaitStateAborted',
      'ParallelStateFailed',
      'ExecutionFailed',
    ])
    expect(stopped.history.map((e) => e.type).slice(-2)).toEqual([
      'WaitStateAborted',
      'ExecutionAborted',
    ])
  })

  it('streams events to onEvent and to the handle as they are recorded', async () => {
    const definition: AslStateMachine = { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }
    const seen: string[] = []

    const execution = startExecution(definition, {}, { onEvent: (e) => seen.push(e.type) })
    const streamed: string[] = []
    for await (const event of execution.events()) streamed.push(event.type)

    expect(streamed).toEqual([
      'ExecutionStarted',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ])
    expect(seen).toEqual(streamed)
  })

  it('runs a StateMachineSource with its own handlers', async () => {
    const source = {
      toStateMachine: () => ({
        definition: {
          StartAt: 'Hello',
          States: {
            Hello: {
              Type: 'Task' as const,
              Resource: 'arn:aws:lambda:us-east-1:1:function:hello',
              End: true,
            },
          },
        },
        handlers: { hello: () => 'hi' },
      }),
    }

    const result = await run(source, {})

    expect(result.output).toBe('hi')
  })
})
