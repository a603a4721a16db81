import type { JsonValue } from '@statewright/asl'
import type { PathNode } from './path-node.ts'

/** The intrinsic functions of ASL-SPEC §10, by their ASL names. */
export type IntrinsicName =
  | 'States.Format'
  | 'States.StringToJson'
  | 'States.JsonToString'
  | 'States.Array'
  | 'States.ArrayPartition'
  | 'States.ArrayContains'
  | 'States.ArrayRange'
  | 'States.ArrayGetItem'
  | 'States.ArrayLength'
  | 'States.ArrayUnique'
  | 'States.Base64Encode'
  | 'States.Base64Decode'
  | 'States.Hash'
  | 'States.JsonMerge'
  | 'States.MathRandom'
  | 'States.MathAdd'
  | 'States.StringSplit'
  | 'States.UUID'

/**
 * A value computed from state data, independent of the query language: what Parameters/Arguments,
 * ResultSelector, Output, Assign and ItemSelector hold. Lowered to a JSONPath payload template or to JSONata.
 */
export type ValueNode =
  | { readonly kind: 'literal'; readonly value: JsonValue }
  | PathNode
  | { readonly kind: 'object'; readonly entries: readonly (readonly [string, ValueNode])[] }
  | { readonly kind: 'array'; readonly items: readonly ValueNode[] }
  | {
      readonly kind: 'intrinsic'
      readonly name: IntrinsicName
      readonly args: readonly ValueNode[]
    }
  /** A JSONata expression body (no `{% %}`), the escape hatch for what references cannot say. */
  | { readonly kind: 'jsonata'; readonly expression: string }

/** True when the value has no reference, intrinsic or expression in it (a JSON constant). */
export function isConstant(node: ValueNode): boolean {
  switch (node.kind) {
    case 'literal':
      return true
    case 'object':
      return node.entries.every(([, value]) => isConstant(value))
    case 'array':
      return node.items.every(isConstant)
    default:
      return false
  }
}

/** The JSON of a constant value (see `isConstant`). */
export function constantOf(node: ValueNode): JsonValue {
  switch (node.kind) {
    case 'literal':
      return node.value
    case 'object':
      return Object.fromEntries(node.entries.map(([key, value]) => [key, constantOf(value)]))
    case 'array':
      return node.items.map(constantOf)
    default:
      throw new Error(`Internal error in @statewright/dsl (a bug): ${node.kind} is not a constant.`)
  }
}
