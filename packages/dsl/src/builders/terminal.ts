import type { FailNode } from '../ir/fail-node.ts'
import type { SucceedNode } from '../ir/succeed-node.ts'
import type { CallSite } from '../source.ts'
import type { Chainable, EmitContext, Piece } from './piece.ts'

/** @internal What Succeed and Fail builders share: a closed piece that ends the workflow, with no `next()`. */
export abstract class TerminalBuilder implements Chainable<unknown, never> {
  declare readonly '~types'?: { readonly input: unknown; readonly output: never }
  readonly #piece: TerminalPiece

  /** @internal */
  constructor(node: FailNode | SucceedNode, site: CallSite) {
    this.#piece = new TerminalPiece(this, node, site)
  }

  /** @internal */
  get '~piece'(): Piece {
    // PERF: one piece per builder, made once: a shared Fail state is the target of every catch that
    // names it, and an object with an arrow per read cost 0.6 KB each (tsx names every closure).
    return this.#piece
  }
}

/** The piece of a Succeed or Fail builder: immutable, so one instance serves every read. */
class TerminalPiece implements Piece {
  readonly isOpen = false
  readonly #owner: object
  readonly #node: FailNode | SucceedNode
  readonly #site: CallSite

  constructor(owner: object, node: FailNode | SucceedNode, site: CallSite) {
    this.#owner = owner
    this.#node = node
    this.#site = site
  }

  get startName(): string {
    return this.#node.name
  }

  get description(): string {
    return `${this.#node.kind} state '${this.#node.name}'`
  }

  emit(ctx: EmitContext): void {
    ctx.add(this.#owner, this.#node, this.#site)
  }
}
