import type { AslParallelState, JsonValue } from '@statewright/asl'
import { childFrame, runBranch, runConcurrently } from '../branches.ts'
import { addEvent, asVerbatim } from '../env.ts'
import { StatesError } from '../errors.ts'
import { jsonata, jsonataScope, payload, selectIoPath } from '../io.ts'
import { type StateHandler } from './index.ts'
import { jsonataResult, jsonPathResult } from './result.ts'

/**
 * Parallel (ASL-SPEC §3.7): every branch gets the same input and runs concurrently; the result is the
 * array of branch outputs in Branches order. A failing branch stops the others and the state fails with
 * the branch's own error (AWS, not the spec's States.BranchFailed).
 */
export const runParallel: StateHandler<AslParallelState> = async (state, input, ctx) => {
  const jsonataMode = ctx.language === 'JSONata'
  let branchInput: JsonValue
  if (jsonataMode) {
    branchInput =
      state.Arguments === undefined
        ? input
        : await jsonata(ctx, state.Arguments, jsonataScope(ctx, input), 'Arguments')
  } else {
    const effective = selectIoPath(ctx, state.InputPath, input)
    branchInput =
      state.Parameters === undefined
        ? effective
        : payload(ctx, state.Parameters, effective, 'Parameters')
  }
  addEvent(ctx.env, ctx.frame, 'ParallelStateStarted')
  let raw: JsonValue[]
  let failedFrame: ReturnType<typeof childFrame> | undefined
  try {
    const frames = state.Branches.map(() => undefined as ReturnType<typeof childFrame> | undefined)
    // The failing branch's thread: ParallelStateFailed links to its last event.
    raw = await runConcurrently(
      state.Branches.length,
      0,
      ctx.frame.signal,
      async (index, signal) => {
        const frame = childFrame(ctx.frame, signal, false, true)
        frames[index] = frame
        try {
          return await runBranch(ctx.env, state.Branches[index]!, branchInput, frame)
        } catch (error) {
          failedFrame ??= error instanceof StatesError ? frame : undefined
          throw error
        }
      },
    )
    ctx.frame.lastEventId = Math.max(
      ctx.frame.lastEventId,
      ...frames.map((f) => f?.lastEventId ?? 0),
    )
  } catch (error) {
    ctx.frame.lastEventId = failedFrame?.lastEventId ?? ctx.env.history.length
    if (error instanceof StatesError) throw asVerbatim(error)
    throw error
  }
  const anchor = ctx.frame.lastEventId
  addEvent(ctx.env, ctx.frame, 'ParallelStateSucceeded')
  ctx.frame.lastEventId = anchor
  const result: JsonValue = raw
  return jsonataMode
    ? jsonataResult(state, input, ctx, result)
    : jsonPathResult(state, input, ctx, result)
}
