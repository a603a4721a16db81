import type { AslPassState } from '@statewright/asl'
import { evaluateAssign, jsonata, jsonataScope, payload, resultPath, selectIoPath } from '../io.ts'
import { grownBy, nextOf, type StateHandler } from './index.ts'

/** Pass (ASL-SPEC §3.2): InputPath → Parameters or Result → ResultPath → OutputPath; JSONata: Output. */
export const runPass: StateHandler<AslPassState> = async (state, input, ctx) => {
  if (ctx.language === 'JSONata') {
    const scope = jsonataScope(ctx, input)
    const output =
      state.Output === undefined ? input : await jsonata(ctx, state.Output, scope, 'Output')
    const assigned = await evaluateAssign(ctx, state.Assign, input)
    return { output, next: nextOf(state), assigned }
  }
  const effective = selectIoPath(ctx, state.InputPath, input)
  const result =
    state.Result !== undefined
      ? state.Result
      : state.Parameters !== undefined
        ? payload(ctx, state.Parameters, effective, 'Parameters')
        : effective
  const assigned = await evaluateAssign(ctx, state.Assign, result)
  const combined = resultPath(ctx, input, state.ResultPath, result)
  return {
    output: selectIoPath(ctx, state.OutputPath, combined),
    next: nextOf(state),
    assigned,
    grown: grownBy(state.ResultPath, state.OutputPath, input, result),
  }
}
