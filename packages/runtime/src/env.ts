import type { AslState, JsonValue, QueryLanguage, TaskHandler } from '@statewright/asl'
import type { Clock } from './clock.ts'
import { StatesError } from './errors.ts'
import { History, type HistoryEventType } from './events.ts'
import type { JsonObject } from './json.ts'
import type { MockedResponse } from './mocks.ts'
import type { RandomSource } from './random.ts'
import type { S3StandIn } from './s3.ts'
import type { ChildStarter } from './tasks/builtins.ts'
import type { TaskTokens } from './task-tokens.ts'

/** @internal What every state of one execution shares. */
export interface ExecutionEnv {
  readonly clock: Clock
  readonly history: History
  readonly random: RandomSource
  readonly handlers: Readonly<Record<string, TaskHandler>>
  readonly rootLanguage: QueryLanguage
  /** `$$.Execution` */
  readonly execution: JsonObject
  /** `$$.StateMachine` */
  readonly stateMachine: JsonObject
  readonly region: string
  readonly accountId: string
  readonly stateMachineType: 'STANDARD' | 'EXPRESS'
  readonly maxPayloadBytes: number
  readonly maxHistoryEvents: number
  readonly tokens: TaskTokens
  /** Mocked responses by state name, and how often each mocked state was invoked so far. */
  readonly mocks: Readonly<Record<string, MockedResponse>>
  readonly mockInvocations: Map<string, number>
  /** Starts a registered state machine as a nested execution (undefined: none registered). */
  readonly startChild?: ChildStarter
  /** What Distributed Map ItemReader/ResultWriter use instead of Amazon S3. */
  readonly s3?: S3StandIn | undefined
  /** Aborted when the execution stops (failure elsewhere, timeout, stop()). */
  readonly signal: AbortSignal
}

/**
 * @internal One `States` scope being run: the top level, a Parallel branch or a Map iteration. Owns the
 * variables visible there (copy-on-write: an inner frame starts from its parent's object and replaces it
 * on assignment, so siblings never see each other's variables) and the id of its last event.
 */
export interface Frame {
  variables: Readonly<Record<string, JsonValue>>
  lastEventId: number
  /** Aborted when this branch/iteration must stop (a sibling failed, the execution stopped). */
  readonly signal: AbortSignal
  /** Set in Parallel branches: AWS marks a state that fails there as aborted (`TaskStateAborted`). */
  readonly inParallelBranch?: boolean
  /**
   * A cheap view of `signal.aborted` for the top-level frame, whose AbortSignal is made only when
   * something waits on it (PERF: creating one costs several microseconds in Node).
   */
  readonly halt?: { readonly aborted: boolean }
  /** The last value whose payload size is known (an upper bound), and that size (PERF). */
  measuredValue?: JsonValue
  measuredSize?: number
}

/** Whether `frame` must stop, without materializing a lazy signal. */
export function isHalted(frame: Frame): boolean {
  return frame.halt !== undefined ? frame.halt.aborted : frame.signal.aborted
}

/** @internal The state being run: what handlers and I/O helpers need. */
export interface StateContext {
  readonly env: ExecutionEnv
  readonly frame: Frame
  readonly name: string
  readonly state: AslState
  readonly language: QueryLanguage
  readonly enteredEventId: number
  readonly enteredTime: number
  /** `$$.State.RetryCount`; only Task, Parallel and Map report it. */
  retryCount: number
  /** `$$.Task.Token` of the current attempt. */
  taskToken?: string
  /** Cached context object, rebuilt when `retryCount`/`taskToken` change. */
  contextCache?: JsonObject
}

/** Thrown when the execution reaches its history quota; ends the execution as FAILED. */
export class HistoryLimitError extends Error {
  constructor(limit: number) {
    super(`The execution reached the maximum number of history events (${limit}).`)
    this.name = 'HistoryLimitError'
  }
}

/** Records an event in `frame`'s thread and returns its id. */
export function addEvent(
  env: ExecutionEnv,
  frame: Frame,
  type: HistoryEventType,
  details?: Record<string, unknown>,
): number {
  if (env.history.length >= env.maxHistoryEvents) throw new HistoryLimitError(env.maxHistoryEvents)
  const id = env.history.add(type, frame.lastEventId, env.clock.now(), details)
  frame.lastEventId = id
  return id
}

/** Records a `…StateEntered`/`…StateExited` event in `frame`'s thread and returns its id. */
export function addStateEvent(
  env: ExecutionEnv,
  frame: Frame,
  type: HistoryEventType,
  name: string,
  value: JsonValue,
  assigned?: Readonly<Record<string, JsonValue>>,
): number {
  if (env.history.length >= env.maxHistoryEvents) throw new HistoryLimitError(env.maxHistoryEvents)
  const id = env.history.addState(type, frame.lastEventId, env.clock.now(), name, value, assigned)
  frame.lastEventId = id
  return id
}

/** Errors whose cause must be reported as is (task failures, Fail states, already prefixed ones). */
const verbatim = new WeakSet<StatesError>()

/** Marks `error` so that no state-location prefix is added to its cause. */
export function asVerbatim(error: StatesError): StatesError {
  verbatim.add(error)
  return error
}

export function isVerbatim(error: StatesError): boolean {
  return verbatim.has(error)
}

/**
 * AWS prefixes the cause of evaluation failures (States.Runtime, States.QueryEvaluationError) with the
 * state and the id of its entered event (ASL-SPEC §9.1, corpus `base/test_wait`, `scenarios/…`).
 */
export function locateError(ctx: StateContext, error: StatesError): StatesError {
  if (isVerbatim(error)) return error
  if (error.error !== 'States.Runtime' && error.error !== 'States.QueryEvaluationError') {
    return asVerbatim(error)
  }
  const located = new StatesError(
    error.error,
    `An error occurred while executing the state '${ctx.name}' (entered at the event id #${ctx.enteredEventId}). ${error.cause ?? ''}`,
  )
  if (error.error === 'States.QueryEvaluationError') {
    const cause = error.cause ?? ''
    const field =
      /specified for the field '([^']*)'/.exec(cause)?.[1] ?? /^The (\w+) field /.exec(cause)?.[1]
    // AWS links it to what preceded the state (a Wait links it to its entered event).
    const previous =
      ctx.state.Type === 'Wait'
        ? ctx.frame.lastEventId
        : ctx.env.history.previousOf(ctx.enteredEventId)
    ctx.frame.lastEventId = previous
    addEvent(ctx.env, ctx.frame, 'EvaluationFailed', {
      error: located.error,
      cause: located.cause,
      ...(field !== undefined ? { location: field } : {}),
      state: ctx.name,
    })
  }
  return asVerbatim(located)
}
