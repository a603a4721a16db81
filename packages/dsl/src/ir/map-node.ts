import type { JsonValue } from '@statewright/asl'
import type { CatchClause, RetryPolicy } from './error-handling.ts'
import type { BranchNode } from './parallel-node.ts'
import type { StateBase, StateIo } from './state-io.ts'
import type { ValueNode } from './value-node.ts'

/** The Distributed-mode parts of a Map (ASL-SPEC §3.9). Values may be references or expressions. */
export interface DistributedMapConfig {
  readonly executionType: 'STANDARD' | 'EXPRESS'
  /** ItemReader: `Resource`, `ReaderConfig`, and Parameters/Arguments. */
  readonly itemReader?: {
    readonly resource: string
    readonly readerConfig?: JsonValue
    readonly maxItems?: ValueNode
    readonly parameters?: ValueNode
  }
  readonly itemBatcher?: {
    readonly maxItemsPerBatch?: ValueNode
    readonly maxInputBytesPerBatch?: ValueNode
    readonly batchInput?: ValueNode
  }
  readonly resultWriter?: {
    readonly resource?: string
    readonly parameters?: ValueNode
    readonly writerConfig?: JsonValue
  }
  readonly toleratedFailureCount?: ValueNode
  readonly toleratedFailurePercentage?: ValueNode
  readonly label?: string
}

/** A Map state: runs `processor` for each item; its result is the array of the iterations' outputs. */
export interface MapNode extends StateBase, StateIo {
  readonly kind: 'Map'
  readonly processor: BranchNode
  /** ItemsPath (a reference) or Items (JSONata). Unset: the effective input is the array. */
  readonly items?: ValueNode
  /** ItemSelector: the template each iteration receives (reads the item and the state input). */
  readonly itemSelector?: ValueNode
  readonly maxConcurrency?: ValueNode
  readonly distributed?: DistributedMapConfig
  readonly retry: readonly RetryPolicy[]
  readonly catch: readonly CatchClause[]
  readonly next?: string
}
