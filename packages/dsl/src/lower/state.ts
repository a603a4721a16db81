import type { AslState } from '@statewright/asl'
import type { StateNode } from '../ir/state-node.ts'
import { lowerChoice } from './choice.ts'
import type { LowerContext, StateContext } from './context.ts'
import { lowerFail } from './fail.ts'
import { lowerMap } from './map.ts'
import { lowerParallel } from './parallel.ts'
import { lowerPass } from './pass.ts'
import { lowerSucceed } from './succeed.ts'
import { lowerTask } from './task.ts'
import { lowerWait } from './wait.ts'

const unreachable = (node: never): never => {
  throw new Error(
    `Internal error in @statewright/dsl (a bug): no lowering for ${JSON.stringify(node)}.`,
  )
}

function lowerByKind(node: StateNode, ctx: StateContext): AslState {
  switch (node.kind) {
    case 'Task':
      return lowerTask(node, ctx)
    case 'Pass':
      return lowerPass(node, ctx)
    case 'Choice':
      return lowerChoice(node, ctx)
    case 'Wait':
      return lowerWait(node, ctx)
    case 'Succeed':
      return lowerSucceed(node, ctx)
    case 'Fail':
      return lowerFail(node, ctx)
    case 'Parallel':
      return lowerParallel(node, ctx)
    case 'Map':
      return lowerMap(node, ctx)
    default:
      return unreachable(node) // a new kind without a case stops compiling here
  }
}

/**
 * One IR state → one ASL state object, in the state's own query language (the workflow's unless the state
 * sets one, which is then written as its `QueryLanguage`). The only place that switches on `kind` (STYLE §1).
 */
export function lowerState(node: StateNode, ctx: LowerContext): AslState {
  const language = node.queryLanguage ?? ctx.queryLanguage
  // Fields named, not `...ctx`: a spread is a runtime call, and this runs once per state.
  const state = lowerByKind(node, {
    target: ctx.target,
    queryLanguage: ctx.queryLanguage,
    language,
    stateName: node.name,
  })
  return node.queryLanguage === undefined ? state : { ...state, QueryLanguage: node.queryLanguage }
}
