/**
 * Input and output processing (ASL-SPEC §6.3 for JSONPath, §5/§6.4 for JSONata), always against the
 * state being run, so failures carry AWS's location prefix and JSONata failures get their
 * EvaluationFailed event.
 */
import type { JsonValue } from '@statewright/asl'
import { isoTimestamp } from './clock.ts'
import { locateError, type StateContext } from './env.ts'
import { StatesError } from './errors.ts'
import {
  applyPayloadTemplate,
  applyResultPath,
  describePathFailure,
  evaluateJsonataTemplate,
  selectPath,
  type JsonataScope,
  type PathScope,
} from './expressions.ts'
import type { JsonObject } from './json.ts'

/** States whose context object reports `State.RetryCount`. */
const RETRYABLE = new Set(['Task', 'Parallel', 'Map'])

/** The Context Object (`$$`, `$states.context`) as this state sees it (ASL-SPEC §7). */
export function contextObject(ctx: StateContext, mapItem?: JsonObject): JsonObject {
  let context = ctx.contextCache
  if (context === undefined) {
    const state: JsonObject = { EnteredTime: isoTimestamp(ctx.enteredTime), Name: ctx.name }
    if (RETRYABLE.has(ctx.state.Type)) state.RetryCount = ctx.retryCount
    context = {
      Execution: ctx.env.execution,
      StateMachine: ctx.env.stateMachine,
      State: state,
    }
    if (ctx.taskToken !== undefined) context.Task = { Token: ctx.taskToken }
    ctx.contextCache = context
  }
  // A Map's items share the rest of the state's context (PERF: one small object per item); the
  // runtime never mutates context data, it copies what it writes.
  if (mapItem === undefined) return context
  const withItem: JsonObject = {
    Execution: context.Execution!,
    StateMachine: context.StateMachine!,
    State: context.State!,
  }
  if (context.Task !== undefined) withItem.Task = context.Task
  withItem.Map = { Item: mapItem }
  return withItem
}

/**
 * PERF: the context object is built only when an expression reads `$$`; a class, because an object
 * literal with a getter costs ~30× a plain one.
 */
class StatePathScope implements PathScope {
  readonly variables: Readonly<Record<string, JsonValue>>
  readonly #ctx: StateContext
  readonly #mapItem: JsonObject | undefined

  constructor(ctx: StateContext, mapItem: JsonObject | undefined) {
    this.#ctx = ctx
    this.#mapItem = mapItem
    this.variables = ctx.frame.variables
  }

  #context: JsonObject | undefined

  get context(): JsonValue {
    // Built once per scope: an ItemSelector reads `$$` once per field.
    return (this.#context ??= contextObject(this.#ctx, this.#mapItem))
  }
}

export function pathScope(ctx: StateContext, mapItem?: JsonObject): PathScope {
  return new StatePathScope(ctx, mapItem)
}

export function jsonataScope(
  ctx: StateContext,
  input: JsonValue,
  extra?: { result?: JsonValue; errorOutput?: JsonValue; mapItem?: JsonObject },
): JsonataScope {
  return {
    input,
    context: contextObject(ctx, extra?.mapItem),
    variables: ctx.frame.variables,
    ...(extra?.result !== undefined ? { result: extra.result } : {}),
    ...(extra?.errorOutput !== undefined ? { errorOutput: extra.errorOutput } : {}),
  }
}

/** Runs `fn`, turning its StatesError into the located error AWS reports for this state. */
export function located<T>(ctx: StateContext, fn: () => T): T {
  try {
    return fn()
  } catch (error) {
    if (error instanceof StatesError) throw locateError(ctx, error)
    throw error
  }
}

export async function locatedAsync<T>(ctx: StateContext, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (error) {
    if (error instanceof StatesError) throw locateError(ctx, error)
    throw error
  }
}

/** `InputPath` / `OutputPath`: `null` gives `{}`, a path matching nothing is States.Runtime. */
export function selectIoPath(
  ctx: StateContext,
  path: string | null | undefined,
  value: JsonValue,
): JsonValue {
  if (path === undefined || path === '$') return value
  if (path === null) return {}
  const scope = pathScope(ctx)
  const found = selectPath(path, value, scope)
  if (found.found) return found.value
  throw locateError(
    ctx,
    new StatesError(
      'States.Runtime',
      `Invalid path '${path}' : ${describePathFailure(path, value, scope)}`,
    ),
  )
}

/** A `.$` payload template (Parameters, ResultSelector, ItemSelector, Assign, …). */
export function payload(
  ctx: StateContext,
  template: JsonValue,
  input: JsonValue,
  field: string,
  mapItem?: JsonObject,
): JsonValue {
  // PERF: try/catch in place of `located` (no closure per state).
  try {
    return applyPayloadTemplate(template, input, new StatePathScope(ctx, mapItem), field, ctx.env) // env carries `random`
  } catch (error) {
    throw error instanceof StatesError ? locateError(ctx, error) : error
  }
}

export function resultPath(
  ctx: StateContext,
  rawInput: JsonValue,
  path: string | null | undefined,
  result: JsonValue,
): JsonValue {
  try {
    return applyResultPath(rawInput, path, result)
  } catch (error) {
    throw error instanceof StatesError ? locateError(ctx, error) : error
  }
}

/** Evaluates every `{% %}` inside `value` (a JSONata field). */
export function jsonata(
  ctx: StateContext,
  value: JsonValue,
  scope: JsonataScope,
  field: string,
): Promise<JsonValue> {
  return locatedAsync(ctx, () =>
    evaluateJsonataTemplate(value, scope, field, { random: ctx.env.random }),
  )
}

/**
 * `Assign` (ASL-SPEC §4): evaluated against the values of state entry; the caller applies the result
 * after the state completes. JSONPath: a payload template whose `$` is `input`.
 */
export function evaluateAssign(
  ctx: StateContext,
  assign: JsonObject | undefined,
  input: JsonValue,
  extra?: { result?: JsonValue; errorOutput?: JsonValue; stateInput?: JsonValue },
): JsonObject | undefined | Promise<JsonObject | undefined> {
  // PERF: most states assign nothing; no promise for them.
  if (assign === undefined) return undefined
  if (ctx.language === 'JSONata') {
    const scope = jsonataScope(ctx, extra?.stateInput ?? input, extra)
    return jsonata(ctx, assign, scope, 'Assign') as Promise<JsonObject>
  }
  return payload(ctx, assign, input, 'Assign') as JsonObject
}

/** Reads a `…Path` field that must reference a value (SecondsPath, TimeoutSecondsPath, …). */
export function referencePath(
  ctx: StateContext,
  path: string,
  input: JsonValue,
): { found: true; value: JsonValue } | { found: false; description: string } {
  const scope = pathScope(ctx)
  const found = selectPath(path, input, scope)
  if (found.found) return found
  return { found: false, description: describePathFailure(path, input, scope) }
}
