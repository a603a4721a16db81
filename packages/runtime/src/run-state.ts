/**
 * One state: entered event → handler (inside Retry/Catch for Task, Parallel, Map) → payload quota →
 * variables → exited event (ASL-SPEC §6.3, §9).
 */
import type { AslCatcher, AslRetrier, AslState, JsonValue } from '@statewright/asl'
import {
  addStateEvent,
  addEvent,
  isHalted,
  asVerbatim,
  locateError,
  type Frame,
  type ExecutionEnv,
  type StateContext,
} from './env.ts'
import { StatesError } from './errors.ts'
import type { HistoryEventType } from './events.ts'
import { HANDLERS, type StateOutcome } from './handlers/index.ts'
import { evaluateAssign, jsonata, jsonataScope, resultPath } from './io.ts'
import { payloadSize, type JsonObject } from './json.ts'

/** Errors that neither Retry nor Catch sees (ASL-SPEC §9.1). */
const UNCATCHABLE = new Set(['States.Runtime'])
/** States that have a `…StateAborted` event. */
const ABORTABLE = new Set(['Task', 'Wait', 'Map', 'Parallel'])

export async function runState(
  env: ExecutionEnv,
  frame: Frame,
  name: string,
  state: AslState,
  input: JsonValue,
  first = true,
): Promise<StateOutcome> {
  const type = state.Type
  const enteredEventId = addStateEvent(
    env,
    frame,
    `${type}StateEntered` as HistoryEventType,
    name,
    input,
  )
  const ctx: StateContext = {
    env,
    frame,
    name,
    state,
    language: state.QueryLanguage ?? env.rootLanguage,
    enteredEventId,
    enteredTime: env.clock.now(),
    retryCount: 0,
  }
  const handler = HANDLERS[type] as (
    s: AslState,
    i: JsonValue,
    c: StateContext,
  ) => Promise<StateOutcome>
  if (handler === undefined) {
    throw asVerbatim(new StatesError('States.Runtime', `State '${name}' has an unknown Type.`))
  }
  let outcome: StateOutcome
  try {
    if (type === 'Task' || type === 'Parallel' || type === 'Map') {
      outcome = await runWithRetryAndCatch(ctx, state, input, handler)
    } else {
      try {
        outcome = await handler(state, input, ctx)
      } catch (error) {
        throw error instanceof StatesError ? locateError(ctx, error) : error
      }
    }
  } catch (error) {
    // In a Parallel branch, AWS records a failing Task/Wait/Map/Parallel state as aborted (corpus:
    // states_variables/test_error_output::test_parallel_catch_error).
    if (frame.inParallelBranch === true && error instanceof StatesError && ABORTABLE.has(type)) {
      // Recorded beside the thread: the next event still follows the failure (corpus histories).
      const last = frame.lastEventId
      addEvent(env, frame, `${type}StateAborted` as HistoryEventType)
      frame.lastEventId = last
    } else if (
      !(error instanceof StatesError) &&
      type !== 'Task' &&
      ABORTABLE.has(type) &&
      isHalted(frame) &&
      error === frame.signal.reason
    ) {
      // Stopped from outside (a sibling failed, the execution was stopped) while waiting or running
      // branches: the state is aborted (a Task records its own TaskStateAborted).
      addEvent(env, frame, `${type}StateAborted` as HistoryEventType)
    }
    throw error
  }
  // PERF: an output that is this state's input was measured already, unless it came from outside
  // the scope (the first state: execution input, branch or iteration input).
  if (
    env.maxPayloadBytes !== Infinity &&
    (first || outcome.output !== input) &&
    outputSize(frame, input, outcome, env.maxPayloadBytes) > env.maxPayloadBytes
  ) {
    throw asVerbatim(
      new StatesError(
        'States.DataLimitExceeded',
        `The state/task '${name}' returned a result with a size exceeding the maximum number of bytes service limit.`,
      ),
    )
  }
  if (outcome.assigned !== undefined) frame.variables = { ...frame.variables, ...outcome.assigned }
  // An empty Assign assigns nothing and AWS records no assignedVariables for it.
  const assigned =
    outcome.assigned !== undefined && Object.keys(outcome.assigned).length > 0
      ? outcome.assigned
      : undefined
  if (type !== 'Fail') {
    addStateEvent(
      env,
      frame,
      `${type}StateExited` as HistoryEventType,
      name,
      outcome.output,
      assigned,
    )
  }
  return outcome
}

/**
 * The output's payload size, or an upper bound when that is enough: an output that is the input
 * with one top-level member set is at most the input's size plus the member's (PERF: no full walk).
 */
function outputSize(frame: Frame, input: JsonValue, outcome: StateOutcome, limit: number): number {
  const grown = outcome.grown
  let size: number | undefined
  if (grown !== undefined && grown.base === input && frame.measuredValue === input) {
    size = frame.measuredSize! + payloadSize(grown.value) + grown.key.length + 4
  }
  // Only an exact measure may fail the state.
  if (size === undefined || size > limit) size = payloadSize(outcome.output)
  frame.measuredValue = outcome.output
  frame.measuredSize = size
  return size
}

type Handler = (s: AslState, i: JsonValue, c: StateContext) => StateOutcome | Promise<StateOutcome>

/** The first attempt; a synchronous success needs no promise (PERF), anything else goes on below. */
function runWithRetryAndCatch(
  ctx: StateContext,
  state: AslState & { Retry?: AslRetrier[]; Catch?: AslCatcher[] },
  input: JsonValue,
  handler: Handler,
): StateOutcome | Promise<StateOutcome> {
  let first: StateOutcome | Promise<StateOutcome>
  try {
    first = handler(state, input, ctx)
  } catch (thrown) {
    return retryOrCatch(ctx, state, input, handler, thrown)
  }
  if (!isThenable(first)) return first
  return first.then(undefined, (thrown: unknown) =>
    retryOrCatch(ctx, state, input, handler, thrown),
  )
}

function isThenable<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown }).then === 'function'
}

/** Retry (ASL-SPEC §9.2) and Catch (§9.3) after a failed attempt, attempting again as retried. */
async function retryOrCatch(
  ctx: StateContext,
  state: AslState & { Retry?: AslRetrier[]; Catch?: AslCatcher[] },
  input: JsonValue,
  handler: Handler,
  firstError: unknown,
): Promise<StateOutcome> {
  // Retries made per retrier in this visit of the state (made on the first error: PERF).
  let attempts: Map<AslRetrier, number> | undefined
  let failure: { thrown: unknown } | undefined = { thrown: firstError }
  for (;;) {
    try {
      // The first failure goes through the catch below like those of the attempts that follow.
      if (failure !== undefined) {
        const thrown = failure.thrown
        failure = undefined
        throw thrown
      }
      return await handler(state, input, ctx)
    } catch (thrown) {
      // PERF: located here rather than in a wrapper (one async frame less per state).
      if (!(thrown instanceof StatesError)) throw thrown
      const error = locateError(ctx, thrown)
      if (UNCATCHABLE.has(error.error)) {
        if (error.error !== 'States.Runtime')
          addEvent(ctx.env, ctx.frame, `${ctx.state.Type}StateFailed` as HistoryEventType)
        throw error
      }
      const retrier = state.Retry?.find((r) => matchesError(r.ErrorEquals, error.error))
      if (retrier !== undefined) {
        attempts ??= new Map()
        const done = attempts.get(retrier) ?? 0
        if (done < (retrier.MaxAttempts ?? 3)) {
          attempts.set(retrier, done + 1)
          await ctx.env.clock.sleep(
            retryDelayMs(retrier, done + 1, ctx.env.random),
            ctx.frame.signal,
          )
          ctx.retryCount++
          ctx.contextCache = undefined
          continue
        }
      }
      // Map and Parallel report their failure once, when it is not retried (corpus: scenarios/…retry).
      if (ctx.state.Type === 'Map' || ctx.state.Type === 'Parallel') {
        addEvent(ctx.env, ctx.frame, `${ctx.state.Type}StateFailed`)
      }
      const catcher = state.Catch?.find((c) => matchesError(c.ErrorEquals, error.error))
      if (catcher === undefined) throw error
      return catchError(ctx, catcher, input, error)
    }
  }
}

/** Whether an `ErrorEquals` list matches `name` (ASL-SPEC §9.1: States.ALL; States.TaskFailed but not Timeout). */
export function matchesError(errorEquals: readonly string[], name: string): boolean {
  for (const candidate of errorEquals) {
    if (candidate === name) return true
    if (candidate === 'States.ALL') return true
    if (candidate === 'States.TaskFailed' && name !== 'States.Timeout') return true
  }
  return false
}

/**
 * Delay before retry `n` (1-based): IntervalSeconds × BackoffRate^(n−1), capped at MaxDelaySeconds,
 * uniformly jittered in [0, delay] with JitterStrategy FULL (ASL-SPEC §9.2).
 */
export function retryDelayMs(retrier: AslRetrier, n: number, random: () => number): number {
  let seconds = (retrier.IntervalSeconds ?? 1) * (retrier.BackoffRate ?? 2) ** (n - 1)
  if (retrier.MaxDelaySeconds !== undefined) seconds = Math.min(seconds, retrier.MaxDelaySeconds)
  if (retrier.JitterStrategy === 'FULL') seconds = random() * seconds
  return Math.round(seconds * 1000)
}

/** Applies a matching Catcher: its Output/ResultPath and Assign (ASL-SPEC §9.3); testState reuses it. */
export async function catchError(
  ctx: StateContext,
  catcher: AslCatcher,
  input: JsonValue,
  error: StatesError,
): Promise<StateOutcome> {
  const errorOutput = errorOutputOf(error)
  if (ctx.language === 'JSONata') {
    const scope = jsonataScope(ctx, input, { errorOutput })
    const output =
      catcher.Output === undefined
        ? errorOutput
        : await jsonata(ctx, catcher.Output, scope, 'Output')
    const assigned = await evaluateAssign(ctx, catcher.Assign, input, { errorOutput })
    return { output, next: catcher.Next, assigned }
  }
  const assigned = await evaluateAssign(ctx, catcher.Assign, errorOutput)
  const output = resultPath(ctx, input, catcher.ResultPath, errorOutput)
  return { output, next: catcher.Next, assigned }
}

/**
 * The Error Output a Catcher sees (ASL-SPEC §9.3). AWS's edge cases, from the corpus: a timeout has an
 * empty Cause; a callback failed without error or cause gives `null` for both; otherwise a missing
 * Cause is left out.
 */
export function errorOutputOf(error: StatesError): JsonObject {
  if (error.error === '' && error.cause === undefined) return { Error: null, Cause: null }
  const output: JsonObject = { Error: error.error === '' ? null : error.error }
  if (error.cause !== undefined) output.Cause = error.cause
  else if (error.error === 'States.Timeout') output.Cause = ''
  return output
}
