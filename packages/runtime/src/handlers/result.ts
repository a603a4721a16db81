import type { AslMapState, AslParallelState, AslTaskState, JsonValue } from '@statewright/asl'
import { evaluateAssign, jsonata, jsonataScope, payload, resultPath, selectIoPath } from '../io.ts'
import type { JsonObject } from '../json.ts'
import type { StateContext } from '../env.ts'
import { grownBy, nextOf, type StateOutcome } from './index.ts'

/** The states whose work produces a result that is then processed into their output. */
type ResultState = AslTaskState | AslMapState | AslParallelState

/**
 * JSONPath result processing (ASL-SPEC §6.3 steps 4–7): Assign reads the raw result, then
 * ResultSelector, ResultPath into the raw input, and OutputPath. Synchronous: a JSONPath Assign is a
 * payload template.
 */
export function jsonPathResult(
  state: ResultState,
  input: JsonValue,
  ctx: StateContext,
  raw: JsonValue,
): StateOutcome {
  const assigned = evaluateAssign(ctx, state.Assign, raw) as JsonObject | undefined
  const selected =
    state.ResultSelector === undefined
      ? raw
      : payload(ctx, state.ResultSelector, raw, 'ResultSelector')
  const combined = resultPath(ctx, input, state.ResultPath, selected)
  return {
    output: selectIoPath(ctx, state.OutputPath, combined),
    next: nextOf(state),
    assigned,
    grown: grownBy(state.ResultPath, state.OutputPath, input, selected),
  }
}

/** JSONata result processing (ASL-SPEC §5): Output (default: the result) and Assign, both over `$states.result`. */
export async function jsonataResult(
  state: ResultState,
  input: JsonValue,
  ctx: StateContext,
  result: JsonValue,
): Promise<StateOutcome> {
  const scope = jsonataScope(ctx, input, { result })
  const output =
    state.Output === undefined ? result : await jsonata(ctx, state.Output, scope, 'Output')
  const assigned = await evaluateAssign(ctx, state.Assign, input, { result })
  return { output, next: nextOf(state), assigned }
}
