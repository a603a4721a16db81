import type { AslChoiceRule } from '@statewright/asl'
import { DslError } from '../errors.ts'
import type { CompareOperator, ConditionNode, OperandKind, TestKind } from '../ir/condition-node.ts'
import type { PathNode } from '../ir/path-node.ts'
import { INPUT_ROOTS } from './fields.ts'
import { JSONATA_ROOTS, jsonataPathOf, jsonPathOf } from './value.ts'

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

const variable = (path: PathNode): string => jsonPathOf(path, INPUT_ROOTS, 'Variable')

const kindTests: readonly (readonly [OperandKind, string])[] = [
  ['string', 'IsString'],
  ['numeric', 'IsNumeric'],
  ['boolean', 'IsBoolean'],
]

// Two references of one type T: JSONPath needs the operator family, so the rule tries each family T can
// be, guarded by a type test (`Or[And[IsString, StringEqualsPath], And[IsNumeric, NumericEqualsPath], …]`).
function sameKindRule(condition: Extract<ConditionNode, { kind: 'compare' }>): AslChoiceRule {
  const left = variable(condition.left)
  const right = variable(condition.right as PathNode)
  const families = condition.operator === 'eq' ? kindTests : kindTests.slice(0, 2)
  return {
    Or: families.map(([kind, test]) => ({
      And: [
        { Variable: left, [test]: true },
        {
          Variable: left,
          [`${operandPrefix[kind]}${operatorSuffix[condition.operator]}Path`]: right,
        },
      ],
    })),
  }
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
      if (condition.operand === 'same') return sameKindRule(condition)
      const operator = operandPrefix[condition.operand] + operatorSuffix[condition.operator]
      return condition.right.kind === 'literal'
        ? { Variable: variable(condition.left), [operator]: condition.right.value }
        : { Variable: variable(condition.left), [`${operator}Path`]: variable(condition.right) }
    }
    case 'matches':
      return { Variable: variable(condition.left), StringMatches: condition.pattern }
    case 'test': {
      const path = variable(condition.path)
      const test = { Variable: path, [testOperator[condition.test]]: condition.expected }
      if (condition.test === 'isPresent') return test
      // On an absent field AWS fails every test but IsPresent (States.Runtime) where JSONata's test is
      // false: guarded by IsPresent (And/Or stop early), the rule means in JSONPath what it means in JSONata.
      return condition.expected
        ? { And: [{ Variable: path, IsPresent: true }, test] }
        : { Or: [{ Variable: path, IsPresent: false }, test] }
    }
    case 'and':
      return { And: condition.conditions.map(lowerJsonPathCondition) }
    case 'or':
      return { Or: condition.conditions.map(lowerJsonPathCondition) }
    case 'not':
      return { Not: lowerJsonPathCondition(condition.condition) }
    case 'expression':
      throw new DslError(
        'SFN107',
        "A condition() with a JSONata expression needs a JSONata state: set queryLanguage('JSONata') on the Choice or the workflow.",
      )
  }
}

const jsonataOperator: Record<CompareOperator, string> = {
  eq: '=',
  lt: '<',
  gt: '>',
  lte: '<=',
  gte: '>=',
}

const value = (path: PathNode): string => jsonataPathOf(path, JSONATA_ROOTS, 'Condition')

// StringMatches: `*` is any run of characters, `\*` a literal star; everything else is literal.
const globToRegex = (pattern: string): string => {
  let out = ''
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string
    if (ch === '\\' && i + 1 < pattern.length)
      out += (pattern[++i] as string).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
    else if (ch === '*') out += '.*'
    else out += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
  }
  return `/^${out}$/`
}

const typeTest: Record<TestKind, (x: string) => string> = {
  isPresent: (x) => `$exists(${x})`,
  isNull: (x) => `(${x} = null)`,
  isString: (x) => `($type(${x}) = "string")`,
  isNumeric: (x) => `($type(${x}) = "number")`,
  isBoolean: (x) => `($type(${x}) = "boolean")`,
  isTimestamp: (x) =>
    `($type(${x}) = "string" and $contains(${x}, /^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$/))`,
}

/**
 * The same condition as a JSONata expression body (for a rule's `Condition`).
 * @example
 * // eq(s.inventoryResult, true) →
 * '$states.input.inventoryResult = true'
 */
export function lowerJsonataCondition(condition: ConditionNode): string {
  switch (condition.kind) {
    case 'compare': {
      const right =
        condition.right.kind === 'literal'
          ? JSON.stringify(condition.right.value)
          : value(condition.right)
      const left = value(condition.left)
      return condition.operand === 'timestamp'
        ? `$toMillis(${left}) ${jsonataOperator[condition.operator]} $toMillis(${right})`
        : `${left} ${jsonataOperator[condition.operator]} ${right}`
    }
    case 'matches':
      return `$contains(${value(condition.left)}, ${globToRegex(condition.pattern)})`
    case 'test': {
      const test = typeTest[condition.test](value(condition.path))
      return condition.expected ? test : `$not(${test})`
    }
    case 'and':
    case 'or':
      return condition.conditions
        .map((c) => `(${lowerJsonataCondition(c)})`)
        .join(` ${condition.kind} `)
    case 'not':
      return `$not(${lowerJsonataCondition(condition.condition)})`
    case 'expression':
      return `(${condition.expression})`
  }
}
