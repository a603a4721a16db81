import type { AslTaskState } from '@statewright/asl'
import type { TaskNode } from '../ir/task-node.ts'
import type { ValueNode } from '../ir/value-node.ts'
import type { StateContext } from './context.ts'
import { lowerCatch, lowerComment, lowerRetry, lowerTransition } from './error-handling.ts'
import { INPUT_ROOTS, lowerScalar, lowerTemplate } from './fields.ts'
import { lowerArguments, lowerAssign, lowerResult } from './io.ts'
import { lambdaArn, lowerResource } from './resource.ts'

/**
 * A Task state. A Lambda called through `lambda:invoke` gets the effective input as its `Payload`; an
 * unwrapped one hands on `Payload` of the envelope as the result.
 * @example
 * // task(processPayment).retry(['Lambda.Timeout'], { maxAttempts: 3 }) →
 * { Type: 'Task', Resource: 'arn:aws:lambda:…:function:ProcessPaymentFunction', End: true,
 *   Retry: [{ ErrorEquals: ['Lambda.Timeout'], MaxAttempts: 3 }] }
 */
export function lowerTask(node: TaskNode, ctx: StateContext): AslTaskState {
  const { resource } = node
  const invoke = resource.kind === 'lambda' && resource.form === 'invoke'
  const wrap = invoke
    ? (payload: ValueNode): ValueNode => ({
        kind: 'object',
        entries: [
          [
            'FunctionName',
            { kind: 'literal', value: lambdaArn(resource.functionName, ctx.target) },
          ],
          ['Payload', payload],
        ],
      })
    : undefined
  const unwrap = invoke && resource.unwrap === true
  const selector: ValueNode | undefined =
    node.resultSelector ??
    (unwrap ? { kind: 'path', root: 'result', segments: ['Payload'] } : undefined)
  return {
    Type: 'Task',
    ...lowerComment(node.comment),
    Resource: lowerResource(resource, ctx.target),
    ...lowerArguments(node, ctx, wrap),
    ...lowerResult(node, selector, ctx),
    ...lowerScalar('TimeoutSeconds', node.timeout, ctx),
    ...lowerScalar('HeartbeatSeconds', node.heartbeat, ctx),
    ...(node.credentials === undefined
      ? {}
      : {
          Credentials: lowerTemplate(node.credentials, ctx, INPUT_ROOTS, 'Credentials') as object,
        }),
    ...lowerAssign(node.assign, ctx, 'result'),
    ...lowerRetry(node.retry),
    ...lowerCatch(node.catch, ctx),
    ...lowerTransition(node.next),
  } as AslTaskState
}
