import type { AslStateMachine } from '@statewright/asl'
import type { StateVisit } from '../asl/walk.ts'
import type { Diagnostic } from '../diagnostics.ts'

/** Options that tune what the lints consider a problem. */
export interface LintThresholds {
  /** A States.ALL retrier may make at most this many attempts (SFN254). Default 10. */
  readonly maxCatchAllAttempts?: number
  /** … and may keep the state retrying at most this many seconds in total (SFN254). Default 86,400. */
  readonly maxCatchAllRetrySeconds?: number
}

/** What a rule is given: the definition, every state in it, and what is known about its data. */
export interface LintContext {
  readonly definition: AslStateMachine
  readonly states: readonly StateVisit[]
  /** JSON Schema of the execution input, when the workflow declares one (DSL workflows do). */
  readonly inputSchema?: unknown
  readonly thresholds: Required<LintThresholds>
}

/** A lint: finds one kind of problem in the whole definition and reports every occurrence. */
export type Rule = (context: LintContext) => Diagnostic[]
