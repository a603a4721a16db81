import type { JsonValue } from '@statewright/asl'
import type { StateBase, StateIo } from './state-io.ts'

export interface PassNode extends StateBase, StateIo {
  readonly kind: 'Pass'
  /** JSONPath `Result`: a fixed value that becomes the state's output. Unset: the input passes through. */
  readonly result?: JsonValue
  readonly next?: string
}

export const PassNode = {
  create: (name: string, result?: JsonValue): PassNode =>
    Object.freeze({ kind: 'Pass', name, ...(result === undefined ? {} : { result }) }),
}
