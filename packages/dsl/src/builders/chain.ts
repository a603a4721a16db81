import type { z, ZodType } from 'zod'
import type { TaskDefinition } from '../define-task.ts'
import { DslError } from '../errors.ts'
import type { DataOf, Fits, NextInput, OutputOf, ResolveOutput } from '../infer.ts'
import type { Assignment } from '../assignments.ts'
import type { ValueRef } from '../ref.ts'
import type { Resolved } from '../template.ts'
import type { DslTypeError, MisfitFields } from '../type-utils.ts'
import type { Marked, MarksOf, ReadMark, Scope, ScopeFits } from '../variables.ts'
import { ChoiceBuilder } from './choice.ts'
import { fail, type FailBuilder, type FailOptions, type StringSource } from './fail.ts'
import {
  type IterationScope,
  map,
  type MapOptions,
  type MapOutput,
  type OptionKeys,
  type ProcessFits,
} from './map.ts'
import {
  type BranchesFit,
  parallel,
  type ParallelOptions,
  type ParallelOutput,
  type ParallelWith,
  type Target,
} from './parallel.ts'
import { pass } from './pass.ts'
import { type Chainable, type EmitContext, type Piece, pieceOf } from './piece.ts'
import type { StateBuilder } from './state.ts'
import { succeed, type SucceedBuilder, type SucceedOptions } from './succeed.ts'
import { task } from './task.ts'
import {
  type ChainWaitOptions,
  type SecondsSource,
  type TimestampSource,
  wait,
  type WaitMarks,
  type WaitOutput,
} from './wait.ts'

/**
 * A chain that ends in Succeed or Fail on every path: nothing can follow it, so it has no `next()`. A
 * standalone one keeps its marks in `TScope` (see `Marked`). The chain methods are typed as the sentence
 * (a type, not callable), so `start.succeed('Done').task(charge)` reads why instead of "Property 'task'
 * does not exist on type 'ClosedChain'".
 * @example
 * const done: ClosedChain<Order> = start.succeed('Done') // done.next(…) is a type error: the sentence
 */
export interface ClosedChain<TInput, TScope extends Scope = 'workflow'> extends Chainable<
  TInput,
  never
> {
  readonly '~scope'?: TScope
  readonly next: DslTypeError<ChainEnded>
  readonly task: DslTypeError<ChainEnded>
  readonly pass: DslTypeError<ChainEnded>
  readonly choice: DslTypeError<ChainEnded>
  readonly wait: DslTypeError<ChainEnded>
  readonly parallel: DslTypeError<ChainEnded>
  readonly map: DslTypeError<ChainEnded>
  readonly succeed: DslTypeError<ChainEnded>
  readonly fail: DslTypeError<ChainEnded>
}

/**
 * The sentence a closed chain's methods show when one is called (a literal, so tsc prints it, not a name).
 * @example
 * type Why = DslTypeError<ChainEnded> // the type of ClosedChain's next(), task(), …
 */
export type ChainEnded =
  'This chain has ended (Succeed or Fail, or a Choice whose every branch ends): no state can follow it. Add the state before the end, or inside a Choice branch that does not end.'

/** The chain `next()` returns: closed when the new state ends every path. PERF: O(1), no recursion. */
export type NextChain<TInput, TOutput, TTarget, TScope extends Scope = 'workflow'> = ChainAfter<
  NextInput<TInput, TOutput, TTarget>,
  ResolveOutput<TOutput, OutputOf<TTarget>>,
  TScope
>
type ChainAfter<TInput, TOutput, TScope extends Scope> = [TOutput] extends [never]
  ? ClosedChain<TInput, TScope>
  : Chain<TInput, TOutput, TScope>

/** Refuses a task definition whose input schema does not accept the data at this point. */
export type FitsInput<TData, TTaskInput> = [TData] extends [TTaskInput]
  ? unknown
  : DslTypeError<
      "This task's input schema does not accept the previous state's output: map it with parameters().",
      MisfitFields<TData, TTaskInput>
    >

// A persistent list from the last piece back to the first: next() shares the list instead of copying it.
interface Link {
  readonly piece: Piece
  readonly previous: Link | undefined
  readonly first: Piece
}

const piecesOf = (last: Link): Piece[] => {
  const pieces: Piece[] = []
  for (let link: Link | undefined = last; link !== undefined; link = link.previous)
    pieces.push(link.piece)
  return pieces.reverse()
}

class ChainPiece implements Piece {
  readonly #last: Link
  constructor(last: Link) {
    this.#last = last
  }
  get startName(): string {
    return this.#last.first.startName
  }
  get isOpen(): boolean {
    return this.#last.piece.isOpen
  }
  get description(): string {
    return this.#last.piece.description
  }
  emit(ctx: EmitContext, next: string | undefined): void {
    const pieces = piecesOf(this.#last)
    pieces.forEach((piece, index) => piece.emit(ctx, pieces[index + 1]?.startName ?? next))
  }
}

/** A target given as a builder, a chain, or a function of a fresh chain typed by the data it receives. @internal */
export function resolveTarget(target: unknown): Piece {
  if (typeof target === 'function') {
    return pieceOf(
      (target as (start: Chain<unknown, unknown>) => Chainable<unknown, unknown>)(
        new Chain(undefined),
      ),
    )
  }
  return pieceOf(target as Chainable<unknown, unknown>)
}

/**
 * States run one after another. `next()` appends a state (or another chain) after every open end of this
 * one, and checks at compile time that the new state accepts this chain's output. The state methods
 * (`task`, `pass`, `choice`, `wait`, `parallel`, `map`, `succeed`, `fail`) append a state whose callbacks
 * read this chain's output, typed.
 * @example
 * task(chargeCard).next(task(sendReceipt))
 * // "ChargeCard": { …, "Next": "SendReceipt" }, "SendReceipt": { …, "End": true }
 */
export class Chain<TInput, TOutput, TScope extends Scope = 'workflow'> implements Chainable<
  TInput,
  TOutput
> {
  declare readonly '~scope'?: TScope
  declare readonly '~types'?: { readonly input: TInput; readonly output: TOutput }
  readonly #last: Link | undefined

  /** @internal */
  constructor(last: Link | undefined) {
    this.#last = last
  }

  /** @internal */
  get '~piece'(): Piece {
    if (this.#last === undefined) {
      throw new DslError(
        'SFN106',
        'This chain has no state yet: add one with start.next(task(…)) before using it.',
      )
    }
    return new ChainPiece(this.#last)
  }

  /**
   * Runs `target` after this chain. Its input schema must accept this chain's output, and inside a Parallel
   * branch or Map iteration a standalone target may not assign workflow variables (nor read them inside a
   * Distributed Map iteration): a type error with the sentence.
   * @example
   * start.next(task(processPayment)).next(task(checkInventory))
   * // "ProcessPayment": { …, "Next": "CheckInventory" }
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  next<TTarget extends Chainable<any, any>>(
    target: ScopeFits<TScope, TTarget, Fits<DataOf<TInput, TOutput>, TTarget>>,
  ): NextChain<TInput, TOutput, TTarget, Marked<TScope, MarksOf<TTarget>>> {
    return appendTo(this.#last, target as TTarget) as unknown as NextChain<
      TInput,
      TOutput,
      TTarget,
      Marked<TScope, MarksOf<TTarget>>
    >
  }

  /**
   * Appends a Task calling `definition`; `configure` shapes it with callbacks typed by this chain's output
   * (`parameters`, `resultPath`, `retry`, …).
   * @example
   * start.task(charge, (t) => t.parameters((s) => ({ amount: s.total })).resultPath('payment'))
   * // "Charge": { …, "Parameters": { "amount.$": "$.total" }, "ResultPath": "$.payment" }
   */
  task<TTaskInput, TTaskOutput>(
    definition: TaskDefinition<TTaskInput, TTaskOutput> &
      FitsInput<DataOf<TInput, TOutput>, TTaskInput>,
  ): NextChain<
    TInput,
    TOutput,
    StateBuilder<'Task', TTaskInput, TTaskOutput, TTaskOutput, TTaskInput, TScope>,
    TScope
  >
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  task<TTaskInput, TTaskOutput, TBuilt extends Chainable<any, any>>(
    definition: TaskDefinition<TTaskInput, TTaskOutput>,
    configure: (
      task: StateBuilder<
        'Task',
        TTaskInput,
        TTaskOutput,
        TTaskOutput,
        DataOf<TInput, TOutput>,
        TScope
      >,
    ) => Fits<DataOf<TInput, TOutput>, TBuilt>,
  ): NextChain<TInput, TOutput, TBuilt, Marked<TScope, MarksOf<TBuilt>>>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  task(definition: TaskDefinition<unknown, unknown>, configure?: (task: any) => unknown): unknown {
    const built = task(definition)
    return appendTo(
      this.#last,
      (configure === undefined ? built : configure(built)) as Chainable<unknown, unknown>,
    )
  }

  /**
   * Appends a Pass state; `configure` may set `parameters`, `resultPath`, `outputPath`, `assign`.
   * @example
   * start.pass('Shape', (p) => p.parameters((s) => ({ id: s.orderId })))
   * // "Shape": { "Type": "Pass", "Parameters": { "id.$": "$.orderId" }, … }
   */
  pass(name: string): Chain<TInput, DataOf<TInput, TOutput>, TScope>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  pass<TBuilt extends Chainable<any, any>>(
    name: string,
    configure: (
      pass: StateBuilder<
        'Pass',
        unknown,
        DataOf<TInput, TOutput>,
        DataOf<TInput, TOutput>,
        DataOf<TInput, TOutput>,
        TScope
      >,
    ) => TBuilt,
  ): NextChain<TInput, TOutput, TBuilt, Marked<TScope, MarksOf<TBuilt>>>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  pass(name: string, configure?: (pass: any) => unknown): unknown {
    const built = pass(name)
    return appendTo(
      this.#last,
      (configure === undefined ? built : configure(built)) as Chainable<unknown, unknown>,
    )
  }

  /**
   * Ends this chain with a Choice state whose conditions read this chain's output, typed.
   * Open ends of its branches continue to whatever `next()` adds after it (a join).
   * @example
   * start.next(task(checkInventory)).choice('InventoryCheckPassed', (c) =>
   *   c.when((s) => eq(s.inventoryResult, true), task(initiateShipping)).otherwise(inventoryFailed))
   * // "InventoryCheckPassed": { "Type": "Choice", "Choices": [{ "Variable": "$.inventoryResult",
   * //   "BooleanEquals": true, "Next": "InitiateShipping" }], "Default": "InventoryFailureHandler" }
   */
  // Chainable, not ChoiceBuilder<…, any>: an `any` rule data would be compared structurally (Ref<any> has
  // an index signature no Ref of an object has), and a standalone scope may carry marks.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  choice<TChoice extends Chainable<DataOf<TInput, TOutput>, any>>(
    name: string,
    build: (choice: ChoiceBuilder<DataOf<TInput, TOutput>, never, TScope>) => TChoice,
  ): NextChain<TInput, TOutput, TChoice, Marked<TScope, MarksOf<TChoice>>> {
    const built = build(ChoiceBuilder.create(name))
    return appendTo(this.#last, built) as unknown as NextChain<
      TInput,
      TOutput,
      TChoice,
      Marked<TScope, MarksOf<TChoice>>
    >
  }

  /**
   * Appends a Wait state (seconds or a timestamp, literal or read from the data). `inputPath` (written
   * first) selects the part the other options read and the next state gets (`InputPath`, JSONPath only).
   * @example
   * start.wait('Pause', { seconds: (s) => s.delay }) // "Pause": { "Type": "Wait", "SecondsPath": "$.delay", … }
   * start.wait('Hold', { inputPath: (s) => s.timer, seconds: (s) => s.delay }) // "InputPath": "$.timer"
   */
  wait<
    TPartRef extends ValueRef<unknown> = ValueRef<DataOf<TInput, TOutput>>,
    TSelected extends ValueRef<unknown> = never,
    TSeconds extends SecondsSource = SecondsSource,
    TTimestamp extends TimestampSource = TimestampSource,
    TAssigned extends readonly Assignment[] = never,
  >(
    name: string,
    options: ChainWaitOptions<
      DataOf<TInput, TOutput>,
      TPartRef,
      TScope,
      TSelected,
      TSeconds,
      TTimestamp,
      TAssigned
    >,
  ): Chain<
    TInput,
    WaitOutput<TPartRef, TSelected>,
    Marked<TScope, WaitMarks<TSeconds, TTimestamp, TSelected, TAssigned>>
  >
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  wait(name: string, options: any): unknown {
    return appendTo(this.#last, wait(name, options))
  }

  /**
   * Appends a Parallel state: every branch gets this chain's output; the result is the tuple of their outputs.
   * @example
   * start.parallel('Both', [(b) => b.task(reserve), (b) => b.task(charge)])
   * // "Both": { "Type": "Parallel", "Branches": [{ "StartAt": "Reserve", … }, { "StartAt": "Charge", … }], … }
   */
  // With { parameters, branches }: the branches run on what parameters() builds (parallel.ts, gap 1).
  parallel<TMade, const TBranches extends readonly Target<Resolved<TMade>, TScope>[]>(
    name: string,
    options: ParallelOptions<DataOf<TInput, TOutput>, TMade, TBranches, TScope>,
  ): Chain<TInput, ParallelOutput<Resolved<TMade>, TBranches>, Marked<TScope, ReadMark<TMade>>>
  parallel<
    TMade,
    const TBranches extends readonly Target<Resolved<TMade>, TScope>[],
    TBuilt extends Chainable<any, any>, // eslint-disable-line @typescript-eslint/no-explicit-any
  >(
    name: string,
    options: ParallelOptions<DataOf<TInput, TOutput>, TMade, TBranches, TScope>,
    configure: (
      parallel: ParallelWith<DataOf<TInput, TOutput>, TMade, TBranches, TScope>,
    ) => TBuilt,
  ): NextChain<TInput, TOutput, TBuilt, Marked<TScope, MarksOf<TBuilt>>>
  parallel<const TBranches extends readonly Target<DataOf<TInput, TOutput>, TScope>[]>(
    name: string,
    branches: TBranches & BranchesFit<DataOf<TInput, TOutput>, TBranches, TScope>,
  ): Chain<TInput, ParallelOutput<DataOf<TInput, TOutput>, TBranches>, TScope>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  parallel<
    const TBranches extends readonly Target<DataOf<TInput, TOutput>, TScope>[],
    TBuilt extends Chainable<any, any>,
  >(
    name: string,
    branches: TBranches & BranchesFit<DataOf<TInput, TOutput>, TBranches, TScope>,
    configure: (
      parallel: StateBuilder<
        'Parallel',
        DataOf<TInput, TOutput>,
        ParallelOutput<DataOf<TInput, TOutput>, TBranches>,
        ParallelOutput<DataOf<TInput, TOutput>, TBranches>,
        DataOf<TInput, TOutput>,
        TScope
      >,
    ) => TBuilt,
  ): NextChain<TInput, TOutput, TBuilt, Marked<TScope, MarksOf<TBuilt>>>
  parallel(
    name: string,
    branches: unknown,
    configure?: (parallel: any) => unknown, // eslint-disable-line @typescript-eslint/no-explicit-any
  ): unknown {
    const built = parallel(name, branches as never)
    return appendTo(
      this.#last,
      (configure === undefined ? built : configure(built)) as Chainable<unknown, unknown>,
    )
  }

  /**
   * Appends a Map state over this chain's data: `items` picks the array, `itemSelector` shapes each
   * iteration's input, `process` builds the iteration. The result is the array of iteration outputs, or a
   * `MapRunResult` (`{ MapRunArn, ResultWriterDetails: { Bucket, Key } }`) when a ResultWriter with a
   * `resource` writes them to S3.
   * @example
   * start.map('EachLine', { items: (s) => s.lines, process: (line) => line.task(reserve) })
   * // "EachLine": { "Type": "Map", "ItemsPath": "$.lines", "ItemProcessor": { … }, … }
   */
  map<
    TItem,
    TSelected = never,
    TIterationOutput = unknown,
    TBatcher extends PropertyKey = never, // the keys given in distributed.itemBatcher
    TBatchInput = never,
    TWriter extends string | undefined = undefined,
    TKeys extends PropertyKey = never,
    TProcessScope extends Scope = never,
  >(
    name: string,
    options: MapOptions<
      DataOf<TInput, TOutput>,
      TItem,
      TSelected,
      TIterationOutput,
      TBatcher,
      TBatchInput,
      TWriter,
      TKeys,
      TScope,
      TProcessScope
    > &
      OptionKeys<TKeys> &
      ProcessFits<IterationScope<TScope, TKeys>, TProcessScope>,
  ): Chain<
    TInput,
    MapOutput<TItem, TSelected, TIterationOutput, TBatcher, TBatchInput, TWriter>,
    TScope
  >
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  map<
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    TBuilt extends Chainable<any, any>,
    TItem,
    TSelected = never,
    TIterationOutput = unknown,
    TBatcher extends PropertyKey = never, // the keys given in distributed.itemBatcher
    TBatchInput = never,
    TWriter extends string | undefined = undefined,
    TKeys extends PropertyKey = never,
    TProcessScope extends Scope = never,
  >(
    name: string,
    options: MapOptions<
      DataOf<TInput, TOutput>,
      TItem,
      TSelected,
      TIterationOutput,
      TBatcher,
      TBatchInput,
      TWriter,
      TKeys,
      TScope,
      TProcessScope
    > &
      OptionKeys<TKeys> &
      ProcessFits<IterationScope<TScope, TKeys>, TProcessScope>,
    configure: (
      map: StateBuilder<
        'Map',
        DataOf<TInput, TOutput>,
        MapOutput<TItem, TSelected, TIterationOutput, TBatcher, TBatchInput, TWriter>,
        MapOutput<TItem, TSelected, TIterationOutput, TBatcher, TBatchInput, TWriter>,
        DataOf<TInput, TOutput>,
        TScope
      >,
    ) => TBuilt,
  ): NextChain<TInput, TOutput, TBuilt, Marked<TScope, MarksOf<TBuilt>>>
  map(
    name: string,
    options: any, // eslint-disable-line @typescript-eslint/no-explicit-any
    configure?: (map: any) => unknown, // eslint-disable-line @typescript-eslint/no-explicit-any
  ): unknown {
    const built = map(name, options as never)
    return appendTo(
      this.#last,
      (configure === undefined ? built : configure(built)) as Chainable<unknown, unknown>,
    )
  }

  /**
   * Ends this chain with a Succeed state.
   * @example
   * start.next(task(ship)).succeed('Done') // "Done": { "Type": "Succeed" }
   */
  succeed<TSelected extends ValueRef<unknown> = ValueRef<unknown>>(
    name: string,
    options: SucceedOptions<DataOf<TInput, TOutput>, TScope, TSelected> = {},
  ): ClosedChain<TInput, Marked<TScope, ReadMark<TSelected>>> {
    return appendTo(
      this.#last,
      succeed(name, options as SucceedOptions) as SucceedBuilder,
    ) as unknown as ClosedChain<TInput, never>
  }

  /**
   * Ends this chain with a Fail state; `errorFrom`/`causeFrom` read the error from this chain's output.
   * @example
   * start.fail('Rejected', { error: 'Rejected', causeFrom: (s) => s.reason }) // "CausePath": "$.reason"
   */
  fail<TError extends StringSource = StringSource, TCause extends StringSource = StringSource>(
    name: string,
    options: FailOptions<DataOf<TInput, TOutput>, TScope, TError, TCause> = {},
  ): ClosedChain<TInput, Marked<TScope, ReadMark<TError | TCause>>> {
    return appendTo(
      this.#last,
      fail(name, options as FailOptions) as FailBuilder,
    ) as unknown as ClosedChain<TInput, never>
  }
}

/** A chain typed by a zod schema, to build a fragment or branch outside `workflow()`. */
export function chainOf<TSchema extends ZodType>(
  schema: TSchema,
): Chain<z.input<TSchema>, z.input<TSchema>> {
  void schema
  return new Chain(undefined)
}

/** @internal */
export function appendTo(
  last: Link | undefined,
  target: Chainable<unknown, unknown>,
): Chain<any, any> {
  // eslint-disable-line @typescript-eslint/no-explicit-any
  const piece = resolveTarget(target)
  if (last === undefined) return new Chain({ piece, previous: undefined, first: piece })
  if (!last.piece.isOpen) {
    throw new DslError(
      'SFN102',
      `Nothing can run after ${last.piece.description}: it ends the workflow. ` +
        `Remove the next() that adds ${piece.description}, or attach it somewhere that continues.`,
    )
  }
  return new Chain({ piece, previous: last, first: last.first })
}

/**
 * Chains `target` after a single state's piece (what `task(…).next(…)` does).
 * @internal
 */
export const chainAfter = (
  first: Piece,
  target: Chainable<unknown, unknown>,
): Chain<unknown, unknown> => appendTo({ piece: first, previous: undefined, first }, target)

/** The `start` chain a workflow body receives. @internal */
export const emptyChain = <TInput>(): Chain<TInput, TInput> => new Chain(undefined)
