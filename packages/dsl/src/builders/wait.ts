import type { QueryLanguage } from '@statewright/asl'
import {
  type Assignment,
  type AssignmentMarks,
  type AssignmentsIn,
  assignNode,
} from '../assignments.ts'
import type { ContextObject } from '../context-object.ts'
import { DslError } from '../errors.ts'
import type { DataOf, Fits, Passthrough } from '../infer.ts'
import type { z, ZodType } from 'zod'
import type { NextChain } from './chain.ts'
import type { WaitNode } from '../ir/wait-node.ts'
import { createRef, pathOf, type Ref, type RefValue, type ValueRef } from '../ref.ts'
import { CallSite } from '../source.ts'
import { type Expression, toValueNode } from '../template.ts'
import { chainAfter } from './chain.ts'
import { type Chainable, checkStateName, type EmitContext, type Piece } from './piece.ts'
import type { Marked, MarksOf, ReadableIn, ReadMark, Scope } from '../variables.ts'

// A literal, an expression, or a callback whose result `TMade` is captured so the scope can refuse a
// workflow variable in it (ReadableIn: only inside a Distributed Map iteration).
type Source<TData, T, TScope extends Scope, TMade> =
  T | Expression<T> | ((s: Ref<TData>, context: Ref<ContextObject>) => ReadableIn<TScope, TMade>)

/** What a Wait's `seconds` callback may return. */
export type SecondsSource = ValueRef<number> | Expression<number>
/** What a Wait's `timestamp` callback may return. */
export type TimestampSource = ValueRef<string | Date> | Expression<string | Date>

/**
 * Options of `wait()`: exactly one of `seconds` and `timestamp`. `TData` is what the callbacks read (the
 * part `inputPath` selects, or the whole input); `TScope` and the captured results (`TSeconds`,
 * `TTimestamp`, `TAssigned`) let a Parallel branch or Map iteration refuse what AWS's variable scopes forbid.
 */
export type WaitOptions<
  TData = unknown,
  TScope extends Scope = 'workflow',
  TSeconds = SecondsSource,
  TTimestamp = TimestampSource,
  TAssigned extends readonly Assignment[] = readonly Assignment[],
> = (
  | { readonly seconds: Source<TData, number, TScope, TSeconds>; readonly timestamp?: never }
  | {
      readonly timestamp: Source<TData, string | Date, TScope, TTimestamp>
      readonly seconds?: never
    }
) & {
  readonly comment?: string
  readonly queryLanguage?: QueryLanguage
  /** Variables to set when the wait ends: `(s) => [set(variable, value), …]`. */
  readonly assign?: (s: Ref<TData>, context: Ref<ContextObject>) => AssignmentsIn<TScope, TAssigned>
}

/**
 * Options of a Wait that also shapes its output: `outputPath` keeps the part of the input it selects
 * (`OutputPath` in JSONPath, `Output` in JSONata), and the next state gets that part's type.
 */
export type WaitOutputOptions<TData, TSelected> = WaitOptions<TData> & {
  readonly outputPath: (s: Ref<TData>) => ValueRef<TSelected>
}

/**
 * The options `chain.wait()` (and `wait()` with an `input` schema) take: `inputPath` first (it types what
 * the other callbacks read), then `seconds` or `timestamp`, `assign`, `outputPath`.
 */
export type ChainWaitOptions<
  TInput,
  TPartRef extends ValueRef<unknown>,
  TScope extends Scope,
  TSelected,
  TSeconds,
  TTimestamp,
  TAssigned extends readonly Assignment[],
> = {
  /**
   * Selects the part of the input the Wait reads and passes on (`InputPath`; JSONPath only: in JSONata
   * read the part directly). Write it first: `seconds`, `timestamp`, `assign` and `outputPath` read the part.
   */
  readonly inputPath?: (s: Ref<TInput>) => TPartRef
  /** Keeps the part of the (selected) input it picks: `OutputPath` (JSONPath) / `Output` (JSONata). */
  readonly outputPath?: (s: Ref<RefValue<TPartRef>>) => ReadableIn<TScope, TSelected>
} & WaitOptions<RefValue<TPartRef>, TScope, TSeconds, TTimestamp, TAssigned>

/**
 * The marks a standalone Wait records (see `Marked`): its seconds/timestamp/outputPath reading a workflow
 * variable, its assign setting or reading one.
 */
export type WaitMarks<TSeconds, TTimestamp, TSelected, TAssigned extends readonly Assignment[]> =
  ReadMark<TSeconds | TTimestamp | TSelected> | AssignmentMarks<TAssigned>

/**
 * What follows a Wait: the part `outputPath` selects, or its effective input (what `TPartRef`, the
 * `inputPath` reference, points to). Captured as a reference, not as its value type: a contextual return
 * type (a branch callback's `Chainable<any, any>`) could otherwise infer the part as `any`, and a NoInfer
 * guard would stay in the chain's output type (costly and unreadable).
 */
export type WaitOutput<TPartRef, TSelected> = [TSelected] extends [never]
  ? RefValue<TPartRef>
  : TSelected extends ValueRef<infer TValue>
    ? TValue
    : RefValue<TPartRef>

// RFC 3339 with a zone, as AWS checks literal Timestamps at create time (ASL-SPEC §3.4).
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

const sourceNode = (value: unknown): ReturnType<typeof toValueNode> =>
  toValueNode(
    typeof value === 'function'
      ? (value as (s: unknown, c: unknown) => unknown)(createRef('input'), createRef('context'))
      : value instanceof Date
        ? value.toISOString()
        : value,
  )

/**
 * A Wait state: its effective input (the whole input, or the part `inputPath` selects) passes through after
 * the wait, or the part its `outputPath` selects.
 */
export class WaitBuilder<
  TOutput = Passthrough,
  TInput = unknown,
  TScope extends Scope = 'workflow',
> implements Chainable<TInput, TOutput> {
  declare readonly '~types'?: { readonly input: TInput; readonly output: TOutput }
  declare readonly '~scope'?: TScope
  readonly #node: WaitNode
  readonly #site: CallSite

  /** @internal */
  constructor(node: WaitNode, site: CallSite) {
    this.#node = node
    this.#site = site
  }

  /** @internal */
  get '~piece'(): Piece {
    const node = this.#node
    return {
      startName: node.name,
      isOpen: true,
      description: `Wait state '${node.name}'`,
      emit: (ctx: EmitContext, next: string | undefined): void => {
        ctx.add(this, next === undefined ? node : Object.freeze({ ...node, next }), this.#site)
      },
    }
  }

  /**
   * Runs `target` after the wait.
   * @example
   * wait('Pause', { seconds: 3 }).next(task(poll)) // "Pause": { "Type": "Wait", "Seconds": 3, "Next": "Poll" }
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  next<TTarget extends Chainable<any, any>>(
    target: Fits<DataOf<TInput, TOutput>, TTarget>,
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
 * A Wait state, in one of its four forms: `seconds` or `timestamp`, each a literal or read from the data.
 * @example
 * wait('Pause', { seconds: 3 })                          // "Seconds": 3
 * wait('Until', { timestamp: '2026-01-01T00:00:00Z' })   // "Timestamp": "2026-01-01T00:00:00Z"
 * start.wait('Cool', { seconds: 5, outputPath: (s) => s.result }) // "OutputPath": "$.result" (JSONata: "Output")
 * wait('Hold', { input: Job, inputPath: (s) => s.timer, seconds: (s) => s.delay }) // "InputPath": "$.timer"
 */
export function wait<
  TSchema extends ZodType,
  TPartRef extends ValueRef<unknown> = ValueRef<z.input<TSchema>>,
  TSelected extends ValueRef<unknown> = never,
  TSeconds extends SecondsSource = SecondsSource,
  TTimestamp extends TimestampSource = TimestampSource,
  TAssigned extends readonly Assignment[] = never,
>(
  name: string,
  options: { readonly input: TSchema } & ChainWaitOptions<
    z.input<TSchema>,
    TPartRef,
    'workflow',
    TSelected,
    TSeconds,
    TTimestamp,
    TAssigned
  >,
): WaitBuilder<
  WaitOutput<TPartRef, TSelected>,
  z.input<TSchema>,
  Marked<'workflow', WaitMarks<TSeconds, TTimestamp, TSelected, TAssigned>>
>
export function wait<
  TData = unknown,
  TSelected extends ValueRef<unknown> = never,
  TSeconds extends SecondsSource = SecondsSource,
  TTimestamp extends TimestampSource = TimestampSource,
  TAssigned extends readonly Assignment[] = never,
>(
  name: string,
  options: {
    readonly outputPath?: (s: Ref<TData>) => ReadableIn<'workflow', TSelected>
  } & WaitOptions<TData, 'workflow', TSeconds, TTimestamp, TAssigned>,
): WaitBuilder<
  [TSelected] extends [never] ? Passthrough : RefValue<TSelected>,
  unknown,
  Marked<'workflow', WaitMarks<TSeconds, TTimestamp, TSelected, TAssigned>>
>
export function wait<TData, TSelected>(
  name: string,
  options: WaitOutputOptions<TData, TSelected>,
): WaitBuilder<TSelected>
export function wait<TData = unknown>(name: string, options: WaitOptions<TData>): WaitBuilder
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function wait(name: string, options: WaitOptions<any>): WaitBuilder<any, any, any> {
  checkStateName(name)
  const { seconds, timestamp } = options as { seconds?: unknown; timestamp?: unknown }
  if ((seconds === undefined) === (timestamp === undefined)) {
    throw new DslError('SFN104', `Wait '${name}' needs exactly one of seconds and timestamp.`)
  }
  if (typeof seconds === 'number' && !(Number.isInteger(seconds) && seconds >= 0)) {
    throw new DslError(
      'SFN104',
      `Wait '${name}' has seconds ${seconds}; it must be a non-negative integer.`,
    )
  }
  const literal = timestamp instanceof Date ? timestamp.toISOString() : timestamp
  if (typeof literal === 'string' && !RFC3339.test(literal)) {
    throw new DslError(
      'SFN104',
      `Wait '${name}' has timestamp '${literal}', which is not RFC 3339: write it like '2026-01-01T00:00:00Z'.`,
    )
  }
  const inputPath = (options as { inputPath?: (s: unknown) => unknown }).inputPath
  const part = inputPath === undefined ? undefined : pathOf(inputPath(createRef('input')) as never)
  if (part !== undefined && part.root !== 'input') {
    throw new DslError('SFN107', `inputPath of Wait '${name}' must select from the state's input.`)
  }
  const outputPath = (options as { outputPath?: (s: unknown) => unknown }).outputPath
  const selected = outputPath?.(createRef('input'))
  const path = selected === undefined ? undefined : pathOf(selected as ValueRef<unknown>)
  if (path !== undefined && path.root !== 'input') {
    throw new DslError('SFN107', `outputPath of Wait '${name}' must select from the state's input.`)
  }
  const node: WaitNode = Object.freeze({
    kind: 'Wait',
    name,
    ...(part === undefined ? {} : { parameters: part }),
    ...(path === undefined ? {} : { outputPath: path.segments }),
    ...(seconds === undefined ? {} : { seconds: sourceNode(seconds) }),
    ...(timestamp === undefined ? {} : { timestamp: sourceNode(timestamp) }),
    ...(options.comment === undefined ? {} : { comment: options.comment }),
    ...(options.queryLanguage === undefined ? {} : { queryLanguage: options.queryLanguage }),
    ...(options.assign === undefined
      ? {}
      : {
          assign: assignNode(
            options.assign(createRef('input') as never, createRef('context') as never),
          ),
        }),
  })
  return new WaitBuilder(node, new CallSite())
}
