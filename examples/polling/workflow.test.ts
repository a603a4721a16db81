import { readFileSync } from 'node:fs'
import { validateStateMachine } from '@statewright/asl'
import { compile } from '@statewright/compiler'
import { run } from '@statewright/runtime'
import { describe, expect, test } from 'vitest'
import { countEvents, expectSchemaAndAslValidatorAccept, statePath } from '../testing.ts'
import type { JobId, JobStatus } from './tasks.ts'
import type { QueryLanguage } from '@statewright/asl'
import { jobPoller, polling } from './workflow.ts'

const input = JSON.parse(readFileSync(new URL('./input.json', import.meta.url), 'utf8'))

// Lambda ARNs stay `${…}` substitutions until deployment (the workflow names no region or account).
const expected = {
  Comment: 'Submits a job and polls its status until it is done',
  QueryLanguage: 'JSONPath',
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

// In JSONata: Output merges each result in at `job`, the Wait reads Seconds from an expression.
const expectedJsonata = {
  Comment: 'Submits a job and polls its status until it is done',
  QueryLanguage: 'JSONata',
  StartAt: 'SubmitJob',
  TimeoutSeconds: 3600,
  States: {
    SubmitJob: {
      Type: 'Task',
      Resource: '${SubmitJobFunctionArn}',
      Output: '{% $merge([$states.input, {"job": $states.result}]) %}',
      Next: 'WaitForJob',
    },
    WaitForJob: {
      Type: 'Wait',
      Seconds: '{% $states.input.pollIntervalSeconds %}',
      Next: 'GetJobStatus',
    },
    GetJobStatus: {
      Type: 'Task',
      Resource: '${GetJobStatusFunctionArn}',
      Arguments: { jobId: '{% $states.input.job.jobId %}' },
      Output: '{% $merge([$states.input, {"job": $states.result}]) %}',
      Retry: expected.States.GetJobStatus.Retry,
      Next: 'JobComplete?',
    },
    'JobComplete?': {
      Type: 'Choice',
      Choices: [
        { Condition: '{% $states.input.job.status = "SUCCEEDED" %}', Next: 'JobSucceeded' },
        { Condition: '{% $states.input.job.status = "FAILED" %}', Next: 'JobFailed' },
      ],
      Default: 'WaitForJob',
    },
    JobSucceeded: { Type: 'Succeed' },
    JobFailed: { Type: 'Fail', Error: 'JobFailed', Cause: '{% $states.input.job.message %}' },
  },
}

const languages: readonly QueryLanguage[] = ['JSONPath', 'JSONata']

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

  test('compiles to the expected JSONata definition, with no diagnostics', () => {
    const compiled = compile(jobPoller('JSONata'))

    expect(compiled.diagnostics).toStrictEqual([])
    expect(compiled.asl).toStrictEqual(expectedJsonata)
  })

  test.each(languages)('the %s ASL passes our validator and asl-validator', (language) => {
    const aws = { region: 'us-east-1', account: '123456789012' }
    const { asl } = compile(jobPoller(language), aws)

    expect(validateStateMachine(asl)).toStrictEqual([])
    expectSchemaAndAslValidatorAccept(asl)
    expect(asl.States['GetJobStatus']).toMatchObject({
      Resource: 'arn:aws:lambda:us-east-1:123456789012:function:GetJobStatusFunction',
    })
  })
})

describe.each(languages)('polling: run in %s', (language) => {
  const flow = jobPoller(language)

  test('loops back to the Wait until the job succeeds', async () => {
    const result = await run(flow, input)

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

    const result = await run(flow, input, { handlers: { GetJobStatus: failing } })

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

    const result = await run(flow, input, { handlers: { GetJobStatus: throttledOnce } })

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

    const result = await run(flow, input, { handlers: { GetJobStatus: forever } })

    expect(result.status).toBe('TIMED_OUT')
    expect(result.elapsedMs).toBe(3_600_000)
    // One check every 30 s for an hour, all on the virtual clock.
    expect(checks).toBeGreaterThanOrEqual(119)
    expect(checks).toBeLessThanOrEqual(120)
  })
})
