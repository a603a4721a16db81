import type { AslSucceedState } from '@statewright/asl'
import { jsonata, jsonataScope, selectIoPath } from '../io.ts'
import type { StateHandler } from './index.ts'

/** Succeed (ASL-SPEC §3.5): ends its States scope; InputPath → OutputPath, or JSONata Output. */
export const runSucceed: StateHandler<AslSucceedState> = async (state, input, ctx) => {
  if (ctx.language === 'JSONata') {
    const output =
      state.Output === undefined
        ? input
        : await jsonata(ctx, state.Output, jsonataScope(ctx, input), 'Output')
    return { output, next: undefined }
  }
  const effective = selectIoPath(ctx, state.InputPath, input)
  return { output: selectIoPath(ctx, state.OutputPath, effective), next: undefined }
}
