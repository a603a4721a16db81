import type { QueryLanguage, TaskHandler } from '@statewright/asl'
import {
  type Assignment,
  type AssignmentMarks,
  type AssignmentsIn,
  assignNode,
} from '../assignments.ts'
import type { ContextObject } from '../context-object.ts'
import { DslError } from '../errors.ts'
import type { DataOf, Fits, FitsCatch, Passthrough, ResultAt } from '../infer.ts'
import type { CatchClause } from '../ir/error-handling.ts'
import type { MapNode } from '../ir/map-node.ts'
import type { BranchNode, ParallelNode } from '../ir/parallel-node.ts'
import type { PassNode } from '../ir/pass-node.ts'
import type { PathSegment } from '../ir/path-node.ts'
import type { StateNode } from '../ir/state-node.ts'
import type { TaskNode } from '../ir/task-node.ts'
import type { ValueNode } from '../ir/value-node.ts'
import { createRef, pathOf, type Ref, type ValueRef } from '../ref.ts'
import type { CallSite } from '../source.ts'
import { type Expression, type Resolved, type Template, toValueNode } from '../template.ts'
import type { DslTypeError, SetPath } from '../type-utils.ts'
import {
  type AssignableIn,
  type AssignMark,
  type Marked,
  type MarksOf,
  type ReadableIn,
  type ReadMark,
  type Scope,
  type ScopeFits,
  variableName,
} from '../variables.ts'
import { type Chain, chainAfter, type NextChain, resolveTarget } from './chain.ts'
import { appended, type Chainable, type EmitContext, type Piece } from './piece.ts'
import { checkErrors, type ErrorName, retryPolicy, type RetryOptions } from './retry-options.ts'

/** What a catch handler receives with ASL's default `ResultPath` (`$`): the error replaces the input. */
export interface CaughtError {
  readonly Error: string
  readonly Cause: string
}

/** The kinds built by `StateBuilder`: the states with data processing. */
export type ProcessingKind = 'Task' | 'Pass' | 'Parallel' | 'Map'
type Catching = 'Task' | 'Parallel' | 'Map'

/** Options of `catch()`. */
export interface CatchOptions<
  TPath extends string | null = never,
  TScope extends Scope = 'workflow',
  TAssigned extends readonly Assignment[] = readonly Assignment[],
> {
  /** Where `{ Error, Cause }` goes in the state's input (`'error'`, `'a.b'`); `null` drops it. */
  readonly resultPath?: TPath
  /**
   * Variables to set when this catcher is taken: `(error) => [set(lastError, error.Cause)]`. The catcher
   * belongs to the state's scope: inside a Parallel branch or Map iteration it may not set a workflow
   * variable (nor read one inside a Distributed Map iteration): a type error.
   */
  readonly assign?: (
    error: Ref<CaughtError>,
    context: Ref<ContextObject>,
  ) => AssignmentsIn<TScope, TAssigned>
  readonly comment?: string
}

/** The data a catch handler receives for a `resultPath` option. */
export type CatchOutput<TContext, TPath> = [TPath] extends [never]
  ? CaughtError
  : TPath extends null
    ? TContext
    : TPath extends string
      ? SetPath<TContext, TPath, CaughtError>
      : CaughtError

/** A number, a reference to one, or an expression (a JSONata one, in JSONata states). */
export type NumberSource<TData> =
  | number
  | Expression<number>
  | ((s: Ref<TData>, context: Ref<ContextObject>) => ValueRef<number> | Expression<number>)

// The builder's progress through ASL's processing order (ASL-SPEC §6.3): each step may be set once, in order.
const STAGES = ['parameters', 'resultSelector', 'resultPath', 'outputPath'] as const
// Module level: an array literal in a method is a new array on every call.
const CATCHING: readonly ProcessingKind[] = ['Task', 'Parallel', 'Map']
type Stage = (typeof STAGES)[number]

/** @internal */
export interface BuilderState {
  readonly node: TaskNode | PassNode | ParallelNode | MapNode
  readonly catchTargets: readonly Piece[]
  readonly handler: TaskHandler | undefined
  readonly site: CallSite
  /** Parallel branches or the Map processor, emitted into nested States. */
  readonly nested: readonly Piece[]
  /** The `Comment` of each nested branch (ASL-SPEC §1): `branchComments()`, Map's `processorComment`. */
  readonly nestedComments?: readonly (string | undefined)[]
  /** The last processing step set, so a later call cannot reorder ASL's pipeline silently. */
  readonly stage: number
  /** Where references into the result start: `['Payload']` for an unwrapped Lambda invoke. */
  readonly resultPrefix: readonly PathSegment[]
  /** Parameters an integration fixes (`StateMachineArn`, `ApiEndpoint`, …); the user's are merged after them. */
  readonly preset?: ValueNode
}

const usesTaskToken = (node: ValueNode): boolean => {
  switch (node.kind) {
    case 'path':
      return node.root === 'context' && node.segments[0] === 'Task' && node.segments[1] === 'Token'
    case 'object':
      return node.entries.some(([, value]) => usesTaskToken(value))
    case 'array':
      return node.items.some(usesTaskToken)
    case 'intrinsic':
      return node.args.some(usesTaskToken)
    default:
      return false
  }
}

/** `$$.Task.Token` only exists for callback tasks and activities (ASL-SPEC §12.2). @internal */
export function checkTaskToken(
  node: TaskNode | PassNode | ParallelNode | MapNode,
  parameters: ValueNode,
): void {
  if (!usesTaskToken(parameters)) return
  const resource = node.kind === 'Task' ? node.resource : undefined
  const callback =
    resource !== undefined &&
    (resource.kind === 'activity' ||
      (resource.kind === 'arn' && resource.arn.endsWith('.waitForTaskToken')))
  if (!callback) {
    throw new DslError(
      'SFN107',
      `'${node.name}' passes the task token, but only .waitForTaskToken tasks and activities get one: wrap the definition with waitForTaskToken().`,
    )
  }
}

const describe = (node: StateNode): string => `${node.kind} state '${node.name}'`

const segmentsOfResultPath = (
  stateName: string,
  path: string | null,
): readonly PathSegment[] | null => {
  if (path === null) return null
  if (path === '$') return []
  const text = path.startsWith('$.') ? path.slice(2) : path
  const segments = text.split('.')
  if (segments.some((segment) => segment.length === 0)) {
    throw new DslError(
      'SFN104',
      `resultPath('${path}') on '${stateName}' is not a dotted field path: write it like 'payment' or 'order.payment'.`,
    )
  }
  return segments
}

const numberNode = <TData>(source: NumberSource<TData>): ValueNode =>
  typeof source === 'function'
    ? toValueNode(source(createRef('input'), createRef('context')))
    : toValueNode(source)

/**
 * A state with data processing (Task, Pass, Parallel, Map). Immutable: every method returns a new builder.
 * `TInput` is what the previous state must provide, `TOutput` what the next one gets, `TResult` the result
 * (after `resultSelector`) and `TContext` the raw input the callbacks read.
 * Methods that only some kinds have are refused by the type (`this:`) and at run time.
 * @example
 * start.task(charge, (t) => t.parameters((s) => ({ amount: s.total })).resultPath('payment').retry(['States.Timeout']))
 */
export class StateBuilder<
  TKind extends ProcessingKind,
  TInput,
  TOutput,
  TResult,
  TContext,
  TScope extends Scope = 'workflow',
> implements Chainable<TInput, TOutput> {
  declare readonly '~types'?: { readonly input: TInput; readonly output: TOutput }
  declare readonly '~kind'?: TKind
  declare readonly '~scope'?: TScope
  readonly #state: BuilderState

  /** @internal */
  constructor(state: BuilderState) {
    this.#state = state
  }

  /** The state's name. */
  get name(): string {
    return this.#state.node.name
  }

  /** @internal */
  get '~piece'(): Piece {
    return new StatePiece(this, this.#state)
  }

  #with(
    patch: object,
    stage?: Stage,
    catchTargets: readonly Piece[] = this.#state.catchTargets,
  ): BuilderState {
    const { node } = this.#state
    let next = this.#state.stage
    if (stage !== undefined) {
      const index = STAGES.indexOf(stage) + 1
      if (stage === 'parameters' && node.kind === 'Pass' && node.assign !== undefined) {
        // assign() read the input as the result; with parameters() its `r` would be what they build.
        throw new DslError(
          'SFN104',
          `parameters() on Pass '${node.name}' comes after assign(): call parameters() first, so that assign() reads the result it builds.`,
        )
      }
      if (stage === 'parameters' && node.kind === 'Pass' && node.result !== undefined) {
        throw new DslError(
          'SFN104',
          `Pass '${node.name}' has a result, so it cannot also take parameters(): use one of them.`,
        )
      }
      if (index <= this.#state.stage) {
        throw new DslError(
          'SFN104',
          `${stage}() on '${node.name}' comes after ${STAGES[this.#state.stage - 1]}(): call each of parameters(), resultSelector(), resultPath(), outputPath() at most once, in that order (ASL applies them in that order).`,
        )
      }
      next = index
    }
    // PERF: V8's fast clone, then the patch's fields (`{ ...node, ...patch }` is a runtime call).
    const copy: Record<string, unknown> = { ...node }
    for (const key in patch) copy[key] = (patch as Record<string, unknown>)[key]
    return {
      ...this.#state,
      node: Object.freeze(copy) as unknown as BuilderState['node'],
      stage: next,
      catchTargets,
    }
  }

  #only(method: string, kinds: readonly ProcessingKind[]): void {
    if (!kinds.includes(this.#state.node.kind)) {
      throw new DslError(
        'SFN104',
        `${method}() does not apply to ${describe(this.#state.node)}: ASL allows it on ${kinds.join(', ')} states only.`,
      )
    }
  }

  /**
   * Builds the effective input from the raw input (`Parameters` in JSONPath, `Arguments` in JSONata); a bare
   * reference selects part of the input (`InputPath`). For a Task it must fit the task's input schema; for a
   * Pass it is the state's result.
   * @example
   * chain.task(charge, (t) => t.parameters((s) => ({ orderId: s.order.id, amount: s.order.total })))
   * // "Parameters": { "orderId.$": "$.order.id", "amount.$": "$.order.total" }
   */
  parameters<TMade>(
    this: StateBuilder<'Pass', TInput, TOutput, TResult, TContext, TScope>,
    build: (s: Ref<TContext>, context: Ref<ContextObject>) => ReadableIn<TScope, TMade>,
  ): StateBuilder<
    TKind,
    TContext,
    Resolved<TMade>,
    Resolved<TMade>,
    TContext,
    Marked<TScope, ReadMark<TMade>>
  >
  parameters<TMade extends Template<TInput>>(
    // A Pass reaches this overload only when its own refused the template (ReadableIn): say why.
    this: [TKind] extends ['Pass']
      ? DslTypeError<'A Distributed Map iteration cannot read outer variables: pass the value in itemSelector() and read it from the iteration input.'>
      : StateBuilder<'Task' | 'Parallel', TInput, TOutput, TResult, TContext, TScope>,
    build: (s: Ref<TContext>, context: Ref<ContextObject>) => ReadableIn<TScope, TMade>,
  ): StateBuilder<TKind, TContext, TOutput, TResult, TContext, Marked<TScope, ReadMark<TMade>>>
  parameters(build: (s: Ref<TContext>, context: Ref<ContextObject>) => unknown): unknown {
    this.#only('parameters', ['Task', 'Pass', 'Parallel'])
    let parameters = toValueNode(build(createRef('input'), createRef('context')))
    const { preset } = this.#state
    if (preset?.kind === 'object') {
      if (parameters.kind !== 'object') {
        throw new DslError(
          'SFN104',
          `parameters() on '${this.name}' must build an object: the integration adds its own fields to it.`,
        )
      }
      const own = new Set(parameters.entries.map(([key]) => key))
      parameters = {
        kind: 'object',
        entries: [...preset.entries.filter(([key]) => !own.has(key)), ...parameters.entries],
      }
    }
    checkTaskToken(this.#state.node, parameters)
    return new StateBuilder(this.#with({ parameters }, 'parameters'))
  }

  /**
   * Reshapes the result before it is placed (`ResultSelector`): an object template over the result.
   * @example
   * task(charge).resultSelector((r) => ({ id: r.paymentId })) // "ResultSelector": { "id.$": "$.paymentId" }
   */
  resultSelector<TSelected>(
    this: StateBuilder<Catching, TInput, TOutput, TResult, TContext, TScope>,
    build: (result: Ref<TResult>, context: Ref<ContextObject>) => ReadableIn<TScope, TSelected>,
  ): StateBuilder<
    TKind,
    TInput,
    Resolved<TSelected>,
    Resolved<TSelected>,
    TContext,
    Marked<TScope, ReadMark<TSelected>>
  > {
    const self = this as unknown as StateBuilder<TKind, TInput, TOutput, TResult, TContext, TScope>
    self.#only('resultSelector', ['Task', 'Parallel', 'Map'])
    const selected = build(createRef('result', self.#state.resultPrefix), createRef('context'))
    return new StateBuilder(self.#with({ resultSelector: toValueNode(selected) }, 'resultSelector'))
  }

  /**
   * Places the result in the raw input instead of replacing it (`ResultPath`): `'payment'` adds or overwrites
   * that field, `null` discards the result. The output type changes accordingly.
   * @example
   * task(charge).resultPath('payment') // "ResultPath": "$.payment" → output: Input & { payment: Result }
   */
  resultPath<TPath extends string>(
    path: TPath,
  ): StateBuilder<
    TKind,
    TInput,
    unknown extends TContext ? ResultAt<TPath, TResult> : SetPath<TContext, TPath, TResult>,
    TResult,
    TContext,
    TScope
  >
  resultPath(
    path: null,
  ): StateBuilder<
    TKind,
    TInput,
    unknown extends TContext ? Passthrough : TContext,
    TResult,
    TContext,
    TScope
  >
  resultPath(path: string | null): StateBuilder<TKind, TInput, unknown, TResult, TContext, TScope> {
    const resultPath = segmentsOfResultPath(this.name, path)
    return new StateBuilder(this.#with({ resultPath }, 'resultPath'))
  }

  /**
   * Selects the output from the data after `resultPath` (`OutputPath`).
   * @example
   * task(charge).resultPath('payment').outputPath((d) => d.payment) // "OutputPath": "$.payment"
   */
  outputPath<TSelected>(
    select: (data: Ref<TOutput>) => ValueRef<TSelected>,
  ): StateBuilder<TKind, TInput, TSelected, TResult, TContext, TScope> {
    const path = pathOf(select(createRef('input')))
    if (path.root !== 'input') {
      throw new DslError(
        'SFN107',
        `outputPath() on '${this.name}' must select from the callback's argument.`,
      )
    }
    return new StateBuilder(this.#with({ outputPath: path.segments }, 'outputPath'))
  }

  /**
   * Sets a workflow variable when the state completes (`Assign`). Task, Parallel and Map read their raw
   * result (`r`, before ResultSelector, so call assign() before resultSelector()); a Pass reads what its
   * parameters()/result make (its input when it makes nothing), as AWS evaluates a JSONPath Pass's Assign. In
   * JSONata they may also read the input (`s`).
   * @example
   * const paymentId = variable<string>('paymentId')
   * task(charge).assign(paymentId, (r) => r.paymentId) // "Assign": { "paymentId.$": "$.paymentId" }
   */
  assign<TValue, TMade extends Template<TValue>, TVariable = ValueRef<TValue>>(
    // TVariable captures the variable's kind: a standalone builder records that it assigns an outer one.
    target: TVariable & ValueRef<TValue> & AssignableIn<TScope>,
    value: (
      // A Pass's result is what it makes (parameters()/result), or its input when it makes none.
      result: Ref<
        TKind extends 'Pass' ? ([TResult] extends [Passthrough] ? TContext : TResult) : TResult
      >,
      s: Ref<TContext>,
      context: Ref<ContextObject>,
    ) => ReadableIn<TScope, TMade>,
  ): StateBuilder<
    TKind,
    TInput,
    TOutput,
    TResult,
    TContext,
    Marked<TScope, AssignMark<TVariable> | ReadMark<TMade>>
  > {
    const name = variableName(target)
    const isPass = this.#state.node.kind === 'Pass'
    if (!isPass && this.#state.stage >= STAGES.indexOf('resultSelector') + 1) {
      throw new DslError(
        'SFN104',
        `assign() on '${this.name}' comes after resultSelector(), but Assign reads the raw result (before ResultSelector): call assign() first.`,
      )
    }
    const { node } = this.#state
    const passMakes =
      node.kind === 'Pass' && (node.result !== undefined || node.parameters !== undefined)
    const made = toValueNode(
      value(
        isPass && !passMakes
          ? createRef('input')
          : createRef('result', isPass ? [] : this.#state.resultPrefix),
        createRef('input'),
        createRef('context'),
      ),
    )
    const previous = this.#state.node.assign
    const entries =
      previous?.kind === 'object' ? previous.entries.filter(([key]) => key !== name) : []
    return new StateBuilder(
      this.#with({ assign: { kind: 'object', entries: [...entries, [name, made]] } }),
    )
  }

  /**
   * Retries this state when it fails with one of `errors`. Retriers are tried in the order they are declared.
   * @example
   * task(processPayment).retry(['Lambda.Timeout'], { intervalSeconds: 15, maxAttempts: 3, backoffRate: 2 })
   * // "Retry": [{ "ErrorEquals": ["Lambda.Timeout"], "IntervalSeconds": 15, "MaxAttempts": 3, "BackoffRate": 2 }]
   */
  retry(
    this: StateBuilder<Catching, TInput, TOutput, TResult, TContext, TScope>,
    errors: readonly ErrorName[],
    options: RetryOptions = {},
  ): StateBuilder<TKind, TInput, TOutput, TResult, TContext, TScope> {
    const self = this as unknown as StateBuilder<TKind, TInput, TOutput, TResult, TContext, TScope>
    self.#only('retry', CATCHING)
    const policy = retryPolicy(this.name, errors, options)
    const node = self.#state.node as TaskNode
    return new StateBuilder(
      self.#with({ retry: Object.freeze(appended(node.retry, Object.freeze(policy))) }),
    )
  }

  /**
   * When this state fails with one of `errors` (after its retries), continues with `handler`, which receives
   * `{ Error, Cause }` (or the input with it at `resultPath`). Handlers' open ends end the workflow.
   * @example
   * task(processPayment).catch(['States.ALL'], fail('PaymentFailureHandler', { error: 'PaymentProcessingError' }))
   * // "Catch": [{ "ErrorEquals": ["States.ALL"], "Next": "PaymentFailureHandler" }]
   */
  catch<
    TBuilt extends Chainable<any, any>, // eslint-disable-line @typescript-eslint/no-explicit-any
    TPath extends string | null = never,
    TAssigned extends readonly Assignment[] = never,
  >(
    this: StateBuilder<Catching, TInput, TOutput, TResult, TContext, TScope>,
    errors: readonly ErrorName[],
    // The handler runs in this state's scope (its States object): a nested one checks it at once.
    handler: (
      caught: Chain<CatchOutput<TContext, TPath>, CatchOutput<TContext, TPath>, TScope>,
    ) => TBuilt,
    options?: CatchOptions<TPath, TScope, TAssigned>,
  ): StateBuilder<
    TKind,
    TInput,
    TOutput,
    TResult,
    TContext,
    Marked<TScope, MarksOf<TBuilt> | AssignmentMarks<TAssigned>>
  >
  catch<
    THandler extends Chainable<any, any>, // eslint-disable-line @typescript-eslint/no-explicit-any
    TPath extends string | null = never,
    TAssigned extends readonly Assignment[] = never,
  >(
    this: StateBuilder<Catching, TInput, TOutput, TResult, TContext, TScope>,
    errors: readonly ErrorName[],
    // A function handler is accepted here too: when the first overload fails only on `options`, this (the
    // last) overload's error is what tsc shows, and it then lands on the `assign`, not on the handler.
    handler:
      | ScopeFits<TScope, THandler, FitsCatch<CatchOutput<TContext, TPath>, THandler>>
      | ((
          caught: Chain<CatchOutput<TContext, TPath>, CatchOutput<TContext, TPath>, TScope>,
        ) => Chainable<any, any>), // eslint-disable-line @typescript-eslint/no-explicit-any
    options?: CatchOptions<TPath, TScope, TAssigned>,
  ): StateBuilder<
    TKind,
    TInput,
    TOutput,
    TResult,
    TContext,
    Marked<TScope, MarksOf<THandler> | AssignmentMarks<TAssigned>>
  >
  catch(
    errors: readonly ErrorName[],
    handler: unknown,
    options: {
      readonly resultPath?: string | null
      readonly assign?: (error: Ref<CaughtError>, context: Ref<ContextObject>) => unknown
      readonly comment?: string
    } = {},
  ): unknown {
    const self = this
    self.#only('catch', CATCHING)
    const target = resolveTarget(handler)
    // PERF: optional fields written one by one (a conditional spread allocates and calls the runtime).
    const clause: { -readonly [K in keyof CatchClause]: CatchClause[K] } = {
      errors: checkErrors(this.name, 'catch', errors),
      next: target.startName,
    }
    if (options.resultPath !== undefined) {
      clause.resultPath = segmentsOfResultPath(this.name, options.resultPath)
    }
    if (options.assign !== undefined) {
      clause.assign = assignNode(
        options.assign(createRef('errorOutput'), createRef('context')) as readonly Assignment[],
      )
    }
    if (options.comment !== undefined) clause.comment = options.comment
    const node = self.#state.node as TaskNode
    return new StateBuilder(
      self.#with(
        { catch: Object.freeze(appended(node.catch, Object.freeze(clause))) },
        undefined,
        appended(self.#state.catchTargets, target),
      ),
    )
  }

  /**
   * Fails the task with `States.Timeout` when it runs longer (`TimeoutSeconds`, or `TimeoutSecondsPath`).
   * @example
   * task(approve).timeout(3600) // "TimeoutSeconds": 3600
   */
  timeout(
    this: StateBuilder<'Task', TInput, TOutput, TResult, TContext, TScope>,
    seconds: NumberSource<TContext>,
  ): StateBuilder<TKind, TInput, TOutput, TResult, TContext, TScope> {
    const self = this as unknown as StateBuilder<TKind, TInput, TOutput, TResult, TContext, TScope>
    self.#only('timeout', ['Task'])
    return new StateBuilder(self.#with({ timeout: numberNode(seconds) }))
  }

  /**
   * Fails the task with `States.HeartbeatTimeout` when no heartbeat arrives in time (`HeartbeatSeconds`).
   * @example
   * task(approve).timeout(3600).heartbeat(60) // "HeartbeatSeconds": 60
   */
  heartbeat(
    this: StateBuilder<'Task', TInput, TOutput, TResult, TContext, TScope>,
    seconds: NumberSource<TContext>,
  ): StateBuilder<TKind, TInput, TOutput, TResult, TContext, TScope> {
    const self = this as unknown as StateBuilder<TKind, TInput, TOutput, TResult, TContext, TScope>
    self.#only('heartbeat', ['Task'])
    return new StateBuilder(self.#with({ heartbeat: numberNode(seconds) }))
  }

  /**
   * Runs the task with another IAM role (`Credentials`).
   * @example
   * task(copy).credentials('arn:aws:iam::123456789012:role/Copier') // "Credentials": { "RoleArn": "arn:aws:iam::…" }
   */
  credentials(
    this: StateBuilder<'Task', TInput, TOutput, TResult, TContext, TScope>,
    roleArn: string | ((s: Ref<TContext>) => ValueRef<string>),
  ): StateBuilder<TKind, TInput, TOutput, TResult, TContext, TScope> {
    const self = this as unknown as StateBuilder<TKind, TInput, TOutput, TResult, TContext, TScope>
    self.#only('credentials', ['Task'])
    const role = typeof roleArn === 'function' ? roleArn(createRef('input')) : roleArn
    return new StateBuilder(self.#with({ credentials: toValueNode({ RoleArn: role }) }))
  }

  /**
   * Sets the state's `Comment`.
   * @example
   * task(processPayment).comment('Charges the card') // "Comment": "Charges the card"
   */
  comment(text: string): StateBuilder<TKind, TInput, TOutput, TResult, TContext, TScope> {
    return new StateBuilder(this.#with({ comment: text }))
  }

  /**
   * Sets the `Comment` of each Parallel branch, in the order of the branches (`undefined` leaves one out).
   * @example
   * start.parallel('Both', [(b) => b.task(reserve), (b) => b.task(charge)], (p) =>
   *   p.branchComments('holds the stock', 'takes the payment'))
   * // "Branches": [{ "Comment": "holds the stock", "StartAt": "Reserve", … }, { "Comment": "takes the payment", … }]
   */
  branchComments(
    this: StateBuilder<'Parallel', TInput, TOutput, TResult, TContext, TScope>,
    ...comments: readonly (string | undefined)[]
  ): StateBuilder<TKind, TInput, TOutput, TResult, TContext, TScope> {
    const self = this as unknown as StateBuilder<TKind, TInput, TOutput, TResult, TContext, TScope>
    self.#only('branchComments', ['Parallel'])
    if (comments.length > self.#state.nested.length) {
      throw new DslError(
        'SFN104',
        `branchComments() on '${this.name}' gives ${comments.length} comments for ${self.#state.nested.length} branches: give at most one per branch, in order.`,
      )
    }
    return new StateBuilder({ ...self.#with({}), nestedComments: comments })
  }

  /**
   * Writes this state in `language` whatever the workflow uses (`"QueryLanguage"` on the state).
   * @example
   * task(charge).queryLanguage('JSONata') // "QueryLanguage": "JSONata", "Arguments": …, "Output": …
   */
  queryLanguage(
    language: QueryLanguage,
  ): StateBuilder<TKind, TInput, TOutput, TResult, TContext, TScope> {
    if (language !== 'JSONPath' && language !== 'JSONata') {
      throw new DslError(
        'SFN104',
        `Query language '${String(language)}' is unknown: use 'JSONPath' or 'JSONata'.`,
      )
    }
    return new StateBuilder(this.#with({ queryLanguage: language }))
  }

  /**
   * Runs `target` after this state. Its input schema must accept this state's output.
   * @example
   * task(processPayment).next(task(checkInventory)) // "ProcessPayment": { …, "Next": "CheckInventory" }
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  next<TTarget extends Chainable<any, any>>(
    target: ScopeFits<TScope, TTarget, Fits<DataOf<TInput, TOutput>, TTarget>>,
  ): NextChain<TInput, TOutput, TTarget, Marked<TScope, MarksOf<TTarget>>> {
    return chainAfter(this['~piece'], target as TTarget) as unknown as NextChain<
      TInput,
      TOutput,
      TTarget,
      Marked<TScope, MarksOf<TTarget>>
    >
  }
}

/**
 * The piece of one state builder. A class, not an object literal with an arrow: pieces are made for every
 * state of every build, and a method costs nothing per piece (tsx names each closure it creates).
 */
class StatePiece implements Piece {
  readonly isOpen = true
  readonly #owner: object
  readonly #state: BuilderState

  constructor(owner: object, state: BuilderState) {
    this.#owner = owner
    this.#state = state
  }

  get startName(): string {
    return this.#state.node.name
  }

  get description(): string {
    return describe(this.#state.node)
  }

  emit(ctx: EmitContext, next: string | undefined): void {
    const { node, catchTargets, handler, site, nested } = this.#state
    const owner = this.#owner
    // Not frozen here: `ctx.add` adds the lazy `source` to this very object and freezes it (no second copy).
    let linked: StateNode = next === undefined ? node : ({ ...node, next } as StateNode)
    const earlier = ctx.emittedBy(owner, node.name)
    if (earlier !== undefined) {
      // Reused as a shared target: compare transitions only; its branches were emitted the first time.
      // Only its name and `next` are read on this path; spreading `earlier` would resolve its source.
      ctx.add(owner, { kind: earlier.kind, name: earlier.name, next } as StateNode, site)
      return
    }
    if (nested.length > 0) {
      const comments = this.#state.nestedComments
      const branches = nested.map((piece, index): BranchNode => {
        const child = ctx.child()
        piece.emit(child, undefined)
        const comment = comments?.[index]
        return Object.freeze({
          ...(comment === undefined ? {} : { comment }),
          startAt: piece.startName,
          states: Object.freeze(child.finish()),
        })
      })
      linked =
        linked.kind === 'Map'
          ? { ...linked, processor: branches[0] as BranchNode }
          : { ...(linked as ParallelNode), branches: Object.freeze(branches) }
    }
    if (!ctx.add(owner, linked, site)) return
    if (handler !== undefined) ctx.handlers[node.name] = handler
    for (const target of catchTargets) ctx.deferPiece(target)
  }
}
