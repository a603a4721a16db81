import type { PathNode } from './path-node.ts'

/** What a comparison compares: the ASL operator family (`StringEquals`, `NumericLessThan`, …). */
export type OperandKind = 'string' | 'numeric' | 'boolean' | 'timestamp'
export type CompareOperator = 'eq' | 'lt' | 'gt' | 'lte' | 'gte'
/** The ASL type tests: `IsPresent`, `IsNull`, `IsString`, `IsNumeric`, `IsBoolean`, `IsTimestamp`. */
export type TestKind =
  'isPresent' | 'isNull' | 'isString' | 'isNumeric' | 'isBoolean' | 'isTimestamp'

export interface LiteralNode {
  readonly kind: 'literal'
  readonly value: string | number | boolean
}

export type ConditionNode =
  | {
      readonly kind: 'compare'
      readonly operator: CompareOperator
      /** `same`: two references of one (statically checked) type, whose kind only the type checker knows. */
      readonly operand: OperandKind | 'same'
      readonly left: PathNode
      readonly right: LiteralNode | PathNode
    }
  | { readonly kind: 'matches'; readonly left: PathNode; readonly pattern: string }
  | {
      readonly kind: 'test'
      readonly test: TestKind
      readonly path: PathNode
      readonly expected: boolean
    }
  | { readonly kind: 'and' | 'or'; readonly conditions: readonly ConditionNode[] }
  | { readonly kind: 'not'; readonly condition: ConditionNode }
  /** A JSONata expression body yielding a boolean (JSONata `Condition` only). */
  | { readonly kind: 'expression'; readonly expression: string }
