import type { JsonValue } from '@statewright/asl'
import type { SourceLocation } from '../source.ts'

export interface PassNode {
  readonly kind: 'Pass'
  readonly name: string
  /** JSONPath `Result`: a fixed value that becomes the state's output. Unset: the input passes through. */
  readonly result?: JsonValue
  readonly next?: string
  readonly comment?: string
  readonly source?: SourceLocation
}

export const PassNode = {
  create: (name: string, result?: JsonValue): PassNode =>
    Object.freeze({ kind: 'Pass', name, ...(result === undefined ? {} : { result }) }),
}
