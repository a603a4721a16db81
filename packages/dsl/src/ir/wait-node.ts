import type { StateBase, StateIo } from './state-io.ts'
import type { ValueNode } from './value-node.ts'

/**
 * A Wait state: `seconds` (Seconds / SecondsPath / expression) or `timestamp` (Timestamp / TimestampPath /
 * expression), exactly one of them (ASL-SPEC §3.4).
 */
export interface WaitNode extends StateBase, StateIo {
  readonly kind: 'Wait'
  readonly seconds?: ValueNode
  readonly timestamp?: ValueNode
  readonly next?: string
}
