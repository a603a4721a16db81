import type { AslCatcher, AslRetrier } from '@statewright/asl'
import type { CatchClause, RetryPolicy } from '../ir/error-handling.ts'
import type { StateContext } from './context.ts'
import { lowerTemplate } from './fields.ts'
import { jsonataSetPath, jsonPathOf } from './value.ts'

/** Copies `part`'s fields onto `out`, in order: lowering writes an ASL object from optional parts. */
export function put(out: Record<string, unknown>, part: object): void {
  for (const key in part) out[key] = (part as Record<string, unknown>)[key]
}

// PERF: field by field, not an object literal of spreads (a runtime call per spread).
const lowerRetrier = (policy: RetryPolicy): AslRetrier => {
  const out: Record<string, unknown> = { ErrorEquals: policy.errors.slice() }
  if (policy.intervalSeconds !== undefined) out['IntervalSeconds'] = policy.intervalSeconds
  if (policy.maxAttempts !== undefined) out['MaxAttempts'] = policy.maxAttempts
  if (policy.backoffRate !== undefined) out['BackoffRate'] = policy.backoffRate
  if (policy.maxDelaySeconds !== undefined) out['MaxDelaySeconds'] = policy.maxDelaySeconds
  if (policy.jitter !== undefined) out['JitterStrategy'] = policy.jitter
  if (policy.comment !== undefined) out['Comment'] = policy.comment
  return out as unknown as AslRetrier
}

// A catcher's ResultPath merges { Error, Cause } into the state's raw input; JSONata says so in Output.
const lowerCatcherResult = (clause: CatchClause, ctx: StateContext): Partial<AslCatcher> => {
  const { resultPath } = clause
  if (resultPath === undefined) return {}
  if (ctx.language === 'JSONata') {
    if (resultPath === null) return { Output: '{% $states.input %}' }
    if (resultPath.length === 0) return {}
    return { Output: `{% ${jsonataSetPath('$states.input', resultPath, '$states.errorOutput')} %}` }
  }
  if (resultPath === null) return { ResultPath: null }
  return resultPath.length === 0
    ? {}
    : {
        ResultPath: jsonPathOf(
          { kind: 'path', root: 'input', segments: resultPath },
          { input: '$' },
          'ResultPath',
        ),
      }
}

const lowerCatcher = (clause: CatchClause, ctx: StateContext): AslCatcher => {
  const out: Record<string, unknown> = { ErrorEquals: clause.errors.slice(), Next: clause.next }
  if (clause.resultPath !== undefined) put(out, lowerCatcherResult(clause, ctx))
  if (clause.assign !== undefined) {
    out['Assign'] = lowerTemplate(
      clause.assign,
      ctx,
      { errorOutput: '$', context: '$$', variable: '$' },
      'Catch.Assign',
    )
  }
  if (clause.comment !== undefined) out['Comment'] = clause.comment
  return out as unknown as AslCatcher
}

export const lowerRetry = (policies: readonly RetryPolicy[]): { Retry?: AslRetrier[] } =>
  policies.length === 0 ? {} : { Retry: policies.map(lowerRetrier) }

/** `Retry`, `Catch` (each omitted when empty) and the transition, written onto `out` in ASL order. */
export function writeErrorHandlingAndTransition(
  out: Record<string, unknown>,
  policies: readonly RetryPolicy[],
  clauses: readonly CatchClause[],
  next: string | undefined,
  ctx: StateContext,
): void {
  if (policies.length > 0) out['Retry'] = policies.map(lowerRetrier)
  if (clauses.length > 0) {
    // PERF: an index loop (the clauses are a frozen array: for-of over one is not inlined).
    const catchers: AslCatcher[] = []
    for (let index = 0; index < clauses.length; index++) {
      catchers.push(lowerCatcher(clauses[index] as CatchClause, ctx))
    }
    out['Catch'] = catchers
  }
  writeTransition(out, next)
}

/** `Next` when set, else `End: true`, written onto `out`. */
export function writeTransition(out: Record<string, unknown>, next: string | undefined): void {
  if (next === undefined) out['End'] = true
  else out['Next'] = next
}

/** `Catch` (omitted when empty), in declaration order. */
export const lowerCatch = (
  clauses: readonly CatchClause[],
  ctx: StateContext,
): { Catch?: AslCatcher[] } =>
  clauses.length === 0 ? {} : { Catch: clauses.map((clause) => lowerCatcher(clause, ctx)) }

/** `Next` when set, else `End: true`. */
export const lowerTransition = (next: string | undefined): { Next: string } | { End: true } =>
  next === undefined ? { End: true } : { Next: next }

export const lowerComment = (comment: string | undefined): { Comment?: string } =>
  comment === undefined ? {} : { Comment: comment }
