import type { AslTaskState } from '@statewright/asl'
import type { TaskNode } from '../ir/task-node.ts'
import type { LowerContext } from './context.ts'
import { lowerCatch, lowerComment, lowerRetry, lowerTransition } from './error-handling.ts'
import { lambdaArn, lowerResource } from './resource.ts'

/**
 * A Task state. A Lambda called through `lambda:invoke` passes the whole input as its `Payload`.
 * @example
 * // task(processPayment).retry(['Lambda.Timeout'], { maxAttempts: 3 }) →
 * { Type: 'Task', Resource: 'arn:aws:lambda:…:function:ProcessPaymentFunction', End: true,
 *   Retry: [{ ErrorEquals: ['Lambda.Timeout'], MaxAttempts: 3 }] }
 */
export const lowerTask = (node: TaskNode, ctx: LowerContext): AslTaskState => ({
  Type: 'Task',
  ...lowerComment(node.comment),
  Resource: lowerResource(node.resource, ctx.target),
  ...(node.resource.kind === 'lambda' && node.resource.form === 'invoke'
    ? {
        Parameters: {
          FunctionName: lambdaArn(node.resource.functionName, ctx.target),
          'Payload.$': '$',
        },
      }
    : {}),
  ...lowerRetry(node.retry),
  ...lowerCatch(node.catch),
  ...lowerTransition(node.next),
})
