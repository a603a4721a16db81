import type { AslPassState, JsonValue } from '@statewright/asl'
import { evaluateAssign, jsonata, jsonataScope, payload, resultPath, selectIoPath } from '../io.ts'
import type { JsonObject } from '../json.ts'
import { grownBy, nextOf, type StateHandler, type StateOutcome } from './index.ts'

/** Pass (ASL-SPEC §3.2): InputPath → Parameters or Result → ResultPath → OutputPath; JSONata: Output. */
export const runPass: StateHandler<AslPassState> = (state, input, ctx) => {
  // PERF: a JSONPath Pass answers synchronously (no promise per state).
  if (ctx.language === 'JSONata') return runJsonataPass(state, input, ctx)
  const effective = selectIoPath(ctx, state.InputPath, input)
  const result =
    state.Result !== undefined
      ? state.Result
      : state.Parameters !== undefined
        ? payload(ctx, state.Parameters, effective, 'Parameters')
        : effective
  // A JSONPath Assign is a payload template: evaluated synchronously.
  const assigned = evaluateAssign(ctx, state.Assign, result) as JsonObject | undefined
  const combined = resultPath(ctx, input, state.ResultPath, result)
  return {
    output: selectIoPath(ctx, state.OutputPath, combined),
    next: nextOf(state),
    assigned,
    grown: grownBy(state.ResultPath, state.OutputPath, input, result),
  }
}

async function runJsonataPass(
  state: AslPassState,
  input: JsonValue,
  ctx: Parameters<StateHandler<AslPassState>>[2],
): Promise<StateOutcome> {
  const scope = jsonataScope(ctx, input)
  const output =
    state.Output === undefined ? input : await jsonata(ctx, state.Output, scope, 'Output')
  const assigned = await evaluateAssign(ctx, state.Assign, input)
  return { output, next: nextOf(state), assigned }
}
