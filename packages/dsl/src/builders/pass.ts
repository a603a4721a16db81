import type { JsonValue } from '@statewright/asl'
import type { Fits, Passthrough } from '../infer.ts'
import type { NextChain } from './chain.ts'
import { PassNode } from '../ir/pass-node.ts'
import { CallSite } from '../source.ts'
import { chainAfter } from './chain.ts'
import { type Chainable, checkStateName, type EmitContext, type Piece } from './piece.ts'

/** A Pass state: passes its input through, or outputs a fixed `result`. */
export class PassBuilder<TOutput> implements Chainable<unknown, TOutput> {
  declare readonly '~types'?: { readonly input: unknown; readonly output: TOutput }
  readonly #node: PassNode
  readonly #site: CallSite

  /** @internal */
  constructor(node: PassNode, site: CallSite) {
    this.#node = node
    this.#site = site
  }

  /** @internal */
  get '~piece'(): Piece {
    const node = this.#node
    return {
      startName: node.name,
      isOpen: true,
      description: `Pass state '${node.name}'`,
      emit: (ctx: EmitContext, next: string | undefined): void => {
        ctx.add(this, next === undefined ? node : Object.freeze({ ...node, next }), this.#site)
      },
    }
  }

  /**
   * Runs `target` after this state.
   * @example
   * pass('Start').next(task(processPayment)) // "Start": { "Type": "Pass", "Next": "ProcessPayment" }
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  next<TTarget extends Chainable<any, any>>(
    target: Fits<TOutput extends Passthrough ? any : TOutput, TTarget>, // eslint-disable-line @typescript-eslint/no-explicit-any
  ): NextChain<unknown, TOutput, TTarget> {
    return chainAfter(this['~piece'], target as TTarget) as NextChain<unknown, TOutput, TTarget>
  }
}

/** Options of `pass()`. */
export interface PassOptions<TResult extends JsonValue> {
  /** A fixed value that becomes the state's output (JSONPath `Result`). */
  readonly result?: TResult
  readonly comment?: string
}

/**
 * A Pass state. Without `result` the input passes through unchanged (and keeps its type).
 * @example
 * pass('Defaults', { result: { retries: 0 } }) // "Defaults": { "Type": "Pass", "Result": { "retries": 0 }, "End": true }
 */
export function pass(
  name: string,
  options?: { readonly comment?: string },
): PassBuilder<Passthrough>
export function pass<TResult extends JsonValue>(
  name: string,
  options: PassOptions<TResult> & { readonly result: TResult },
): PassBuilder<TResult>
export function pass(name: string, options: PassOptions<JsonValue> = {}): PassBuilder<unknown> {
  const node = PassNode.create(checkStateName(name), options.result)
  const site = new CallSite()
  return new PassBuilder(
    options.comment === undefined ? node : Object.freeze({ ...node, comment: options.comment }),
    site,
  )
}
