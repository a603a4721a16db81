import type { AslCatcher, AslRetrier } from '@statewright/asl'
import type { CatchClause, RetryPolicy } from '../ir/error-handling.ts'
import { lowerJsonPath } from './path.ts'

const lowerRetrier = (policy: RetryPolicy): AslRetrier => ({
  ErrorEquals: [...policy.errors],
  ...(policy.intervalSeconds === undefined ? {} : { IntervalSeconds: policy.intervalSeconds }),
  ...(policy.maxAttempts === undefined ? {} : { MaxAttempts: policy.maxAttempts }),
  ...(policy.backoffRate === undefined ? {} : { BackoffRate: policy.backoffRate }),
  ...(policy.maxDelaySeconds === undefined ? {} : { MaxDelaySeconds: policy.maxDelaySeconds }),
  ...(policy.jitter === undefined ? {} : { JitterStrategy: policy.jitter }),
  ...(policy.comment === undefined ? {} : { Comment: policy.comment }),
})

const lowerCatcher = (clause: CatchClause): AslCatcher => ({
  ErrorEquals: [...clause.errors],
  Next: clause.next,
  ...(clause.resultPath === undefined
    ? {}
    : { ResultPath: clause.resultPath === null ? null : lowerJsonPath(clause.resultPath) }),
  ...(clause.comment === undefined ? {} : { Comment: clause.comment }),
})

/** `Retry` (omitted when empty): the policies in the order they were declared, which is the order AWS tries them. */
export const lowerRetry = (policies: readonly RetryPolicy[]): { Retry?: AslRetrier[] } =>
  policies.length === 0 ? {} : { Retry: policies.map(lowerRetrier) }

/** `Catch` (omitted when empty), in declaration order. */
export const lowerCatch = (clauses: readonly CatchClause[]): { Catch?: AslCatcher[] } =>
  clauses.length === 0 ? {} : { Catch: clauses.map(lowerCatcher) }

/** `Next` when set, else `End: true`. */
export const lowerTransition = (next: string | undefined): { Next: string } | { End: true } =>
  next === undefined ? { End: true } : { Next: next }

export const lowerComment = (comment: string | undefined): { Comment?: string } =>
  comment === undefined ? {} : { Comment: comment }
