import type { AslErrorName } from '@statewright/asl'
import { DslError } from '../errors.ts'
import type { RetryPolicy } from '../ir/error-handling.ts'

/** Options of `retry()`; unset fields keep AWS's defaults (1 s, 3 attempts, back-off 2.0, no jitter). */
export interface RetryOptions {
  /** Seconds before the first retry (integer ≥ 1). */
  readonly intervalSeconds?: number
  /** Retries after the first attempt (integer ≥ 0; 0 never retries). */
  readonly maxAttempts?: number
  /** Multiplier of the interval per attempt (≥ 1). */
  readonly backoffRate?: number
  /** Upper bound of the interval, in seconds (integer ≥ 1). */
  readonly maxDelaySeconds?: number
  readonly jitter?: 'FULL' | 'NONE'
  readonly comment?: string
}

/** An error name as `ErrorEquals` accepts it, with completion for the `States.*` names. */
export type ErrorName = AslErrorName

const isInteger = (value: number, min: number): boolean => Number.isInteger(value) && value >= min

/**
 * Checks `ErrorEquals` the way AWS does at create time: not empty, and `States.ALL` alone.
 * @internal
 */
export function checkErrors(
  stateName: string,
  method: string,
  errors: readonly string[],
): string[] {
  if (!Array.isArray(errors) || errors.length === 0 || !allStrings(errors)) {
    throw new DslError(
      'SFN104',
      `${method}() on '${stateName}' needs a non-empty list of error names, like ['States.TaskFailed'].`,
    )
  }
  if (errors.length > 1 && errors.includes('States.ALL')) {
    throw new DslError(
      'SFN104',
      `${method}() on '${stateName}' lists States.ALL with other errors; States.ALL must appear alone: use ['States.ALL'].`,
    )
  }
  // A copy, so that the caller changing its array later does not change the workflow. slice(), not a
  // spread: a spread grows the new array as it goes.
  return errors.slice()
}

// A loop, not `some()` with an arrow: this runs for every retry() and catch().
function allStrings(values: readonly unknown[]): boolean {
  for (let index = 0; index < values.length; index++) {
    if (typeof values[index] !== 'string') return false
  }
  return true
}

// Module level, not a closure in retryPolicy: creating a closure per call costs (tsx names each one).
function badRetryOption(
  stateName: string,
  options: RetryOptions,
  field: keyof RetryOptions,
  rule: string,
): never {
  throw new DslError(
    'SFN104',
    `retry() on '${stateName}' has ${field} ${String(options[field])}; it must be ${rule}.`,
  )
}

/** @internal */
export function retryPolicy(
  stateName: string,
  errors: readonly string[],
  options: RetryOptions,
): RetryPolicy {
  const { intervalSeconds, maxAttempts, backoffRate, maxDelaySeconds, jitter, comment } = options
  if (intervalSeconds !== undefined && !isInteger(intervalSeconds, 1))
    badRetryOption(stateName, options, 'intervalSeconds', 'an integer of at least 1')
  if (maxAttempts !== undefined && !isInteger(maxAttempts, 0))
    badRetryOption(stateName, options, 'maxAttempts', 'an integer of at least 0')
  if (backoffRate !== undefined && !(backoffRate >= 1))
    badRetryOption(stateName, options, 'backoffRate', 'a number of at least 1.0')
  if (maxDelaySeconds !== undefined && !isInteger(maxDelaySeconds, 1))
    badRetryOption(stateName, options, 'maxDelaySeconds', 'an integer of at least 1')
  if (jitter !== undefined && jitter !== 'FULL' && jitter !== 'NONE')
    badRetryOption(stateName, options, 'jitter', "'FULL' or 'NONE'")
  // PERF: fields written one by one; each conditional spread allocates an object and calls the runtime.
  const policy: { -readonly [K in keyof RetryPolicy]: RetryPolicy[K] } = {
    errors: checkErrors(stateName, 'retry', errors),
  }
  if (intervalSeconds !== undefined) policy.intervalSeconds = intervalSeconds
  if (maxAttempts !== undefined) policy.maxAttempts = maxAttempts
  if (backoffRate !== undefined) policy.backoffRate = backoffRate
  if (maxDelaySeconds !== undefined) policy.maxDelaySeconds = maxDelaySeconds
  if (jitter !== undefined) policy.jitter = jitter
  if (comment !== undefined) policy.comment = comment
  return policy
}
