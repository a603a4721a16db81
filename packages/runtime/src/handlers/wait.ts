import type { AslWaitState, JsonValue } from '@statewright/asl'
import { StatesError } from '../errors.ts'
import { jsonata, jsonataScope, referencePath, selectIoPath } from '../io.ts'
import { evaluateAssign } from '../io.ts'
import { locateError } from '../env.ts'
import { parseTimestamp } from '../timestamps.ts'
import { nextOf, type StateHandler } from './index.ts'

/** Longest wait AWS schedules: 2^31−1 seconds ("Wait state delay is too long"). */
const MAX_DELAY_SECONDS = 2_147_483_647

/** Wait (ASL-SPEC §3.4): Seconds, Timestamp, SecondsPath or TimestampPath; instant on the virtual clock. */
export const runWait: StateHandler<AslWaitState> = async (state, input, ctx) => {
  let untilMs: number
  let output: JsonValue
  let assigned
  const now = ctx.env.clock.now()
  if (ctx.language === 'JSONata') {
    const scope = jsonataScope(ctx, input)
    if (state.Seconds !== undefined) {
      const seconds = await jsonata(ctx, state.Seconds, scope, 'Seconds')
      if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) {
        throw locateError(
          ctx,
          new StatesError(
            'States.QueryEvaluationError',
            `The JSONata expression '${String(state.Seconds)}' specified for the field 'Seconds' returned an unexpected result type. Expected 'integer', but was '${typeof seconds}' for value: ${JSON.stringify(seconds)}`,
          ),
        )
      }
      untilMs = now + seconds * 1000
    } else {
      const timestamp = await jsonata(ctx, state.Timestamp ?? null, scope, 'Timestamp')
      const parsed = typeof timestamp === 'string' ? parseTimestamp(timestamp) : undefined
      if (parsed === undefined) {
        throw locateError(
          ctx,
          new StatesError(
            'States.QueryEvaluationError',
            `The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: ${typeof timestamp === 'string' ? timestamp : JSON.stringify(timestamp)}`,
          ),
        )
      }
      untilMs = parsed
    }
    output = state.Output === undefined ? input : await jsonata(ctx, state.Output, scope, 'Output')
    assigned = await evaluateAssign(ctx, state.Assign, input)
  } else {
    const effective = selectIoPath(ctx, state.InputPath, input)
    untilMs = now + jsonPathDelaySeconds(state, effective, ctx) * 1000
    if (state.Timestamp !== undefined) untilMs = parseTimestamp(state.Timestamp) ?? now
    if (state.TimestampPath !== undefined)
      untilMs = timestampPath(state.TimestampPath, effective, ctx)
    assigned = await evaluateAssign(ctx, state.Assign, effective)
    output = selectIoPath(ctx, state.OutputPath, effective)
  }
  if ((untilMs - now) / 1000 > MAX_DELAY_SECONDS) {
    throw locateError(ctx, new StatesError('States.Runtime', 'Wait state delay is too long.'))
  }
  if (untilMs > now) await ctx.env.clock.sleep(untilMs - now, ctx.frame.signal)
  return { output, next: nextOf(state), assigned }
}

function jsonPathDelaySeconds(
  state: AslWaitState,
  input: JsonValue,
  ctx: Parameters<StateHandler<AslWaitState>>[2],
): number {
  if (typeof state.Seconds === 'number') return state.Seconds
  if (state.SecondsPath === undefined) return 0
  const path = state.SecondsPath
  const found = referencePath(ctx, path, input)
  const fail = (cause: string): never => {
    throw locateError(ctx, new StatesError('States.Runtime', cause))
  }
  if (!found.found)
    return fail(`The SecondsPath parameter does not reference an input value: ${path}`)
  const value = found.value
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    return fail(
      `The SecondsPath parameter cannot be parsed as a long value: ${path} == ${show(value)}`,
    )
  }
  if (value < 0)
    return fail(`The SecondsPath parameter references a negative value: ${path} == ${show(value)}`)
  return value
}

function timestampPath(
  path: string,
  input: JsonValue,
  ctx: Parameters<StateHandler<AslWaitState>>[2],
): number {
  const found = referencePath(ctx, path, input)
  if (!found.found) {
    throw locateError(
      ctx,
      new StatesError(
        'States.Runtime',
        `The TimestampPath parameter does not reference an input value: ${path}`,
      ),
    )
  }
  const parsed = typeof found.value === 'string' ? parseTimestamp(found.value) : undefined
  if (parsed === undefined) {
    throw locateError(
      ctx,
      new StatesError(
        'States.Runtime',
        `The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: ${path} == ${show(found.value)}`,
      ),
    )
  }
  return parsed
}

function show(value: JsonValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}
