import type { PathNode } from './path-node.ts'

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
  readonly resultPath?: PathNode | null
  readonly comment?: string
}
