import { DslError } from '../errors.ts'
import type { DataOf, Fits, NextInput, OutputOf, ResolveOutput } from '../infer.ts'
import { ChoiceBuilder } from './choice.ts'
import { type Chainable, type EmitContext, type Piece, pieceOf } from './piece.ts'

/** A chain that ends in Succeed or Fail on every path: nothing can follow it, so it has no `next()`. */
export interface ClosedChain<TInput> extends Chainable<TInput, never> {}

/** The chain `next()` returns: closed when the new state ends every path. PERF: O(1), no recursion. */
export type NextChain<TInput, TOutput, TTarget> = ChainAfter<
  NextInput<TInput, TOutput, TTarget>,
  ResolveOutput<TOutput, OutputOf<TTarget>>
>
type ChainAfter<TInput, TOutput> = [TOutput] extends [never]
  ? ClosedChain<TInput>
  : Chain<TInput, TOutput>

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

/**
 * States run one after another. `next()` appends a state (or another chain) after every open end of this
 * one, and checks at compile time that the new state accepts this chain's output.
 * @example
 * task(chargeCard).next(task(sendReceipt))
 * // "ChargeCard": { …, "Next": "SendReceipt" }, "SendReceipt": { …, "End": true }
 */
export class Chain<TInput, TOutput> implements Chainable<TInput, TOutput> {
  declare readonly '~types'?: { readonly input: TInput; readonly output: TOutput }
  readonly #last: Link | undefined

  /** @internal */
  constructor(last: Link | undefined) {
    this.#last = last
  }

  /** @internal */
  static of<TInput, TOutput>(piece: Piece): Chain<TInput, TOutput> {
    return new Chain({ piece, previous: undefined, first: piece })
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
   * Runs `target` after this chain. Its input schema must accept this chain's output.
   * @example
   * start.next(task(processPayment)).next(task(checkInventory))
   * // "ProcessPayment": { …, "Next": "CheckInventory" }
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  next<TTarget extends Chainable<any, any>>(
    target: Fits<DataOf<TInput, TOutput>, TTarget>,
  ): NextChain<TInput, TOutput, TTarget> {
    return appendTo(this.#last, target as TTarget) as NextChain<TInput, TOutput, TTarget>
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
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  choice<TChoice extends ChoiceBuilder<DataOf<TInput, TOutput>, any>>(
    name: string,
    build: (choice: ChoiceBuilder<DataOf<TInput, TOutput>, never>) => TChoice,
  ): NextChain<TInput, TOutput, TChoice> {
    const built = build(ChoiceBuilder.create(name))
    return appendTo(this.#last, built) as NextChain<TInput, TOutput, TChoice>
  }
}

/** @internal */
export function appendTo(
  last: Link | undefined,
  target: Chainable<unknown, unknown>,
): Chain<unknown, unknown> {
  const piece = pieceOf(target)
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
