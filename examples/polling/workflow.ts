import type { QueryLanguage } from '@statewright/asl'
import { eq, goto, lambda, wait, workflow } from '@statewright/dsl'
import { getJobStatus, JobId, JobRequest, JobStatus, submitJob } from './tasks.ts'

const SubmitJob = lambda('SubmitJobFunction', {
  input: JobRequest,
  output: JobStatus,
  handler: submitJob,
})
const GetJobStatus = lambda('GetJobStatusFunction', {
  input: JobId,
  output: JobStatus,
  handler: getJobStatus,
})

/** The data while polling: the request with the job's latest status at `job`. */
type Polled = JobRequest & { job: JobStatus }

/**
 * Submits a job, then waits and checks its status in a loop until the job succeeds (Succeed) or fails
 * (Fail, with the service's message as the cause). The execution gives up after an hour. The same
 * workflow written in either query language.
 */
export const jobPoller = (queryLanguage: QueryLanguage = 'JSONPath') => {
  // Defined once, used twice: after the submission, and as the target of the loop back from the Choice.
  const waitForJob = wait<Polled>('WaitForJob', { seconds: (s) => s.pollIntervalSeconds })
  return workflow(
    'JobPoller',
    {
      input: JobRequest,
      comment: 'Submits a job and polls its status until it is done',
      timeoutSeconds: 3600,
      queryLanguage,
    },
    (start) =>
      start
        .task(SubmitJob, (t) => t.resultPath('job'))
        .next(waitForJob)
        .task(GetJobStatus, (t) =>
          t
            .parameters((s) => ({ jobId: s.job.jobId }))
            .resultPath('job')
            .retry(['Lambda.TooManyRequestsException'], {
              intervalSeconds: 2,
              maxAttempts: 3,
              backoffRate: 2,
            }),
        )
        .choice('JobComplete?', (c) =>
          c
            .when(
              (s) => eq(s.job.status, 'SUCCEEDED'),
              (done) => done.succeed('JobSucceeded'),
            )
            .when(
              (s) => eq(s.job.status, 'FAILED'),
              (failed) =>
                failed.fail('JobFailed', { error: 'JobFailed', causeFrom: (s) => s.job.message }),
            )
            .otherwise(goto(waitForJob)),
        ),
  )
}

/** The workflow in JSONPath, what `statewright run` and `statewright build` pick up. */
export const polling = jobPoller()
