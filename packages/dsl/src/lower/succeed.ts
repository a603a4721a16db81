import type { AslSucceedState } from '@statewright/asl'
import type { SucceedNode } from '../ir/succeed-node.ts'
import type { StateContext } from './context.ts'
import { lowerComment } from './error-handling.ts'
import { lowerOutputOnly } from './io.ts'

export const lowerSucceed = (node: SucceedNode, ctx: StateContext): AslSucceedState =>
  ({
    Type: 'Succeed',
    ...lowerComment(node.comment),
    ...lowerOutputOnly(node, ctx),
  }) as AslSucceedState
