import type { PathSegment } from './path-node.ts'
import type { ValueNode } from './value-node.ts'

/** One `Retry` entry (ASL-SPEC §9.2), camelCase. */
export interface RetryPolicy {
  readonly errors: readonly string[]
  readonly intervalSeconds?: number
  readonly maxAttempts?: number
  readonly backoffRate?: number
  readonly maxDelaySeconds?: number
  readonly jitter?: 'FULL' | 'NONE'
  readonly comment?: string
}

/** One `Catch` entry (ASL-SPEC §9.3). `resultPath` unset keeps ASL's default (`$`: the error replaces the input). */
export interface CatchClause {
  readonly errors: readonly string[]
  readonly next: string
  /** Where `{ Error, Cause }` goes in the state's raw input: `[]` replaces it, `null` discards it. */
  readonly resultPath?: readonly PathSegment[] | null
  /** Variables to set when this catcher is taken (reads the error output). */
  readonly assign?: ValueNode
  readonly comment?: string
}
