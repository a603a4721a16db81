import type { QueryLanguage } from '@statewright/asl'
import type { SourceLocation } from '../source.ts'
import type { PathSegment } from './path-node.ts'
import type { ValueNode } from './value-node.ts'

/** Fields every IR state has. */
export interface StateBase {
  readonly name: string
  readonly comment?: string
  /** Set when this state uses another query language than the workflow. */
  readonly queryLanguage?: QueryLanguage
  readonly source?: SourceLocation
}

/**
 * Data flow through a state, in JSONPath's terms (ASL-SPEC §6.3), lowered to JSONata's Arguments/Output when
 * the state uses JSONata (§6.4). Unset fields keep ASL's defaults.
 */
export interface StateIo {
  /** The effective input: an object template (Parameters/Arguments) or a reference (InputPath). */
  readonly parameters?: ValueNode
  /** Reshapes the result (ResultSelector); a bare reference into the result selects it. */
  readonly resultSelector?: ValueNode
  /** Where the result goes in the raw input: `[]` replaces it, `null` discards the result. */
  readonly resultPath?: readonly PathSegment[] | null
  /** Selects the output from the combined data; `null` outputs `{}`. */
  readonly outputPath?: readonly PathSegment[] | null
  /** Variables to set (`Assign`): an object template. */
  readonly assign?: ValueNode
}
