import type { AslChoiceRule } from '@statewright/asl'
import type { CompareOperator, ConditionNode, OperandKind, TestKind } from '../ir/condition-node.ts'
import { lowerJsonPath } from './path.ts'

const operandPrefix: Record<OperandKind, string> = {
  string: 'String',
  numeric: 'Numeric',
  boolean: 'Boolean',
  timestamp: 'Timestamp',
}
const operatorSuffix: Record<CompareOperator, string> = {
  eq: 'Equals',
  lt: 'LessThan',
  gt: 'GreaterThan',
  lte: 'LessThanEquals',
  gte: 'GreaterThanEquals',
}
const testOperator: Record<TestKind, string> = {
  isPresent: 'IsPresent',
  isNull: 'IsNull',
  isString: 'IsString',
  isNumeric: 'IsNumeric',
  isBoolean: 'IsBoolean',
  isTimestamp: 'IsTimestamp',
}

/**
 * A condition as a JSONPath Choice rule body (without `Next`), per ASL-SPEC §8.
 * @example
 * // eq(s.inventoryResult, true) →
 * { Variable: '$.inventoryResult', BooleanEquals: true }
 */
export function lowerJsonPathCondition(condition: ConditionNode): AslChoiceRule {
  switch (condition.kind) {
    case 'compare': {
      const operator = operandPrefix[condition.operand] + operatorSuffix[condition.operator]
      return condition.right.kind === 'literal'
        ? { Variable: lowerJsonPath(condition.left), [operator]: condition.right.value }
        : {
            Variable: lowerJsonPath(condition.left),
            [`${operator}Path`]: lowerJsonPath(condition.right),
          }
    }
    case 'matches':
      return { Variable: lowerJsonPath(condition.left), StringMatches: condition.pattern }
    case 'test':
      return {
        Variable: lowerJsonPath(condition.path),
        [testOperator[condition.test]]: condition.expected,
      }
    case 'and':
      return { And: condition.conditions.map(lowerJsonPathCondition) }
    case 'or':
      return { Or: condition.conditions.map(lowerJsonPathCondition) }
    case 'not':
      return { Not: lowerJsonPathCondition(condition.condition) }
  }
}
