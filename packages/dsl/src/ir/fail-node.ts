import type { StateBase, StateIo } from './state-io.ts'
import type { ValueNode } from './value-node.ts'

export interface FailNode extends StateBase, StateIo {
  readonly kind: 'Fail'
  readonly error?: string
  readonly cause?: string
  /** ErrorPath (JSONPath) or an `Error` expression (JSONata): the error name read from data. */
  readonly errorFrom?: ValueNode
  /** CausePath (JSONPath) or a `Cause` expression (JSONata). */
  readonly causeFrom?: ValueNode
}

export const FailNode = {
  create: (name: string, options: { error?: string; cause?: string } = {}): FailNode =>
    Object.freeze({
      kind: 'Fail',
      name,
      ...(options.error === undefined ? {} : { error: options.error }),
      ...(options.cause === undefined ? {} : { cause: options.cause }),
    }),
}
