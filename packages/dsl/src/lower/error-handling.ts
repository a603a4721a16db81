import type { AslCatcher, AslRetrier } from '@statewright/asl'
import type { CatchClause, RetryPolicy } from '../ir/error-handling.ts'
import type { StateContext } from './context.ts'
import { lowerTemplate } from './fields.ts'
import { jsonataSetPath, jsonPathOf } from './value.ts'

const lowerRetrier = (policy: RetryPolicy): AslRetrier => ({
  ErrorEquals: [...policy.errors],
  ...(policy.intervalSeconds === undefined ? {} : { IntervalSeconds: policy.intervalSeconds }),
  ...(policy.maxAttempts === undefined ? {} : { MaxAttempts: policy.maxAttempts }),
  ...(policy.backoffRate === undefined ? {} : { BackoffRate: policy.backoffRate }),
  ...(policy.maxDelaySeconds === undefined ? {} : { MaxDelaySeconds: policy.maxDelaySeconds }),
  ...(policy.jitter === undefined ? {} : { JitterStrategy: policy.jitter }),
  ...(policy.comment === undefined ? {} : { Comment: policy.comment }),
})

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

const lowerCatcher = (clause: CatchClause, ctx: StateContext): AslCatcher => ({
  ErrorEquals: [...clause.errors],
  Next: clause.next,
  ...lowerCatcherResult(clause, ctx),
  ...(clause.assign === undefined
    ? {}
    : {
        Assign: lowerTemplate(
          clause.assign,
          ctx,
          { errorOutput: '$', context: '$$', variable: '$' },
          'Catch.Assign',
        ) as AslCatcher['Assign'] & object,
      }),
  ...(clause.comment === undefined ? {} : { Comment: clause.comment }),
})

/** `Retry` (omitted when empty): the policies in the order they were declared, which is the order AWS tries them. */
export const lowerRetry = (policies: readonly RetryPolicy[]): { Retry?: AslRetrier[] } =>
  policies.length === 0 ? {} : { Retry: policies.map(lowerRetrier) }

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
