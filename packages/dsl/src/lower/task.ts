import type { AslTaskState } from '@statewright/asl'
import type { TaskNode } from '../ir/task-node.ts'
import type { ValueNode } from '../ir/value-node.ts'
import type { StateContext } from './context.ts'
import { lowerCatch, lowerRetry, lowerTransition, put } from './error-handling.ts'
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
  // PERF: written field by field; an object literal of thirteen spreads is a runtime call per spread.
  const out: Record<string, unknown> = { Type: 'Task' }
  if (node.comment !== undefined) out['Comment'] = node.comment
  out['Resource'] = lowerResource(resource, ctx.target)
  put(out, lowerArguments(node, ctx, wrap))
  put(out, lowerResult(node, selector, ctx))
  put(out, lowerScalar('TimeoutSeconds', node.timeout, ctx))
  put(out, lowerScalar('HeartbeatSeconds', node.heartbeat, ctx))
  if (node.credentials !== undefined) {
    out['Credentials'] = lowerTemplate(node.credentials, ctx, INPUT_ROOTS, 'Credentials') as object
  }
  put(out, lowerAssign(node.assign, ctx, 'result'))
  put(out, lowerRetry(node.retry))
  put(out, lowerCatch(node.catch, ctx))
  put(out, lowerTransition(node.next))
  return out as unknown as AslTaskState
}
