import type { AslWaitState } from '@statewright/asl'
import type { WaitNode } from '../ir/wait-node.ts'
import type { StateContext } from './context.ts'
import { lowerComment, lowerTransition } from './error-handling.ts'
import { lowerScalar } from './fields.ts'
import { lowerAssign, lowerInputPath, lowerOutputOnly } from './io.ts'

/**
 * A Wait state in one of its four forms: Seconds, SecondsPath, Timestamp, TimestampPath (or a JSONata
 * expression for either).
 * @example
 * // wait('Pause', { seconds: 3 }) →
 * { Type: 'Wait', Seconds: 3, End: true }
 */
export const lowerWait = (node: WaitNode, ctx: StateContext): AslWaitState =>
  ({
    Type: 'Wait',
    ...lowerComment(node.comment),
    ...lowerInputPath(node, ctx, 'Wait'),
    ...lowerScalar('Seconds', node.seconds, ctx),
    ...lowerScalar('Timestamp', node.timestamp, ctx),
    ...lowerOutputOnly(node, ctx),
    ...lowerAssign(node.assign, ctx, 'input'),
    ...lowerTransition(node.next),
  }) as AslWaitState
