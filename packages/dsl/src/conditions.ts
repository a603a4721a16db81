import { DslError } from './errors.ts'
import type { CompareOperator, ConditionNode, OperandKind, TestKind } from './ir/condition-node.ts'
import { isRef, pathOf, type RefValue, type ValueRef } from './ref.ts'
import type { Expression } from './template.ts'
import { toValueNode } from './template.ts'
import type { CannotReadOuter, IsWorkflowVariable, Scope } from './variables.ts'

declare const conditionBrand: unique symbol
declare const readsVariable: unique symbol

/**
 * A typed Choice condition, made by `eq`, `lt`, `isPresent`, `and`, … and given to `when()`. `TReads` is
 * `true` when an operand is a workflow variable (`variable()`), which a Distributed Map iteration cannot
 * read: the helpers compute it from their operands, `and`/`or`/`not` from their conditions. A plain
 * `Condition` leaves it unknown: the type accepts it anywhere, SFN109 checks it when the workflow is built.
 * @example
 * const big: Condition = and(isPresent(s.total), gt(s.total, 100))
 */
export interface Condition<TReads extends boolean = boolean> {
  readonly [conditionBrand]: true
  /** Phantom, never set: whether the condition reads a workflow variable. */
  readonly [readsVariable]?: TReads
}

/**
 * Whether a condition reads a workflow variable (`true`, `false`, or `boolean` when unknown).
 * @example
 * type R = ConditionReads<Condition<true>> // true
 */
export type ConditionReads<TCondition> = TCondition extends Condition<infer TReads> ? TReads : never

/**
 * What a Choice rule's condition may be in a scope: in a Distributed Map iteration, only one that reads
 * no workflow variable (the iterations are child executions that cannot see them, ASL-SPEC §4). A plain
 * `Condition` (unknown flag) is accepted; SFN109 checks it when the workflow is built.
 * PERF: one conditional on the condition's flag.
 * @example
 * type Refused = ConditionIn<'distributed', Condition<true>> // the sentence
 */
export type ConditionIn<TScope extends Scope, TCondition> = TScope extends 'distributed'
  ? [ConditionReads<TCondition>] extends [true]
    ? CannotReadOuter
    : TCondition
  : TCondition

// What each condition says: 'yes' it reads a workflow variable, 'no', or 'maybe' (a plain Condition).
type Says<TCondition> =
  TCondition extends Condition<infer TReads>
    ? [TReads] extends [true]
      ? 'yes'
      : [TReads] extends [false]
        ? 'no'
        : 'maybe'
    : never

// The flag of and/or/not: true when one of the conditions reads a workflow variable, unknown (boolean)
// when one is a plain Condition, false otherwise.
type AnyReads<TConditions> =
  'yes' extends Says<TConditions> ? true : 'maybe' extends Says<TConditions> ? boolean : false

// The flag of a comparison: either operand may be a workflow variable. PERF: two shallow checks, no walk
// (a walk here made `const c: Condition = eq(…)` instantiate too deeply through return-type inference).
type Reads<TLeft, TRight = never> = true extends
  IsWorkflowVariable<TLeft> | IsWorkflowVariable<TRight>
  ? true
  : false

const nodeOfCondition = new WeakMap<object, ConditionNode>()

const makeCondition = <TReads extends boolean>(node: ConditionNode): Condition<TReads> => {
  const condition = Object.freeze({}) as Condition<TReads>
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
): Condition<never> =>
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
export const eq = <
  TRef extends ValueRef<Comparable>,
  TValue extends RefValue<TRef> | ValueRef<RefValue<TRef>>,
>(
  ref: TRef,
  value: TValue,
): Condition<Reads<TRef, TValue>> => compare('eq', ref, value as Comparable | ValueRef<unknown>)

/** An ordering comparison (`lt`, `gt`, `lte`, `gte`): a string or number field against a value of its type. */
export type Ordering = <
  TRef extends ValueRef<string | number>,
  TValue extends RefValue<TRef> | ValueRef<RefValue<TRef>>,
>(
  ref: TRef,
  value: TValue,
) => Condition<Reads<TRef, TValue>>

const ordering =
  (op: 'lt' | 'gt' | 'lte' | 'gte'): Ordering =>
  (ref, value) =>
    compare(op, ref, value as Comparable | ValueRef<unknown>)

/**
 * The value is less than `value` (`NumericLessThan`, or `StringLessThan` for strings).
 * @example
 * lt(s.amount, 100) // { "Variable": "$.amount", "NumericLessThan": 100 }
 */
export const lt: Ordering = ordering('lt')

/**
 * The value is greater than `value`.
 * @example
 * gt(s.amount, 100) // { "Variable": "$.amount", "NumericGreaterThan": 100 }
 */
export const gt: Ordering = ordering('gt')

/**
 * The value is less than or equal to `value`.
 * @example
 * lte(s.amount, 100) // { "Variable": "$.amount", "NumericLessThanEquals": 100 }
 */
export const lte: Ordering = ordering('lte')

/**
 * The value is greater than or equal to `value`.
 * @example
 * gte(s.amount, 100) // { "Variable": "$.amount", "NumericGreaterThanEquals": 100 }
 */
export const gte: Ordering = ordering('gte')

/**
 * The string matches a pattern where `*` stands for any characters (`StringMatches`).
 * @example
 * matches(s.file, '*.csv') // { "Variable": "$.file", "StringMatches": "*.csv" }
 */
export const matches = <TRef extends ValueRef<string>>(
  ref: TRef,
  pattern: string,
): Condition<Reads<TRef>> => makeCondition({ kind: 'matches', left: pathOf(ref), pattern })

/**
 * A type test (`isPresent`, `isNull`, …): its flag says whether `ref` is a workflow variable. Every type test
 * accepts any field, also one that may be absent, and means the same in both query languages: on an absent
 * field `isNull`, `isString`, … are false (`expected: false` makes them true). JSONPath writes them guarded by
 * `IsPresent`, because AWS fails an unguarded test on an absent field with States.Runtime.
 */
export type TypeTest = <TRef extends ValueRef<unknown>>(
  ref: TRef,
  expected?: boolean,
) => Condition<Reads<TRef>>

const typeTest =
  (test: TestKind): TypeTest =>
  (ref, expected = true) =>
    makeCondition({ kind: 'test', test, path: pathOf(ref), expected })

/**
 * The field exists (`IsPresent`); works on optional fields, which comparisons refuse.
 * @example
 * isPresent(s.coupon) // { "Variable": "$.coupon", "IsPresent": true }
 */
export const isPresent: TypeTest = typeTest('isPresent')
/**
 * The value is JSON null (`IsNull`); false when the field is absent.
 * @example
 * isNull(s.coupon) // { "And": [{ "Variable": "$.coupon", "IsPresent": true }, { "Variable": "$.coupon", "IsNull": true }] }
 */
export const isNull: TypeTest = typeTest('isNull')
/**
 * The value is a string (`IsString`); false when the field is absent.
 * @example
 * isString(s.id) // { "And": [{ "Variable": "$.id", "IsPresent": true }, { "Variable": "$.id", "IsString": true }] }
 */
export const isString: TypeTest = typeTest('isString')
/**
 * The value is a number (`IsNumeric`); false when the field is absent.
 * @example
 * isNumeric(s.id) // { "And": [{ "Variable": "$.id", "IsPresent": true }, { "Variable": "$.id", "IsNumeric": true }] }
 */
export const isNumeric: TypeTest = typeTest('isNumeric')
/**
 * The value is a boolean (`IsBoolean`); false when the field is absent.
 * @example
 * isBoolean(s.ok) // { "And": [{ "Variable": "$.ok", "IsPresent": true }, { "Variable": "$.ok", "IsBoolean": true }] }
 */
export const isBoolean: TypeTest = typeTest('isBoolean')
/**
 * The value is an RFC 3339 timestamp string (`IsTimestamp`); false when the field is absent.
 * @example
 * isTimestamp(s.at) // { "And": [{ "Variable": "$.at", "IsPresent": true }, { "Variable": "$.at", "IsTimestamp": true }] }
 */
export const isTimestamp: TypeTest = typeTest('isTimestamp')

const combine = (kind: 'and' | 'or', conditions: readonly Condition[]): Condition<never> => {
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
export const and = <const TConditions extends readonly [Condition, ...Condition[]]>(
  ...conditions: TConditions
): Condition<AnyReads<TConditions[number]>> => combine('and', conditions)

/**
 * At least one condition holds (`Or`).
 * @example
 * or(eq(s.tier, 'gold'), gt(s.amount, 1000)) // { "Or": [ … , … ] }
 */
export const or = <const TConditions extends readonly [Condition, ...Condition[]]>(
  ...conditions: TConditions
): Condition<AnyReads<TConditions[number]>> => combine('or', conditions)

/**
 * The condition does not hold (`Not`).
 * @example
 * not(eq(s.status, 'DONE')) // { "Not": { "Variable": "$.status", "StringEquals": "DONE" } }
 */
export const not = <TCondition extends Condition>(
  condition: TCondition,
): Condition<AnyReads<TCondition>> =>
  makeCondition({ kind: 'not', condition: conditionNodeOf(condition) })

/** What a timestamp comparison compares with: a literal, a Date, or another string field (`…Path`). */
export type TimestampValue = string | Date | ValueRef<string>

// RFC 3339 with a zone: what AWS's Timestamp comparators accept (ASL-SPEC §8).
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

const timestampCompare = (
  operator: CompareOperator,
  ref: ValueRef<string>,
  value: TimestampValue,
): Condition<never> => {
  if (isRef(value)) {
    // Another field (`Timestamp…Path`): its text is only known at run time, as AWS reads it then.
    return makeCondition({
      kind: 'compare',
      operator,
      operand: 'timestamp',
      left: pathOf(ref),
      right: pathOf(value),
    })
  }
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

/** A timestamp comparison (`timestampEq`, `timestampLt`, …): a string field against a timestamp or another field. */
export type TimestampOrdering = <TRef extends ValueRef<string>, TValue extends TimestampValue>(
  ref: TRef,
  value: TValue,
) => Condition<Reads<TRef, TValue>>

const timestampOrdering =
  (op: CompareOperator): TimestampOrdering =>
  (ref, value) =>
    timestampCompare(op, ref, value)

/**
 * The timestamp string equals `value` (`TimestampEquals`); `value` may be another field (`TimestampEqualsPath`),
 * as for every `timestamp…()` comparison.
 * @example
 * timestampEq(s.at, '2026-01-01T00:00:00Z') // { "Variable": "$.at", "TimestampEquals": "2026-01-01T00:00:00Z" }
 * timestampLt(s.start, s.end)               // { "Variable": "$.start", "TimestampLessThanPath": "$.end" }
 */
export const timestampEq: TimestampOrdering = timestampOrdering('eq')
/**
 * The timestamp is before `value` (`TimestampLessThan`).
 * @example
 * timestampLt(s.at, new Date('2026-01-01')) // { "Variable": "$.at", "TimestampLessThan": "2026-01-01T00:00:00.000Z" }
 */
export const timestampLt: TimestampOrdering = timestampOrdering('lt')
/**
 * The timestamp is after `value` (`TimestampGreaterThan`).
 * @example
 * timestampGt(s.at, '2026-01-01T00:00:00Z') // { "Variable": "$.at", "TimestampGreaterThan": "…" }
 */
export const timestampGt: TimestampOrdering = timestampOrdering('gt')
/**
 * The timestamp is at or before `value` (`TimestampLessThanEquals`).
 * @example
 * timestampLte(s.at, '2026-01-01T00:00:00Z') // { "Variable": "$.at", "TimestampLessThanEquals": "…" }
 */
export const timestampLte: TimestampOrdering = timestampOrdering('lte')
/**
 * The timestamp is at or after `value` (`TimestampGreaterThanEquals`).
 * @example
 * timestampGte(s.at, '2026-01-01T00:00:00Z') // { "Variable": "$.at", "TimestampGreaterThanEquals": "…" }
 */
export const timestampGte: TimestampOrdering = timestampOrdering('gte')

/**
 * A JSONata `Condition` for what the typed helpers cannot say (JSONata states only).
 * @example
 * condition(jsonata<boolean>('$count($states.input.items) > 2')) // "Condition": "{% ($count($states.input.items) > 2) %}"
 */
export const condition = (expression: Expression<boolean>): Condition<false> => {
  const node = toValueNode(expression)
  if (node.kind !== 'jsonata') {
    throw new DslError('SFN103', 'condition() needs a jsonata<boolean>(…) expression.')
  }
  return makeCondition({ kind: 'expression', expression: node.expression })
}
