import { readFileSync } from 'node:fs'
import { validateStateMachine } from '@statewright/asl'
import { compile } from '@statewright/compiler'
import { run } from '@statewright/runtime'
import { describe, expect, test } from 'vitest'
import { countEvents, expectAslValidatorAccepts, statePath } from '../testing.ts'
import type { JobId, JobStatus } from './tasks.ts'
import { polling } from './workflow.ts'

const input = JSON.parse(readFileSync(new URL('./input.json', import.meta.url), 'utf8'))

// Lambda ARNs stay `${…}` substitutions until deployment (the workflow names no region or account).
const expected = {
  Comment: 'Submits a job and polls its status until it is done',
  StartAt: 'SubmitJob',
  TimeoutSeconds: 3600,
  States: {
    SubmitJob: {
      Type: 'Task',
      Resource: '${SubmitJobFunctionArn}',
      ResultPath: '$.job',
      Next: 'WaitForJob',
    },
    WaitForJob: { Type: 'Wait', SecondsPath: '$.pollIntervalSeconds', Next: 'GetJobStatus' },
    GetJobStatus: {
      Type: 'Task',
      Resource: '${GetJobStatusFunctionArn}',
      Parameters: { 'jobId.$': '$.job.jobId' },
      ResultPath: '$.job',
      Retry: [
        {
          ErrorEquals: ['Lambda.TooManyRequestsException'],
          IntervalSeconds: 2,
          MaxAttempts: 3,
          BackoffRate: 2,
        },
      ],
      Next: 'JobComplete?',
    },
    'JobComplete?': {
      Type: 'Choice',
      Choices: [
        { Variable: '$.job.status', StringEquals: 'SUCCEEDED', Next: 'JobSucceeded' },
        { Variable: '$.job.status', StringEquals: 'FAILED', Next: 'JobFailed' },
      ],
      // The loop: anything else goes back to the earlier Wait.
      Default: 'WaitForJob',
    },
    JobSucceeded: { Type: 'Succeed' },
    JobFailed: { Type: 'Fail', Error: 'JobFailed', CausePath: '$.job.message' },
  },
}

const poll = ['WaitForJob', 'GetJobStatus', 'JobComplete?']

describe('polling: compile', () => {
  test('compiles to the expected definition, with no diagnostics', () => {
    const compiled = compile(polling)

    expect(compiled.diagnostics).toStrictEqual([])
    expect(compiled.asl).toStrictEqual(expected)
    expect(Object.keys(compiled.substitutions).sort()).toStrictEqual([
      'GetJobStatusFunctionArn',
      'SubmitJobFunctionArn',
    ])
  })

  test('the compiled ASL passes our validator and asl-validator', () => {
    const { asl } = compile(polling, { region: 'us-east-1', account: '123456789012' })

    expect(validateStateMachine(asl)).toStrictEqual([])
    expectAslValidatorAccepts(asl)
    expect(asl.States['GetJobStatus']).toMatchObject({
      Resource: 'arn:aws:lambda:us-east-1:123456789012:function:GetJobStatusFunction',
    })
  })
})

describe('polling: run', () => {
  test('loops back to the Wait until the job succeeds', async () => {
    const result = await run(polling, input)

    expect(statePath(result)).toStrictEqual([
      'SubmitJob',
      ...poll,
      ...poll,
      ...poll,
      'JobSucceeded',
      'SUCCEEDED',
    ])
    expect(result.output).toStrictEqual({
      ...input,
      job: { jobId: 'job-nightly-report', status: 'SUCCEEDED', message: 'Report written' },
    })
    // Three waits of pollIntervalSeconds (30 s) on the virtual clock.
    expect(result.elapsedMs).toBe(90_000)
    expect(countEvents(result, 'LambdaFunctionScheduled')).toBe(4)
  })

  test('a failed job ends in JobFailed with the service message as the cause', async () => {
    const failing = ({ jobId }: JobId): JobStatus => ({
      jobId,
      status: 'FAILED',
      message: 'Out of memory',
    })

    const result = await run(polling, input, { handlers: { GetJobStatus: failing } })

    expect(statePath(result)).toStrictEqual(['SubmitJob', ...poll, 'JobFailed', 'FAILED'])
    expect(result).toMatchObject({ status: 'FAILED', error: 'JobFailed', cause: 'Out of memory' })
  })

  test('a throttled status check is retried after 2 s, inside the loop', async () => {
    let calls = 0
    const throttledOnce = ({ jobId }: JobId): JobStatus => {
      calls += 1
      if (calls === 1) {
        throw Object.assign(new Error('Rate exceeded'), {
          name: 'Lambda.TooManyRequestsException',
        })
      }
      return { jobId, status: 'SUCCEEDED', message: 'done' }
    }

    const result = await run(polling, input, { handlers: { GetJobStatus: throttledOnce } })

    expect(statePath(result)).toStrictEqual(['SubmitJob', ...poll, 'JobSucceeded', 'SUCCEEDED'])
    expect(calls).toBe(2)
    expect(countEvents(result, 'LambdaFunctionFailed')).toBe(1)
    expect(result.elapsedMs).toBe(32_000)
  })

  test('a job that never finishes is stopped by the one-hour execution timeout', async () => {
    let checks = 0
    const forever = ({ jobId }: JobId): JobStatus => {
      checks += 1
      return { jobId, status: 'RUNNING', message: 'still running' }
    }

    const result = await run(polling, input, { handlers: { GetJobStatus: forever } })

    expect(result.status).toBe('TIMED_OUT')
    expect(result.elapsedMs).toBe(3_600_000)
    // One check every 30 s for an hour, all on the virtual clock.
    expect(checks).toBeGreaterThanOrEqual(119)
    expect(checks).toBeLessThanOrEqual(120)
  })
})
