import type { AslChoiceRule, JsonValue } from '@statewright/asl'

import { StatesError } from '../errors.ts'
import { selectPath, type PathScope } from './jsonpath.ts'
import { compareInstants, parseTimestamp } from './timestamp.ts'

type Family = 'String' | 'Numeric' | 'Timestamp'
type Relation = 'Equals' | 'LessThan' | 'GreaterThan' | 'LessThanEquals' | 'GreaterThanEquals'

interface ComparisonOperator {
  readonly family: Family | 'Boolean'
  readonly relation: Relation
  readonly isPath: boolean
}

const RELATIONS: readonly Relation[] = [
  'Equals',
  'LessThan',
  'GreaterThan',
  'LessThanEquals',
  'GreaterThanEquals',
]

// Operator name → what it compares; built once (ASL-SPEC §8 table).
const COMPARISONS: ReadonlyMap<string, ComparisonOperator> = (() => {
  const table = new Map<string, ComparisonOperator>()
  for (const family of ['String', 'Numeric', 'Timestamp'] as const) {
    for (const relation of RELATIONS) {
      table.set(`${family}${relation}`, { family, relation, isPath: false })
      table.set(`${family}${relation}Path`, { family, relation, isPath: true })
    }
  }
  table.set('BooleanEquals', { family: 'Boolean', relation: 'Equals', isPath: false })
  table.set('BooleanEqualsPath', { family: 'Boolean', relation: 'Equals', isPath: true })
  return table
})()

const TYPE_TESTS: ReadonlySet<string> = new Set([
  'IsNull',
  'IsPresent',
  'IsNumeric',
  'IsString',
  'IsBoolean',
  'IsTimestamp',
])

function invalidPath(path: string): StatesError {
  return new StatesError(
    'States.Runtime',
    `Invalid path '${path}': The choice state's condition path references an invalid value.`,
  )
}

/**
 * Evaluates one JSONPath Choice rule (ASL-SPEC §8): `And`/`Or` (short-circuit, in order), `Not`, and every
 * data-test operator. A type mismatch makes a comparison false; a `Variable` or `…Path` operand that
 * matches nothing fails with `States.Runtime`, except under `IsPresent`.
 *
 * @example
 * evaluateChoiceRule({ Variable: '$.n', NumericGreaterThan: 1, Next: 'Big' }, { n: 2 }, scope) // true
 * evaluateChoiceRule({ Not: { Variable: '$.s', IsPresent: true } }, {}, scope) // true
 */
export function evaluateChoiceRule(
  rule: AslChoiceRule,
  input: JsonValue,
  scope: PathScope,
): boolean {
  if (rule.And !== undefined) return rule.And.every((r) => evaluateChoiceRule(r, input, scope))
  if (rule.Or !== undefined) return rule.Or.some((r) => evaluateChoiceRule(r, input, scope))
  if (rule.Not !== undefined) return !evaluateChoiceRule(rule.Not, input, scope)
  const variable = rule.Variable
  if (typeof variable !== 'string') {
    throw new StatesError('States.Runtime', 'A Choice rule has no Variable and no And, Or or Not.')
  }
  for (const key of Object.keys(rule)) {
    if (
      key === 'Variable' ||
      key === 'Next' ||
      key === 'Comment' ||
      key === 'Assign' ||
      key === 'Output'
    )
      continue
    const operand = rule[key] as JsonValue
    if (TYPE_TESTS.has(key)) return typeTest(key, variable, operand, input, scope)
    if (key === 'StringMatches') {
      const value = readVariable(variable, input, scope)
      return (
        typeof value === 'string' && typeof operand === 'string' && stringMatches(value, operand)
      )
    }
    const comparison = COMPARISONS.get(key)
    if (comparison !== undefined) return compareRule(comparison, variable, operand, input, scope)
  }
  throw new StatesError(
    'States.Runtime',
    `The Choice rule on '${variable}' has no comparison operator.`,
  )
}

function readVariable(path: string, input: JsonValue, scope: PathScope): JsonValue {
  const result = selectPath(path, input, scope)
  if (!result.found) throw invalidPath(path)
  return result.value
}

function typeTest(
  operator: string,
  variable: string,
  expected: JsonValue,
  input: JsonValue,
  scope: PathScope,
): boolean {
  const want = expected === true
  if (operator === 'IsPresent') return selectPath(variable, input, scope).found === want
  const value = readVariable(variable, input, scope)
  let is: boolean
  switch (operator) {
    case 'IsNull':
      is = value === null
      break
    case 'IsNumeric':
      is = typeof value === 'number'
      break
    case 'IsString':
      is = typeof value === 'string'
      break
    case 'IsBoolean':
      is = typeof value === 'boolean'
      break
    default:
      is = typeof value === 'string' && parseTimestamp(value) !== undefined
  }
  return is === want
}

function compareRule(
  op: ComparisonOperator,
  variable: string,
  operand: JsonValue,
  input: JsonValue,
  scope: PathScope,
): boolean {
  const value = readVariable(variable, input, scope)
  let other: JsonValue = operand
  if (op.isPath) {
    if (typeof operand !== 'string') throw invalidPath(String(operand))
    const result = selectPath(operand, input, scope)
    if (!result.found) throw invalidPath(operand)
    other = result.value
  }
  switch (op.family) {
    case 'Boolean':
      return typeof value === 'boolean' && typeof other === 'boolean' && value === other
    case 'Numeric':
      if (typeof value !== 'number' || typeof other !== 'number') return false
      return holds(op.relation, value < other ? -1 : value > other ? 1 : 0)
    case 'String':
      if (typeof value !== 'string' || typeof other !== 'string') return false
      return holds(op.relation, compareCodePoints(value, other))
    case 'Timestamp': {
      if (typeof value !== 'string' || typeof other !== 'string') return false
      const a = parseTimestamp(value)
      const b = parseTimestamp(other)
      if (a === undefined || b === undefined) return false
      return holds(op.relation, compareInstants(a, b))
    }
  }
}

function holds(relation: Relation, order: number): boolean {
  switch (relation) {
    case 'Equals':
      return order === 0
    case 'LessThan':
      return order < 0
    case 'GreaterThan':
      return order > 0
    case 'LessThanEquals':
      return order <= 0
    case 'GreaterThanEquals':
      return order >= 0
  }
}

/** Orders strings by Unicode code point (ASL-SPEC §8), not by UTF-16 unit as `<` does. */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    const ca = a.codePointAt(i)!
    const cb = b.codePointAt(j)!
    if (ca !== cb) return ca - cb
    i += ca > 0xffff ? 2 : 1
    j += cb > 0xffff ? 2 : 1
  }
  return i < a.length ? 1 : j < b.length ? -1 : 0
}

/**
 * `StringMatches` (ASL-SPEC §8): `*` matches any run of characters, `\*` a literal star, `\\` a backslash.
 * Runs in linear time for any pattern: the pattern splits into literal pieces between stars; the first
 * must be a prefix, the last a suffix, and each middle piece is taken at its leftmost occurrence (always
 * optimal when `*` is the only wildcard), so nothing backtracks.
 *
 * @example
 * stringMatches('log-2024.txt', 'log-*.txt') // true
 * stringMatches('a*b', 'a\\*b') // true (a literal star)
 */
export function stringMatches(value: string, pattern: string): boolean {
  const pieces: string[] = []
  let current = ''
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!
    if (c === '\\') {
      const next = pattern[i + 1]
      if (next === undefined) {
        throw new StatesError(
          'States.Runtime',
          `The StringMatches pattern '${pattern}' ends with a lone backslash; escape it as '\\\\'.`,
        )
      }
      current += next
      i++
    } else if (c === '*') {
      pieces.push(current)
      current = ''
    } else {
      current += c
    }
  }
  pieces.push(current)
  if (pieces.length === 1) return value === pieces[0]
  const first = pieces[0]!
  const last = pieces[pieces.length - 1]!
  if (value.length < first.length + last.length) return false
  if (!value.startsWith(first) || !value.endsWith(last)) return false
  let position = first.length
  const end = value.length - last.length
  for (let k = 1; k < pieces.length - 1; k++) {
    const piece = pieces[k]!
    if (piece === '') continue
    const at = value.indexOf(piece, position)
    if (at === -1 || at + piece.length > end) return false
    position = at + piece.length
  }
  return true
}

/** True when `rule` carries a data-test operator this evaluator knows (for callers that validate). */
export function isKnownChoiceOperator(name: string): boolean {
  return TYPE_TESTS.has(name) || name === 'StringMatches' || COMPARISONS.has(name)
}
