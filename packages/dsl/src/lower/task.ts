import type { AslTaskState } from '@statewright/asl'
import type { TaskNode } from '../ir/task-node.ts'
import type { ValueNode } from '../ir/value-node.ts'
import type { StateContext } from './context.ts'
import { writeErrorHandlingAndTransition } from './error-handling.ts'
import { INPUT_ROOTS, lowerTemplate, writeScalar } from './fields.ts'
import { writeArguments, writeAssign, writeResult } from './io.ts'
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
  writeArguments(out, node, ctx, wrap)
  writeResult(out, node, selector, ctx)
  writeScalar(out, 'TimeoutSeconds', node.timeout, ctx)
  writeScalar(out, 'HeartbeatSeconds', node.heartbeat, ctx)
  if (node.credentials !== undefined) {
    out['Credentials'] = lowerTemplate(node.credentials, ctx, INPUT_ROOTS, 'Credentials') as object
  }
  writeAssign(out, node.assign, ctx, 'result')
  writeErrorHandlingAndTransition(out, node.retry, node.catch, node.next, ctx)
  return out as unknown as AslTaskState
}
