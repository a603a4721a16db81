import type { AslStateMachine, JsonValue } from './states.ts'

/**
 * What a local task handler receives besides its input: the context of the task as AWS would give it.
 * Handlers are plain functions; the runtime decides how their result is shaped (Lambda envelope or not).
 */
export interface TaskHandlerContext {
  /** The name of the Task state being run. */
  readonly stateName: string
  /** The Task state's `Resource`. */
  readonly resource: string
  /** `$$.State.RetryCount`: 0 on the first attempt. */
  readonly retryCount: number
  /** The task token, for `.waitForTaskToken` tasks and activities. */
  readonly taskToken?: string
  /** Aborted when the task times out or the execution stops. */
  readonly signal: AbortSignal
}

/** A local stand-in for what a Task calls: the real Lambda code, a mock, … */
export type TaskHandler = (input: any, context: TaskHandlerContext) => unknown

/**
 * Anything the runtime can run besides ASL itself: a Statewright workflow implements this, so that
 * `run(workflow, input)` executes the same object `statewright build` compiles, with its local handlers.
 * The runtime never imports the DSL; this structural contract is the whole coupling.
 */
export interface StateMachineSource {
  toStateMachine(): {
    readonly definition: AslStateMachine
    /** Handlers keyed by state name, Lambda function name or resource ARN. */
    readonly handlers: Readonly<Record<string, TaskHandler>>
  }
}

export function isStateMachineSource(value: unknown): value is StateMachineSource {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { toStateMachine?: unknown }).toStateMachine === 'function'
  )
}

export type { JsonValue }
