import { z } from 'zod'

// The Lambda functions of the polling workflow: a batch-job service that is submitted to once and then
// asked for the job's status until it is finished. The handlers stand in for that service in tests.

export const JobRequest = z.object({
  jobName: z.string().min(1),
  /** How many status checks the job takes to finish (the stand-in's notion of how long it runs). */
  workUnits: z.number().int().nonnegative(),
  pollIntervalSeconds: z.number().int().positive(),
})
export type JobRequest = z.infer<typeof JobRequest>

export const JobId = z.object({ jobId: z.string() })
export type JobId = z.infer<typeof JobId>

export const JobStatus = z.object({
  jobId: z.string(),
  status: z.enum(['SUBMITTED', 'RUNNING', 'SUCCEEDED', 'FAILED']),
  message: z.string(),
})
export type JobStatus = z.infer<typeof JobStatus>

// The stand-in service's jobs: how many more status checks each one needs before it is done.
const remaining = new Map<string, number>()

/** Submits the job; a real implementation calls AWS Batch, Glue, a build server, … */
export function submitJob(request: JobRequest): JobStatus {
  const jobId = `job-${request.jobName}`
  remaining.set(jobId, request.workUnits)
  return { jobId, status: 'SUBMITTED', message: `Submitted ${request.jobName}` }
}

/** Reports where the job stands; each check moves the stand-in job one unit of work forward. */
export function getJobStatus({ jobId }: JobId): JobStatus {
  const left = remaining.get(jobId)
  if (left === undefined) return { jobId, status: 'FAILED', message: `Unknown job ${jobId}` }
  if (left <= 1) {
    remaining.delete(jobId)
    return { jobId, status: 'SUCCEEDED', message: 'Report written' }
  }
  remaining.set(jobId, left - 1)
  const left1 = left - 1
  return {
    jobId,
    status: 'RUNNING',
    message: `${left1} unit${left1 === 1 ? '' : 's'} of work left`,
  }
}
