import type { Diagnostic } from '../diagnostics.ts'
import { errorsOf, isRecordLike, numberOr } from './retry-math.ts'
import type { Rule } from './rule.ts'

/**
 * Total seconds a retrier can spend waiting (ASL-SPEC §9.2 step 3, without jitter, which only
 * shortens delays): IntervalSeconds × BackoffRate^(n−1), each capped at MaxDelaySeconds.
 */
export function totalRetryDelay(retrier: Record<string, unknown>): number {
  const attempts = numberOr(retrier['MaxAttempts'], 3)
  const interval = numberOr(retrier['IntervalSeconds'], 1)
  const rate = numberOr(retrier['BackoffRate'], 2)
  const cap = numberOr(retrier['MaxDelaySeconds'], Number.POSITIVE_INFINITY)
  let total = 0
  let delay = interval
  // Past the cap (or past a year) every further delay is the same; stop multiplying there.
  for (let attempt = 0; attempt < attempts; attempt++) {
    total += Math.min(delay, cap)
    if (total > 31_622_400) return total
    delay *= rate
  }
  return total
}

const describeSeconds = (seconds: number): string => {
  if (seconds >= 31_622_400) return 'more than a year'
  if (seconds >= 86_400) return `about ${Math.round(seconds / 86_400)} days`
  if (seconds >= 3_600) return `about ${Math.round(seconds / 3_600)} hours`
  return `${Math.round(seconds)} seconds`
}

/**
 * SFN254: retrying every error (States.ALL) without a practical bound also retries the errors that
 * can never succeed (bad input, permissions), and keeps the execution alive for as long as the
 * back-off lasts.
 */
export const findUnboundedCatchAllRetry: Rule = ({ states, thresholds }) => {
  const found: Diagnostic[] = []
  // PERF: plain loops (no closure per state); name and path read only to report.
  for (const visit of states) {
    const retriers = visit.state['Retry']
    if (!Array.isArray(retriers)) continue
    for (let index = 0; index < retriers.length; index++) {
      const retrier: unknown = retriers[index]
      if (!isRecordLike(retrier) || !errorsOf(retrier).includes('States.ALL')) continue
      const attempts = numberOr(retrier['MaxAttempts'], 3)
      const seconds = totalRetryDelay(retrier)
      if (
        attempts <= thresholds.maxCatchAllAttempts &&
        seconds <= thresholds.maxCatchAllRetrySeconds
      ) {
        continue
      }
      found.push({
        code: 'SFN254',
        severity: 'warning',
        path: `${visit.path}/Retry[${index}]`,
        message:
          `'${visit.name}' retries every error (States.ALL) up to ${attempts} times, waiting ` +
          `${describeSeconds(seconds)} in all, so errors that can never succeed are retried too. ` +
          `Retry only the transient errors by name, or lower MaxAttempts (at most ` +
          `${thresholds.maxCatchAllAttempts}) and set MaxDelaySeconds.`,
      })
    }
  }
  return found
}
