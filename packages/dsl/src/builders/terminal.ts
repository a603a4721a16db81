import type { FailNode } from '../ir/fail-node.ts'
import type { SucceedNode } from '../ir/succeed-node.ts'
import type { CallSite } from '../source.ts'
import type { Chainable, EmitContext, Piece } from './piece.ts'

/** @internal What Succeed and Fail builders share: a closed piece that ends the workflow, with no `next()`. */
export abstract class TerminalBuilder implements Chainable<unknown, never> {
  declare readonly '~types'?: { readonly input: unknown; readonly output: never }
  readonly #node: FailNode | SucceedNode
  readonly #site: CallSite

  /** @internal */
  constructor(node: FailNode | SucceedNode, site: CallSite) {
    this.#node = node
    this.#site = site
  }

  /** @internal */
  get '~piece'(): Piece {
    const node = this.#node
    return {
      startName: node.name,
      isOpen: false,
      description: `${node.kind} state '${node.name}'`,
      emit: (ctx: EmitContext): void => {
        ctx.add(this, node, this.#site)
      },
    }
  }
}
