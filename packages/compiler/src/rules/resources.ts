import { isRecord, type LooseState } from '../asl/walk.ts'

/** How a Task waits for its work: what decides which lints apply to it. */
export type IntegrationPattern = 'request-response' | 'sync' | 'callback' | 'activity'

/** What kind of thing a Task calls; `undefined` for Parallel, Map and non-Task states. */
export type ResourceKind = 'lambda' | 'http' | 'activity' | 'aws-sdk' | 'service' | 'unknown'

const stringField = (state: LooseState, field: string): string | undefined => {
  const value = state[field]
  return typeof value === 'string' ? value : undefined
}

export const resourceOf = (state: LooseState): string | undefined =>
  state['Type'] === 'Task' ? stringField(state, 'Resource') : undefined

const activityArn = /^arn:[^:]+:states:[^:]*:[^:]*:activity:/
// PERF: module-level patterns; a regular expression literal in a function is a new object per call.
const SYNC_SUFFIX = /\.sync(:\d+)?$/
const LAMBDA_ARN = /^arn:[^:]+:lambda:/
const INTEGRATION_SERVICE = /^arn:[^:]+:states:::([^:.]+)(?::|$)/
const SDK_LAMBDA = /^arn:[^:]+:states:::aws-sdk:lambda:/

/** The integration pattern a Task resource selects (ASL-SPEC §12.1). */
export function patternOf(resource: string): IntegrationPattern {
  if (activityArn.test(resource)) return 'activity'
  if (resource.endsWith('.waitForTaskToken')) return 'callback'
  if (SYNC_SUFFIX.test(resource)) return 'sync'
  return 'request-response'
}

/** The kind of service a Task resource calls. */
export function kindOf(resource: string): ResourceKind {
  if (LAMBDA_ARN.test(resource)) return 'lambda'
  if (activityArn.test(resource)) return 'activity'
  const service = INTEGRATION_SERVICE.exec(resource)?.[1]
  if (service === undefined) return 'unknown'
  if (service === 'lambda') return 'lambda'
  if (service === 'http') return 'http'
  if (service === 'aws-sdk') return SDK_LAMBDA.test(resource) ? 'lambda' : 'aws-sdk'
  return 'service'
}

/** `ErrorEquals` of a retrier or catcher, or [] when the field is malformed (the validator reports it). */
export function errorsOf(entry: unknown): readonly string[] {
  if (!isRecord(entry)) return NO_ERRORS
  const names: unknown = entry['ErrorEquals']
  if (!Array.isArray(names)) return NO_ERRORS
  // PERF: the definition's own array when it holds only names (the usual case): no copy per entry.
  for (const name of names) {
    if (typeof name !== 'string') return names.filter((n): n is string => typeof n === 'string')
  }
  return names as readonly string[]
}

const NO_ERRORS: readonly string[] = Object.freeze([])

/** The Retry and Catch fields, in the order the lints report them. */
export const HANDLER_FIELDS: readonly ('Retry' | 'Catch')[] = ['Retry', 'Catch']

/** The number at `field` when it is a literal number (JSONata expressions and paths are unknown). */
export function literalNumber(state: LooseState, field: string): number | undefined {
  const value = state[field]
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

/** How a user reads "retrier 1" in a message. */
export const handlerNoun = (field: 'Retry' | 'Catch'): string =>
  field === 'Retry' ? 'retrier' : 'catcher'

export const quoteList = (names: readonly string[]): string =>
  names.map((name) => JSON.stringify(name)).join(', ')
