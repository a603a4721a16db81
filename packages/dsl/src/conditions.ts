import { DslError } from './errors.ts'
import type { CompareOperator, ConditionNode, OperandKind, TestKind } from './ir/condition-node.ts'
import { isRef, pathOf, type ValueRef } from './ref.ts'
import type { Expression } from './template.ts'
import { toValueNode } from './template.ts'

declare const conditionBrand: unique symbol

/**
 * A typed Choice condition, made by `eq`, `lt`, `isPresent`, `and`, … and given to `when()`.
 * @example
 * const big: Condition = and(isPresent(s.total), gt(s.total, 100))
 */
export interface Condition {
  readonly [conditionBrand]: true
}

const nodeOfCondition = new WeakMap<Condition, ConditionNode>()

const makeCondition = (node: ConditionNode): Condition => {
  const condition = Object.freeze({}) as Condition
  nodeOfCondition.set(condition, Object.freeze(node))
  return condition
}

/** @internal */
export function conditionNodeOf(condition: Condition): ConditionNode {
  const node = nodeOfCondition.get(condition)
  if (node === undefined) {
    throw new DslError(
      'SFN103',
      'A Choice rule needs a condition made by eq(), lt(), isPresent(), and(), ….',
    )
  }
  return node
}

/** Values a comparison can compare with (ASL compares strings, numbers and booleans). */
export type Comparable = string | number | boolean

const operandOf = (value: Comparable, operator: CompareOperator): OperandKind => {
  switch (typeof value) {
    case 'string':
      return 'string'
    case 'number':
      return 'numeric'
    case 'boolean':
      if (operator !== 'eq') break
      return 'boolean'
  }
  throw new DslError(
    'SFN104',
    `Cannot compare with ${JSON.stringify(value)} using ${operator}(): use a string or a number.`,
  )
}

// Another reference: its kind is only known to the type checker, so the node says 'same' and lowering
// writes a rule that holds for whichever kind the value has at run time (both sides share T).
const compare = (
  operator: CompareOperator,
  ref: ValueRef<unknown>,
  value: Comparable | ValueRef<unknown>,
): Condition =>
  isRef(value)
    ? makeCondition({
        kind: 'compare',
        operator,
        operand: 'same',
        left: pathOf(ref),
        right: pathOf(value),
      })
    : makeCondition({
        kind: 'compare',
        operator,
        operand: operandOf(value, operator),
        left: pathOf(ref),
        right: { kind: 'literal', value },
      })

/**
 * The value equals `value`: `StringEquals`, `NumericEquals` or `BooleanEquals` by the value's type. `value`
 * may be another reference of the same type (`…EqualsPath`).
 * @example
 * eq(s.inventoryResult, true) // { "Variable": "$.inventoryResult", "BooleanEquals": true }
 * eq(s.shipTo, s.billTo)      // compares two fields of the same type
 */
export const eq = <T extends Comparable>(
  ref: ValueRef<T>,
  value: NoInfer<T> | ValueRef<NoInfer<T>>,
): Condition => compare('eq', ref, value)

/**
 * The value is less than `value` (`NumericLessThan`, or `StringLessThan` for strings).
 * @example
 * lt(s.amount, 100) // { "Variable": "$.amount", "NumericLessThan": 100 }
 */
export const lt = <T extends string | number>(
  ref: ValueRef<T>,
  value: NoInfer<T> | ValueRef<NoInfer<T>>,
): Condition => compare('lt', ref, value)

/**
 * The value is greater than `value`.
 * @example
 * gt(s.amount, 100) // { "Variable": "$.amount", "NumericGreaterThan": 100 }
 */
export const gt = <T extends string | number>(
  ref: ValueRef<T>,
  value: NoInfer<T> | ValueRef<NoInfer<T>>,
): Condition => compare('gt', ref, value)

/**
 * The value is less than or equal to `value`.
 * @example
 * lte(s.amount, 100) // { "Variable": "$.amount", "NumericLessThanEquals": 100 }
 */
export const lte = <T extends string | number>(
  ref: ValueRef<T>,
  value: NoInfer<T> | ValueRef<NoInfer<T>>,
): Condition => compare('lte', ref, value)

/**
 * The value is greater than or equal to `value`.
 * @example
 * gte(s.amount, 100) // { "Variable": "$.amount", "NumericGreaterThanEquals": 100 }
 */
export const gte = <T extends string | number>(
  ref: ValueRef<T>,
  value: NoInfer<T> | ValueRef<NoInfer<T>>,
): Condition => compare('gte', ref, value)

/**
 * The string matches a pattern where `*` stands for any characters (`StringMatches`).
 * @example
 * matches(s.file, '*.csv') // { "Variable": "$.file", "StringMatches": "*.csv" }
 */
export const matches = (ref: ValueRef<string>, pattern: string): Condition =>
  makeCondition({ kind: 'matches', left: pathOf(ref), pattern })

const typeTest =
  (test: TestKind) =>
  (ref: ValueRef<unknown>, expected = true): Condition =>
    makeCondition({ kind: 'test', test, path: pathOf(ref), expected })

/**
 * The field exists (`IsPresent`); works on optional fields, which comparisons refuse.
 * @example
 * isPresent(s.coupon) // { "Variable": "$.coupon", "IsPresent": true }
 */
export const isPresent: (ref: ValueRef<unknown>, expected?: boolean) => Condition =
  typeTest('isPresent')
/**
 * The value is JSON null (`IsNull`).
 * @example
 * isNull(s.coupon) // { "Variable": "$.coupon", "IsNull": true }
 */
export const isNull: (ref: ValueRef<unknown>, expected?: boolean) => Condition = typeTest('isNull')
/**
 * The value is a string (`IsString`).
 * @example
 * isString(s.id) // { "Variable": "$.id", "IsString": true }
 */
export const isString: (ref: ValueRef<unknown>, expected?: boolean) => Condition =
  typeTest('isString')
/**
 * The value is a number (`IsNumeric`).
 * @example
 * isNumeric(s.id) // { "Variable": "$.id", "IsNumeric": true }
 */
export const isNumeric: (ref: ValueRef<unknown>, expected?: boolean) => Condition =
  typeTest('isNumeric')
/**
 * The value is a boolean (`IsBoolean`).
 * @example
 * isBoolean(s.ok) // { "Variable": "$.ok", "IsBoolean": true }
 */
export const isBoolean: (ref: ValueRef<unknown>, expected?: boolean) => Condition =
  typeTest('isBoolean')
/**
 * The value is an RFC 3339 timestamp string (`IsTimestamp`).
 * @example
 * isTimestamp(s.at) // { "Variable": "$.at", "IsTimestamp": true }
 */
export const isTimestamp: (ref: ValueRef<unknown>, expected?: boolean) => Condition =
  typeTest('isTimestamp')

const combine = (kind: 'and' | 'or', conditions: readonly Condition[]): Condition => {
  if (conditions.length === 0) {
    throw new DslError('SFN103', `${kind}() needs at least one condition.`)
  }
  return makeCondition({ kind, conditions: conditions.map(conditionNodeOf) })
}

/**
 * Every condition holds (`And`).
 * @example
 * and(isPresent(s.coupon), eq(s.country, 'DE')) // { "And": [ … , … ] }
 */
export const and = (...conditions: [Condition, ...Condition[]]): Condition =>
  combine('and', conditions)

/**
 * At least one condition holds (`Or`).
 * @example
 * or(eq(s.tier, 'gold'), gt(s.amount, 1000)) // { "Or": [ … , … ] }
 */
export const or = (...conditions: [Condition, ...Condition[]]): Condition =>
  combine('or', conditions)

/**
 * The condition does not hold (`Not`).
 * @example
 * not(eq(s.status, 'DONE')) // { "Not": { "Variable": "$.status", "StringEquals": "DONE" } }
 */
export const not = (condition: Condition): Condition =>
  makeCondition({ kind: 'not', condition: conditionNodeOf(condition) })

// RFC 3339 with a zone: what AWS's Timestamp comparators accept (ASL-SPEC §8).
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

const timestampCompare = (
  operator: CompareOperator,
  ref: ValueRef<string>,
  value: string | Date,
): Condition => {
  const text = value instanceof Date ? value.toISOString() : value
  if (typeof text !== 'string' || !RFC3339.test(text)) {
    throw new DslError(
      'SFN104',
      `'${String(text)}' is not an RFC 3339 timestamp: write it like '2026-01-01T00:00:00Z', or pass a Date.`,
    )
  }
  return makeCondition({
    kind: 'compare',
    operator,
    operand: 'timestamp',
    left: pathOf(ref),
    right: { kind: 'literal', value: text },
  })
}

/**
 * The timestamp string equals `value` (`TimestampEquals`).
 * @example
 * timestampEq(s.at, '2026-01-01T00:00:00Z') // { "Variable": "$.at", "TimestampEquals": "2026-01-01T00:00:00Z" }
 */
export const timestampEq = (ref: ValueRef<string>, value: string | Date): Condition =>
  timestampCompare('eq', ref, value)
/**
 * The timestamp is before `value` (`TimestampLessThan`).
 * @example
 * timestampLt(s.at, new Date('2026-01-01')) // { "Variable": "$.at", "TimestampLessThan": "2026-01-01T00:00:00.000Z" }
 */
export const timestampLt = (ref: ValueRef<string>, value: string | Date): Condition =>
  timestampCompare('lt', ref, value)
/**
 * The timestamp is after `value` (`TimestampGreaterThan`).
 * @example
 * timestampGt(s.at, '2026-01-01T00:00:00Z') // { "Variable": "$.at", "TimestampGreaterThan": "…" }
 */
export const timestampGt = (ref: ValueRef<string>, value: string | Date): Condition =>
  timestampCompare('gt', ref, value)
/**
 * The timestamp is at or before `value` (`TimestampLessThanEquals`).
 * @example
 * timestampLte(s.at, '2026-01-01T00:00:00Z') // { "Variable": "$.at", "TimestampLessThanEquals": "…" }
 */
export const timestampLte = (ref: ValueRef<string>, value: string | Date): Condition =>
  timestampCompare('lte', ref, value)
/**
 * The timestamp is at or after `value` (`TimestampGreaterThanEquals`).
 * @example
 * timestampGte(s.at, '2026-01-01T00:00:00Z') // { "Variable": "$.at", "TimestampGreaterThanEquals": "…" }
 */
export const timestampGte = (ref: ValueRef<string>, value: string | Date): Condition =>
  timestampCompare('gte', ref, value)

/**
 * A JSONata `Condition` for what the typed helpers cannot say (JSONata states only).
 * @example
 * condition(jsonata<boolean>('$count($states.input.items) > 2')) // "Condition": "{% ($count($states.input.items) > 2) %}"
 */
export const condition = (expression: Expression<boolean>): Condition => {
  const node = toValueNode(expression)
  if (node.kind !== 'jsonata') {
    throw new DslError('SFN103', 'condition() needs a jsonata<boolean>(…) expression.')
  }
  return makeCondition({ kind: 'expression', expression: node.expression })
}
