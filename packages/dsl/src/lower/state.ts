import type { AslState } from '@statewright/asl'
import type { StateNode } from '../ir/state-node.ts'
import type { LowerContext } from './context.ts'
import { lowerChoice } from './choice.ts'
import { lowerFail } from './fail.ts'
import { lowerPass } from './pass.ts'
import { lowerSucceed } from './succeed.ts'
import { lowerTask } from './task.ts'

const unreachable = (node: never): never => {
  throw new Error(
    `Internal error in @statewright/dsl (a bug): no lowering for ${JSON.stringify(node)}.`,
  )
}

/** One IR state → one ASL state object. The only place that looks at `kind` (STYLE §1). */
export function lowerState(node: StateNode, ctx: LowerContext): AslState {
  switch (node.kind) {
    case 'Task':
      return lowerTask(node, ctx)
    case 'Pass':
      return lowerPass(node)
    case 'Choice':
      return lowerChoice(node)
    case 'Succeed':
      return lowerSucceed(node)
    case 'Fail':
      return lowerFail(node)
    default:
      return unreachable(node) // a new kind without a case stops compiling here
  }
}
