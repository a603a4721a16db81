import type { AslParallelState } from '@statewright/asl'
import type { ParallelNode } from '../ir/parallel-node.ts'
import { lowerBranch } from './branch.ts'
import type { StateContext } from './context.ts'
import { lowerCatch, lowerComment, lowerRetry, lowerTransition } from './error-handling.ts'
import { lowerArguments, lowerAssign, lowerResult } from './io.ts'

/**
 * A Parallel state: its branches, then the usual input/result processing, Retry and Catch.
 * @example
 * // parallel('Both', [task(a), task(b)]) →
 * { Type: 'Parallel', Branches: [{ StartAt: 'A', States: { … } }, { StartAt: 'B', States: { … } }], End: true }
 */
export const lowerParallel = (node: ParallelNode, ctx: StateContext): AslParallelState =>
  ({
    Type: 'Parallel',
    ...lowerComment(node.comment),
    Branches: node.branches.map((branch) => lowerBranch(branch, ctx)),
    ...lowerArguments(node, ctx),
    ...lowerResult(node, node.resultSelector, ctx),
    ...lowerAssign(node.assign, ctx, 'result'),
    ...lowerRetry(node.retry),
    ...lowerCatch(node.catch, ctx),
    ...lowerTransition(node.next),
  }) as AslParallelState
