import { FailNode } from '../ir/fail-node.ts'
import { CallSite } from '../source.ts'
import { type Chainable, checkStateName, type EmitContext, type Piece } from './piece.ts'

/** A Fail state: ends the workflow with an error. It has no `next()`. */
export class FailBuilder implements Chainable<unknown, never> {
  declare readonly '~types'?: { readonly input: unknown; readonly output: never }
  readonly #node: FailNode
  readonly #site: CallSite

  /** @internal */
  constructor(node: FailNode, site: CallSite) {
    this.#node = node
    this.#site = site
  }

  /** @internal */
  get '~piece'(): Piece {
    const node = this.#node
    return {
      startName: node.name,
      isOpen: false,
      description: `Fail state '${node.name}'`,
      emit: (ctx: EmitContext): void => {
        ctx.add(this, node, this.#site)
      },
    }
  }
}

/** Options of `fail()`. */
export interface FailOptions {
  /** The error name the execution fails with (what a parent's Catch matches). */
  readonly error?: string
  /** A human-readable cause. */
  readonly cause?: string
  readonly comment?: string
}

/**
 * A Fail state.
 * @example
 * fail('PaymentFailureHandler', { error: 'PaymentProcessingError', cause: 'Payment processing failed' })
 * // "PaymentFailureHandler": { "Type": "Fail", "Error": "PaymentProcessingError", "Cause": "Payment processing failed" }
 */
export function fail(name: string, options: FailOptions = {}): FailBuilder {
  const node = FailNode.create(checkStateName(name), options)
  return new FailBuilder(
    options.comment === undefined ? node : Object.freeze({ ...node, comment: options.comment }),
    new CallSite(),
  )
}
