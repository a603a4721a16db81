import { closestName, type TaskHandler } from '@statewright/asl'
import { DslError } from '../errors.ts'
import type { StateNode } from '../ir/state-node.ts'
import type { CallSite, SourceLocation } from '../source.ts'

/**
 * A piece of a workflow graph as the builders see it: where it starts, whether anything can follow it, and
 * how to write its states once the state after it is known. Linking is deferred to `emit` so that each
 * `next()` is O(1) and builders stay immutable values that can be reused.
 * @internal
 */
export interface Piece {
  readonly startName: string
  /** False when every path through the piece ends (Succeed, Fail): nothing may follow it. */
  readonly isOpen: boolean
  /** What the piece is, for messages: `Succeed state 'Done'`. */
  readonly description: string
  /** Writes the piece's states into `ctx`; its open ends continue to `next` (undefined: they end). */
  emit(ctx: EmitContext, next: string | undefined): void
}

/**
 * What every builder and chain carries: its piece, and phantom input/output types.
 * `'~types'` is never set; it only lets `InputOf`/`OutputOf` read the types.
 * @example
 * const step: Chainable<Order, Payment> = task(charge)
 */
export interface Chainable<TInput, TOutput> {
  readonly '~types'?: { readonly input: TInput; readonly output: TOutput }
  /** @internal */
  readonly '~piece': Piece
}

interface Emitted {
  readonly owner: object
  readonly node: StateNode
  readonly site: CallSite
  /** The context (workflow level or branch) the state was added to. */
  readonly context: EmitContext
}

const where = (source: SourceLocation | undefined): string =>
  source === undefined ? 'an unknown place' : `${source.file}:${source.line}:${source.column}`

interface Shared {
  /** Every name in the workflow, branches included: AWS reports duplicates across nesting levels too. */
  readonly names: Map<string, Emitted>
  readonly handlers: Record<string, TaskHandler>
}

/**
 * Collects the states of a workflow (or of one branch) in a readable order: the main path first, catch
 * handlers after it.
 * @internal
 */
export class EmitContext {
  // PERF: one entry per state, in the workflow-wide `names` map (which says which context holds it)
  // and in this context's list: no second map and no second object per state.
  readonly #entries: Emitted[] = []
  readonly #expected = new Set<string>()
  readonly #deferred: Array<Piece | (() => void)> = []
  readonly #shared: Shared

  constructor(shared?: Shared) {
    this.#shared = shared ?? { names: new Map(), handlers: {} }
  }

  /** Handlers of every task, keyed by state name. */
  get handlers(): Record<string, TaskHandler> {
    return this.#shared.handlers
  }

  /** A context for a Parallel branch or Map processor: its own States, the workflow's names. */
  child(): EmitContext {
    return new EmitContext(this.#shared)
  }

  /**
   * Adds a state; returns false when this very builder was already added with the same transitions (a
   * state reused as a shared target), so the caller does not emit its successors twice.
   */
  add(owner: object, node: StateNode, site: CallSite): boolean {
    const named = this.#shared.names.get(node.name)
    const existing = named?.context === this ? named : undefined
    if (named !== undefined && named.owner !== owner) {
      throw new DslError(
        'SFN101',
        `Two different states are named '${node.name}' (created at ${where(named.site.resolve())} and at ${where(site.resolve())}). ` +
          'State names must be unique in a workflow: give one of them another name, or reuse the same builder value.',
      )
    }
    if (existing === undefined) {
      if (named !== undefined) {
        throw new DslError(
          'SFN101',
          `State '${node.name}' is used both inside and outside a branch (created at ${where(named.site.resolve())}). ` +
            'A state belongs to one branch: create a second state with another name.',
        )
      }
      const entry: Emitted = { owner, node: withLazySource(node, site), site, context: this }
      this.#shared.names.set(node.name, entry)
      this.#entries.push(entry)
      return true
    }
    if (nextOf(existing.node) !== nextOf(node)) {
      throw new DslError(
        'SFN105',
        `State '${node.name}' is used in two places that continue differently (to '${nextOf(existing.node) ?? 'the end'}' and to '${nextOf(node) ?? 'the end'}'). ` +
          'A state has one next state: create a second state with another name for the other place.',
      )
    }
    return false
  }

  /** The node `owner` emitted under `name` in this context, if it did. */
  emittedBy(owner: object, name: string): StateNode | undefined {
    const entry = this.#shared.names.get(name)
    return entry?.context === this && entry.owner === owner ? entry.node : undefined
  }

  /** Records a jump (`goto`) to `name`, which must be in this context when it finishes. */
  expect(name: string): void {
    this.#expected.add(name)
  }

  /** Runs `emit` after the current path, so handlers come after the main path in the document. */
  defer(emit: () => void): void {
    this.#deferred.push(emit)
  }

  /** Emits `piece` (ending where it ends) after the current path: `defer` without a closure. */
  deferPiece(piece: Piece): void {
    this.#deferred.push(piece)
  }

  /** Every state, after running deferred emits (which may defer more). */
  finish(): StateNode[] {
    for (let index = 0; index < this.#deferred.length; index++) {
      const deferred = this.#deferred[index]
      if (typeof deferred === 'function') deferred()
      else deferred?.emit(this, undefined)
    }
    for (const name of this.#expected) {
      if (this.#shared.names.get(name)?.context !== this) {
        const near = closestStateName(
          name,
          this.#entries.map((entry) => entry.node.name),
        )
        throw new DslError(
          'SFN108',
          `goto('${name}') jumps to a state that is not in the same workflow or branch: add '${name}' with next() on this level, or jump to a state that is` +
            (near === undefined ? '.' : ` (did you mean '${near}'?).`),
        )
      }
    }
    return this.#entries.map(nodeOf)
  }
}

/**
 * The state name among `names` that `name` is a typo of (a different case, a swap, a missing letter): at
 * most a third of its characters differ, at least one.
 * @internal
 */
export const closestStateName = (name: string, names: readonly string[]): string | undefined =>
  closestName(name, names, Math.max(1, Math.floor(name.length / 3)))

// PERF: reading a stack costs tens of microseconds; the compiler only reads `source` to report a
// problem, so the IR node gets it as a getter, resolved on first read. Every node shares one getter
// function, which finds the call site in a non-enumerable field: a getter made per node (a closure or
// a bound method) gives every node a map of its own, which cost about 0.5 KB and 0.7 µs per state.
const SITE = Symbol('statewright.site')

function sourceOfNode(this: { readonly [SITE]: CallSite }): SourceLocation | undefined {
  return this[SITE].resolve()
}

const withLazySource = (node: StateNode, site: CallSite): StateNode => {
  // A frozen node is the builder's own, shared value: copy it (V8's fast clone). An unfrozen one was
  // made for this call.
  const copy = Object.isFrozen(node) ? { ...node } : node
  Object.defineProperty(copy, SITE, { value: site })
  Object.defineProperty(copy, 'source', { get: sourceOfNode, enumerable: true })
  return Object.freeze(copy)
}

const nodeOf = (entry: Emitted): StateNode => entry.node

const nextOf = (node: StateNode): string | undefined =>
  'next' in node ? (node.next as string | undefined) : undefined

/**
 * Frozen empty lists every new builder shares (no catch targets, no nested pieces, no result prefix):
 * builders copy on change and never write into them.
 * @internal
 */
export const NO_PIECES: readonly Piece[] = Object.freeze([])
/** @internal */
export const NO_SEGMENTS: readonly never[] = Object.freeze([])

/**
 * A new list: `list` then `item`. PERF: the copy is made at its final length; `[...list, item]` grows
 * its array as it goes, and a push after `slice()` reserves 16 more slots.
 * @internal
 */
export function appended<T>(list: readonly T[], item: T): T[] {
  if (list.length === 0) return [item]
  return list.concat([item])
}

/** @internal */
export const pieceOf = (value: Chainable<unknown, unknown>): Piece => {
  const piece = (value as { '~piece'?: Piece } | undefined)?.['~piece']
  if (piece === undefined) {
    throw new DslError(
      'SFN106',
      'Expected a state or a chain of states (task(), pass(), choice(), succeed(), fail(), or start.next(…)).',
    )
  }
  return piece
}

const MAX_NAME_LENGTH = 80

// Fragments name their states `<label>.<name>`: the prefix applies to every builder created while the
// fragment's body runs (synchronously), so nested fragments compose (`A.B.Name`).
let namePrefix = ''

/** Runs `build` with `prefix` added to the names of the states it creates. @internal */
export function withNamePrefix<T>(prefix: string, build: () => T): T {
  const outer = namePrefix
  namePrefix = outer + prefix
  try {
    return build()
  } finally {
    namePrefix = outer
  }
}

/** Refuses names AWS refuses (ASL-SPEC §15): empty, longer than 80 characters, control characters. @internal */
export function checkStateName(base: string): string {
  const name = typeof base === 'string' && base.length > 0 ? namePrefix + base : base
  if (typeof name !== 'string' || name.length === 0 || name.length > MAX_NAME_LENGTH) {
    throw new DslError(
      'SFN104',
      `State name '${String(name)}' must be 1 to ${MAX_NAME_LENGTH} characters long: choose a shorter name.`,
    )
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) {
    throw new DslError('SFN104', `State name '${name}' contains a control character: remove it.`)
  }
  return name
}
