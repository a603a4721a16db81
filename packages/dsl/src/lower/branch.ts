import type { AslBranch, AslState } from '@statewright/asl'
import type { BranchNode } from '../ir/parallel-node.ts'
import type { LowerContext } from './context.ts'
import { lowerState } from './state.ts'

/** A Parallel branch or Map processor: a nested `{ StartAt, States }`. */
export function lowerBranch(branch: BranchNode, ctx: LowerContext): AslBranch {
  const states: Record<string, AslState> = {}
  for (const state of branch.states) states[state.name] = lowerState(state, ctx)
  return {
    ...(branch.comment === undefined ? {} : { Comment: branch.comment }),
    StartAt: branch.startAt,
    States: states,
  }
}
