import type { LooseState, StateVisit } from '../asl/walk.ts'
import type { Diagnostic } from '../diagnostics.ts'
import {
  errorsOf,
  HANDLER_FIELDS,
  handlerNoun,
  kindOf,
  quoteList,
  resourceOf,
} from './resources.ts'
import type { Rule } from './rule.ts'

/** Why `error` can never reach a handler of this state, or undefined when it can. */
function whyUnraisable(error: string, visit: StateVisit): string | undefined {
  const { state } = visit
  const type = state['Type']
  const resource = resourceOf(state)
  // ASL-SPEC §9.1: States.Runtime is never retried or caught, not even by States.ALL.
  if (error === 'States.Runtime') return 'States.Runtime is never retried or caught'
  if (error === 'States.HeartbeatTimeout' && type === 'Task') {
    // ASL-SPEC §9.1 [observed]: AWS reports a missed heartbeat as States.Timeout.
    return hasHeartbeat(state)
      ? 'Step Functions reports a missed heartbeat as States.Timeout'
      : 'the task sets no HeartbeatSeconds'
  }
  if (type === 'Task' && resource !== undefined) {
    // PERF: the resource's kind only for the errors that depend on it.
    if (error.startsWith('Lambda.')) {
      const kind = kindOf(resource)
      if (kind !== 'lambda' && kind !== 'unknown') return 'only Lambda tasks raise Lambda.* errors'
    }
    if (error.startsWith('States.Http.')) {
      const kind = kindOf(resource)
      if (kind !== 'http' && kind !== 'unknown') {
        return 'only HTTP tasks (arn:aws:states:::http:invoke) raise States.Http.* errors'
      }
    }
    const other = otherServiceOf(error, resource)
    if (other !== undefined) return `${other} errors come only from ${other} tasks`
    if (error === 'States.NoChoiceMatched' || error === 'States.BranchFailed') {
      return 'a Task runs no Choice and no branches'
    }
  }
  if (
    (error === 'States.ItemReaderFailed' &&
      !(type === 'Map' && state['ItemReader'] !== undefined)) ||
    (error === 'States.ResultWriterFailed' &&
      !(type === 'Map' && state['ResultWriter'] !== undefined))
  ) {
    return `only a Map with ${error === 'States.ItemReaderFailed' ? 'an ItemReader' : 'a ResultWriter'} raises it`
  }
  if (error === 'States.ExceedToleratedFailureThreshold' && type !== 'Map') {
    return 'only a Distributed Map raises it'
  }
  if (error === 'States.ResultPathMatchFailure' && visit.queryLanguage === 'JSONata') {
    return 'JSONata states have no ResultPath'
  }
  if (
    error === 'States.QueryEvaluationError' &&
    type === 'Task' &&
    visit.queryLanguage === 'JSONPath'
  ) {
    return 'a JSONPath Task evaluates no JSONata'
  }
  return undefined
}

// Error-name prefixes of service integrations (`DynamoDB.ConditionalCheckFailedException`,
// `S3.NoSuchKeyException`), with the service ids their resources use (`arn:aws:states:::dynamodb:…`,
// `…:aws-sdk:s3:…`). Only these are judged; an unknown prefix is never reported.
const SERVICE_PREFIXES: Readonly<Record<string, readonly string[]>> = {
  dynamodb: ['dynamodb'],
  s3: ['s3'],
  sqs: ['sqs'],
  sns: ['sns'],
  ecs: ['ecs'],
  glue: ['glue'],
  athena: ['athena'],
  batch: ['batch'],
  eventbridge: ['events', 'eventbridge'],
  secretsmanager: ['secretsmanager'],
  stepfunctions: ['states', 'sfn'],
  sfn: ['states', 'sfn'],
}

// Errors whose prefix (before the first dot) is a key of SERVICE_PREFIXES, in any case. PERF: tested
// first, so the prefix is cut and lower-cased only for such an error, not for every error named.
const SERVICE_ERROR = new RegExp(`^(?:${Object.keys(SERVICE_PREFIXES).join('|')})\\.`, 'i')
const SERVICE_OF_RESOURCE = /^arn:[^:]+:states:::(?:aws-sdk:)?([a-z0-9-]+)[:.]/

/** The service an error belongs to, when it is a known service other than the task's own. */
function otherServiceOf(error: string, resource: string): string | undefined {
  if (!SERVICE_ERROR.test(error)) return undefined
  const prefix = error.slice(0, Math.max(0, error.indexOf('.')))
  const services = SERVICE_PREFIXES[prefix.toLowerCase()]
  if (services === undefined) return undefined
  const match = SERVICE_OF_RESOURCE.exec(resource)
  const service = match?.[1]
  if (service === undefined || services.includes(service)) return undefined
  return prefix
}

const hasHeartbeat = (state: LooseState): boolean =>
  state['HeartbeatSeconds'] !== undefined || state['HeartbeatSecondsPath'] !== undefined

/**
 * SFN253: a retrier or catcher that names only errors this state cannot raise: an error of another
 * integration, a heartbeat timeout without a heartbeat, or States.Runtime (never caught).
 */
export const findUnraisableError: Rule = ({ states }) => {
  const found: Diagnostic[] = []
  // PERF: plain loops; the reasons are gathered only once every error of an entry has one.
  for (const visit of states) {
    for (const field of HANDLER_FIELDS) {
      const entries = visit.state[field]
      if (!Array.isArray(entries)) continue
      for (let index = 0; index < entries.length; index++) {
        const errors = errorsOf(entries[index])
        if (errors.length === 0) continue
        let raisable = false
        for (const error of errors) {
          if (whyUnraisable(error, visit) === undefined) {
            raisable = true
            break
          }
        }
        if (raisable) continue
        const reasons = errors.map((error) => whyUnraisable(error, visit))
        const noun = handlerNoun(field)
        const why = [...new Set(reasons)].join('; ')
        found.push({
          code: 'SFN253',
          severity: 'warning',
          path: `${visit.path}/${field}[${index}]`,
          message:
            `${noun[0]!.toUpperCase()}${noun.slice(1)} ${index} of '${visit.name}' handles ` +
            `${quoteList(errors)}, which never reaches it here (${why}). ` +
            `Name the errors its integration raises, or remove the ${noun}.`,
        })
      }
    }
  }
  return found
}
