import type { CatchClause, RetryPolicy } from './error-handling.ts'
import type { StateBase, StateIo } from './state-io.ts'
import type { StateNode } from './state-node.ts'

/** A nested state machine: a Parallel branch or a Map's item processor. */
export interface BranchNode {
  readonly startAt: string
  readonly states: readonly StateNode[]
  readonly comment?: string
}

/** A Parallel state: runs every branch on the same input; its result is the array of their outputs. */
export interface ParallelNode extends StateBase, StateIo {
  readonly kind: 'Parallel'
  readonly branches: readonly BranchNode[]
  readonly retry: readonly RetryPolicy[]
  readonly catch: readonly CatchClause[]
  readonly next?: string
}
