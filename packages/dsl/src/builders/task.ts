import type { TaskHandler } from '@statewright/asl'
import type { TaskDefinition } from '../define-task.ts'
import { DslError } from '../errors.ts'
import type { Fits } from '../infer.ts'
import type { NextChain } from './chain.ts'
import { TaskNode } from '../ir/task-node.ts'
import { CallSite } from '../source.ts'
import { chainAfter } from './chain.ts'
import { type Chainable, checkStateName, type EmitContext, type Piece, pieceOf } from './piece.ts'
import { checkErrors, type ErrorName, retryPolicy, type RetryOptions } from './retry-options.ts'

/** What a catch handler receives with ASL's default `ResultPath` (`$`): the error replaces the input. */
export interface CaughtError {
  readonly Error: string
  readonly Cause: string
}

/** Options of `catch()`. */
export interface CatchOptions {
  readonly comment?: string
}

interface TaskState {
  readonly node: TaskNode
  readonly catchTargets: readonly Piece[]
  readonly handler: TaskHandler | undefined
  readonly site: CallSite
}

/**
 * A Task state being built. Immutable: every method returns a new builder.
 * Catch handlers are separate paths: their open ends end the workflow, they do not rejoin this chain.
 */
export class TaskBuilder<TInput, TOutput> implements Chainable<TInput, TOutput> {
  declare readonly '~types'?: { readonly input: TInput; readonly output: TOutput }
  readonly #state: TaskState

  /** @internal */
  constructor(state: TaskState) {
    this.#state = state
  }

  /** The state's name. */
  get name(): string {
    return this.#state.node.name
  }

  /** @internal */
  get '~piece'(): Piece {
    const { node, catchTargets, handler, site } = this.#state
    return {
      startName: node.name,
      isOpen: true,
      description: `Task state '${node.name}'`,
      emit: (ctx: EmitContext, next: string | undefined): void => {
        const linked = next === undefined ? node : Object.freeze({ ...node, next })
        if (!ctx.add(this, linked, site)) return
        if (handler !== undefined) ctx.handlers[node.name] = handler
        for (const target of catchTargets) ctx.defer(() => target.emit(ctx, undefined))
      },
    }
  }

  /**
   * Retries this task when it fails with one of `errors`. Retriers are tried in the order they are declared.
   * @example
   * task(processPayment).retry(['Lambda.Timeout'], { intervalSeconds: 15, maxAttempts: 3, backoffRate: 2 })
   * // "Retry": [{ "ErrorEquals": ["Lambda.Timeout"], "IntervalSeconds": 15, "MaxAttempts": 3, "BackoffRate": 2 }]
   */
  retry(errors: readonly ErrorName[], options: RetryOptions = {}): TaskBuilder<TInput, TOutput> {
    const policy = retryPolicy(this.name, errors, options)
    return new TaskBuilder({ ...this.#state, node: TaskNode.withRetry(this.#state.node, policy) })
  }

  /**
   * When this task fails with one of `errors` (after its retries), continues with `handler`, which receives
   * `{ Error, Cause }`.
   * @example
   * task(processPayment).catch(['States.ALL'], fail('PaymentFailureHandler', { error: 'PaymentProcessingError' }))
   * // "Catch": [{ "ErrorEquals": ["States.ALL"], "Next": "PaymentFailureHandler" }]
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  catch<THandler extends Chainable<any, any>>(
    errors: readonly ErrorName[],
    handler: Fits<CaughtError, THandler>,
    options: CatchOptions = {},
  ): TaskBuilder<TInput, TOutput> {
    const checked = checkErrors(this.name, 'catch', errors)
    const target = pieceOf(handler as THandler)
    const node = TaskNode.withCatch(this.#state.node, {
      errors: checked,
      next: target.startName,
      ...(options.comment === undefined ? {} : { comment: options.comment }),
    })
    return new TaskBuilder({
      ...this.#state,
      node,
      catchTargets: [...this.#state.catchTargets, target],
    })
  }

  /**
   * Sets the state's `Comment`.
   * @example
   * task(processPayment).comment('Charges the card') // "Comment": "Charges the card"
   */
  comment(text: string): TaskBuilder<TInput, TOutput> {
    return new TaskBuilder({ ...this.#state, node: TaskNode.withComment(this.#state.node, text) })
  }

  /**
   * Runs `target` after this task. Its input schema must accept this task's output.
   * @example
   * task(processPayment).next(task(checkInventory)) // "ProcessPayment": { …, "Next": "CheckInventory" }
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  next<TTarget extends Chainable<any, any>>(
    target: Fits<TOutput, TTarget>,
  ): NextChain<TInput, TOutput, TTarget> {
    return chainAfter(this['~piece'], target as TTarget) as NextChain<TInput, TOutput, TTarget>
  }
}

/** Options of `task()`. */
export interface TaskOptions {
  /** The state's name; by default the definition's (`lambda('ChargeFunction')` → `Charge`). */
  readonly name?: string
  readonly comment?: string
}

/**
 * A Task state that calls `definition` (made by `lambda()`, `lambdaInvoke()` or `defineTask()`), typed by its
 * input and output schemas.
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
  let node = TaskNode.create(name, definition.resource, {
    input: definition.input,
    output: definition.output,
  })
  if (options.comment !== undefined) node = TaskNode.withComment(node, options.comment)
  return new TaskBuilder({
    node,
    catchTargets: [],
    handler: definition.handler,
    site: new CallSite(),
  })
}
