import { SucceedNode } from '../ir/succeed-node.ts'
import { CallSite } from '../source.ts'
import { type Chainable, checkStateName, type EmitContext, type Piece } from './piece.ts'

/** A Succeed state: ends the workflow successfully. It has no `next()`. */
export class SucceedBuilder implements Chainable<unknown, never> {
  declare readonly '~types'?: { readonly input: unknown; readonly output: never }
  readonly #node: SucceedNode
  readonly #site: CallSite

  /** @internal */
  constructor(node: SucceedNode, site: CallSite) {
    this.#node = node
    this.#site = site
  }

  /** @internal */
  get '~piece'(): Piece {
    const node = this.#node
    return {
      startName: node.name,
      isOpen: false,
      description: `Succeed state '${node.name}'`,
      emit: (ctx: EmitContext): void => {
        ctx.add(this, node, this.#site)
      },
    }
  }
}

/**
 * A Succeed state.
 * @example
 * succeed('Done') // "Done": { "Type": "Succeed" }
 */
export function succeed(name: string, options: { readonly comment?: string } = {}): SucceedBuilder {
  const node = SucceedNode.create(checkStateName(name))
  return new SucceedBuilder(
    options.comment === undefined ? node : Object.freeze({ ...node, comment: options.comment }),
    new CallSite(),
  )
}
