import type { JsonValue } from '@statewright/asl'
import type { StateBase, StateIo } from './state-io.ts'

export interface PassNode extends StateBase, StateIo {
  readonly kind: 'Pass'
  /** JSONPath `Result`: a fixed value that becomes the state's output. Unset: the input passes through. */
  readonly result?: JsonValue
  readonly next?: string
}

export const PassNode = {
  // PERF: two literals, not a conditional spread (an object and a runtime call per Pass).
  create: (name: string, result?: JsonValue): PassNode =>
    Object.freeze(result === undefined ? { kind: 'Pass', name } : { kind: 'Pass', name, result }),
}
