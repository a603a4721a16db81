import type { TaskDefinition } from '../define-task.ts'
import { DslError } from '../errors.ts'
import { TaskNode } from '../ir/task-node.ts'
import { CallSite } from '../source.ts'
import { checkStateName, NO_PIECES, NO_SEGMENTS } from './piece.ts'
import { type BuilderState, checkTaskToken, StateBuilder } from './state.ts'

const PAYLOAD: readonly ['Payload'] = Object.freeze(['Payload'] as const)

/**
 * A Task state being built: `TInput` is what the previous state must provide, `TOutput` what the next one
 * gets; `TResult` is the (selected) result and `TContext` the raw input that callbacks read.
 */
export type TaskBuilder<TInput, TOutput, TResult = TOutput, TContext = TInput> = StateBuilder<
  'Task',
  TInput,
  TOutput,
  TResult,
  TContext
>

/** Options of `task()`. */
export interface TaskOptions {
  /** The state's name; by default the definition's (`lambda('ChargeFunction')` → `Charge`). */
  readonly name?: string
  readonly comment?: string
}

/**
 * A Task state that calls `definition` (made by `lambda()`, `lambdaInvoke()`, `defineTask()` or an
 * integration helper), typed by its input and output.
 * @example
 * task(processPayment)
 * // "ProcessPayment": { "Type": "Task", "Resource": "arn:aws:lambda:…:function:ProcessPaymentFunction", "End": true }
 */
export function task<TInput, TOutput>(
  definition: TaskDefinition<TInput, TOutput>,
  options: TaskOptions = {},
): TaskBuilder<TInput, TOutput> {
  if (typeof definition !== 'object' || definition === null || !('resource' in definition)) {
    throw new DslError(
      'SFN104',
      'task() needs a definition made by lambda(), lambdaInvoke() or defineTask().',
    )
  }
  const name = checkStateName(options.name ?? definition.stateName)
  let node = TaskNode.create(name, definition.resource, definition)
  if (options.comment !== undefined) node = TaskNode.withComment(node, options.comment)
  if (definition.parameters !== undefined)
    node = Object.freeze({ ...node, parameters: definition.parameters })
  const { resource } = definition
  // PERF: one literal with shared empty lists; `preset` only when set (a conditional spread allocates).
  const state: { -readonly [K in keyof BuilderState]: BuilderState[K] } = {
    node,
    catchTargets: NO_PIECES,
    handler: definition.handler,
    site: new CallSite(),
    nested: NO_PIECES,
    stage: 0,
    resultPrefix: resource.kind === 'lambda' && resource.unwrap === true ? PAYLOAD : NO_SEGMENTS,
  }
  if (definition.parameters !== undefined) state.preset = definition.parameters
  return new StateBuilder(state)
}
