import {
  parsePath,
  type FilterExpression,
  type FilterOperand,
  type JsonValue,
  type ParsedPath,
  type PathSegment,
  type PathSelector,
} from '@statewright/asl'

import { StatesError } from '../errors.ts'
import { hasOwn, isObject, jsonEquals, ownKeys, toJsonText, withKey } from './json.ts'

/** What `$$…` and `$name…` resolve against. */
export interface PathScope {
  /** The Context Object (`$$`). */
  readonly context: JsonValue
  /** Workflow variables (`$name`). */
  readonly variables: Readonly<Record<string, JsonValue>>
}

/** The outcome of {@link selectPath}: a value, or nothing matched. */
export type PathResult =
  { readonly found: true; readonly value: JsonValue } | { readonly found: false }

const NOT_FOUND: PathResult = Object.freeze({ found: false })

/** The path text, parsed, or a States.Runtime error (invalid syntax reaching the runtime is a definition bug). */
export function compilePath(text: string): ParsedPath {
  const parsed = parsePath(text)
  if (!parsed.ok) {
    throw new StatesError('States.Runtime', `Invalid path '${text}' : ${parsed.message}`)
  }
  return parsed.path
}

/**
 * Selects with a JSONPath as AWS does (Jayway semantics): a definite path yields its one value or
 * `{ found: false }`; an indefinite path (wildcards, filters, slices, unions, `..`) yields the array of
 * its matches, empty when nothing matches. `$$…` reads the Context Object, `$name…` a variable.
 *
 * @example
 * selectPath('$.a[0]', { a: [7] }, scope) // { found: true, value: 7 }
 * selectPath('$.a[*].b', { a: [{ b: 1 }, {}] }, scope) // { found: true, value: [1] }
 * selectPath('$.nope', {}, scope) // { found: false }
 */
export function selectPath(path: string, input: JsonValue, scope: PathScope): PathResult {
  return selectParsed(compilePath(path), input, scope)
}

/** {@link selectPath} for an already parsed path. */
export function selectParsed(path: ParsedPath, input: JsonValue, scope: PathScope): PathResult {
  const root = rootValue(path, input, scope, input)
  if (root === undefined) return NOT_FOUND
  const last = path.segments[path.segments.length - 1]
  if (last !== undefined && last.selector.kind === 'function') {
    // Jayway applies a trailing function to everything the path before it selected (`$..price.sum()`).
    const before = path.segments.slice(0, -1)
    const selected = before.every(isDefiniteStep)
      ? evaluateDefinite(before, root, scope)
      : collect(before, root, scope)
    const value = selected === undefined ? undefined : applyFunction(last.selector.name, selected)
    return value === undefined ? NOT_FOUND : { found: true, value }
  }
  if (path.isDefinite) {
    const value = evaluateDefinite(path.segments, root, scope)
    return value === undefined ? NOT_FOUND : { found: true, value }
  }
  return { found: true, value: collect(path.segments, root, scope) }
}

function collect(segments: readonly PathSegment[], root: JsonValue, scope: PathScope): JsonValue[] {
  const out: JsonValue[] = []
  evaluateIndefinite(segments, 0, root, scope, root, out)
  return out
}

function isDefiniteStep(segment: PathSegment): boolean {
  const s = segment.selector
  if (segment.deep) return false
  return (
    (s.kind === 'property' && s.names.length === 1) ||
    (s.kind === 'index' && s.indices.length === 1)
  )
}

function rootValue(
  path: ParsedPath,
  input: JsonValue,
  scope: PathScope,
  current: JsonValue,
): JsonValue | undefined {
  switch (path.root.kind) {
    case 'input':
      return input
    case 'context':
      return scope.context
    case 'current':
      return current
    case 'variable':
      return hasOwn(scope.variables, path.root.name) ? scope.variables[path.root.name] : undefined
  }
}

// A definite path walks one node per step; `undefined` means "no result".
function evaluateDefinite(
  segments: readonly PathSegment[],
  root: JsonValue,
  scope: PathScope,
): JsonValue | undefined {
  let value: JsonValue = root
  for (const segment of segments) {
    const s = segment.selector
    if (s.kind === 'property') {
      if (!isObject(value) || !hasOwn(value, s.names[0]!)) return undefined
      value = value[s.names[0]!]!
    } else if (s.kind === 'index') {
      if (!Array.isArray(value)) return undefined
      const i = s.indices[0]!
      const item = value[i < 0 ? value.length + i : i]
      if (item === undefined) return undefined
      value = item
    } else if (s.kind === 'function') {
      const result = applyFunction(s.name, value)
      if (result === undefined) return undefined
      value = result
    } else {
      // Unreachable for definite paths; kept total so a parser change cannot yield a wrong result.
      const out: JsonValue[] = []
      evaluateIndefinite([segment], 0, value, scope, root, out)
      return out
    }
  }
  return value
}

function evaluateIndefinite(
  segments: readonly PathSegment[],
  index: number,
  value: JsonValue,
  scope: PathScope,
  root: JsonValue,
  out: JsonValue[],
): void {
  if (index === segments.length) {
    out.push(value)
    return
  }
  const segment = segments[index]!
  const next = (v: JsonValue): void => evaluateIndefinite(segments, index + 1, v, scope, root, out)
  if (segment.selector.kind === 'function') {
    // A function applies to everything selected so far (Jayway: `$.a[*].length()`).
    const result = applyFunction(segment.selector.name, value)
    if (result !== undefined) next(result)
    return
  }
  if (segment.deep) {
    deepScan(value, segment.selector, scope, root, next)
    return
  }
  select(value, segment.selector, scope, root, next)
}

/** Applies one selector to one node, calling `emit` per match (in document order). */
function select(
  value: JsonValue,
  selector: PathSelector,
  scope: PathScope,
  root: JsonValue,
  emit: (v: JsonValue) => void,
): void {
  switch (selector.kind) {
    case 'property':
      if (!isObject(value)) return
      for (const name of selector.names) if (hasOwn(value, name)) emit(value[name]!)
      return
    case 'index':
      if (!Array.isArray(value)) return
      for (const i of selector.indices) {
        const item = value[i < 0 ? value.length + i : i]
        if (item !== undefined) emit(item)
      }
      return
    case 'wildcard':
      if (Array.isArray(value)) for (const item of value) emit(item)
      else if (isObject(value)) for (const key of ownKeys(value)) emit(value[key]!)
      return
    case 'slice': {
      if (!Array.isArray(value)) return
      const len = value.length
      const step = selector.step ?? 1
      const clamp = (n: number): number => (n < 0 ? Math.max(len + n, 0) : Math.min(n, len))
      if (step > 0) {
        const start = selector.start === undefined ? 0 : clamp(selector.start)
        const end = selector.end === undefined ? len : clamp(selector.end)
        for (let i = start; i < end; i += step) emit(value[i]!)
      } else {
        const start =
          selector.start === undefined ? len - 1 : Math.min(clamp(selector.start), len - 1)
        const end = selector.end === undefined ? -1 : clamp(selector.end)
        for (let i = start; i > end; i += step) emit(value[i]!)
      }
      return
    }
    case 'filter':
      // Jayway applies a filter to each element of an array, or to an object itself.
      if (Array.isArray(value)) {
        for (const item of value) if (testFilter(selector.expression, item, scope, root)) emit(item)
      } else if (isObject(value)) {
        if (testFilter(selector.expression, value, scope, root)) emit(value)
      }
      return
    case 'function': {
      const result = applyFunction(selector.name, value)
      if (result !== undefined) emit(result)
      return
    }
  }
}

/**
 * `..x`: the selector applied to this node and then to every container below it, depth first in document
 * order (Jayway's ScanPathToken walk), so `$..*` lists a node's children before its grandchildren.
 */
function deepScan(
  value: JsonValue,
  selector: PathSelector,
  scope: PathScope,
  root: JsonValue,
  emit: (v: JsonValue) => void,
): void {
  // Iterative walk: deep documents must not overflow the call stack.
  const stack: JsonValue[] = [value]
  while (stack.length > 0) {
    const node = stack.pop()!
    select(node, selector, scope, root, emit)
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) {
        const child = node[i]!
        if (typeof child === 'object' && child !== null) stack.push(child)
      }
    } else if (isObject(node)) {
      const keys = ownKeys(node)
      for (let i = keys.length - 1; i >= 0; i--) {
        const child = node[keys[i]!]!
        if (typeof child === 'object' && child !== null) stack.push(child)
      }
    }
  }
}

function applyFunction(name: string, value: JsonValue): JsonValue | undefined {
  const numbers = (): number[] | undefined =>
    Array.isArray(value) && value.every((v) => typeof v === 'number')
      ? (value as number[])
      : undefined
  switch (name) {
    case 'length':
    case 'size':
      if (Array.isArray(value) || typeof value === 'string') return value.length
      if (isObject(value)) return ownKeys(value).length
      return undefined
    case 'keys':
      return isObject(value) ? ownKeys(value) : undefined
    case 'first':
      return Array.isArray(value) ? value[0] : undefined
    case 'last':
      return Array.isArray(value) ? value[value.length - 1] : undefined
    case 'min':
    case 'max':
    case 'sum':
    case 'avg':
    case 'stddev': {
      const ns = numbers()
      if (ns === undefined || (ns.length === 0 && name !== 'sum')) return undefined
      if (name === 'min') return Math.min(...ns)
      if (name === 'max') return Math.max(...ns)
      const sum = ns.reduce((a, b) => a + b, 0)
      if (name === 'sum') return sum
      const avg = sum / ns.length
      if (name === 'avg') return avg
      return Math.sqrt(ns.reduce((a, b) => a + (b - avg) ** 2, 0) / ns.length)
    }
  }
  return undefined
}

function testFilter(
  expression: FilterExpression,
  current: JsonValue,
  scope: PathScope,
  root: JsonValue,
): boolean {
  switch (expression.kind) {
    case 'and':
      return (
        testFilter(expression.left, current, scope, root) &&
        testFilter(expression.right, current, scope, root)
      )
    case 'or':
      return (
        testFilter(expression.left, current, scope, root) ||
        testFilter(expression.right, current, scope, root)
      )
    case 'not':
      return !testFilter(expression.operand, current, scope, root)
    case 'exists':
      return operandValue(expression.operand, current, scope, root) !== undefined
    case 'compare':
      return compare(
        expression.operator,
        operandValue(expression.left, current, scope, root),
        operandValue(expression.right, current, scope, root),
        expression.right,
      )
  }
}

function operandValue(
  operand: FilterOperand,
  current: JsonValue,
  scope: PathScope,
  root: JsonValue,
): JsonValue | undefined {
  if (operand.kind === 'literal') return operand.value
  if (operand.kind === 'regex') return undefined
  const start = rootValue(operand.path, root, scope, current)
  if (start === undefined) return undefined
  if (operand.path.isDefinite) return evaluateDefinite(operand.path.segments, start, scope)
  const out: JsonValue[] = []
  evaluateIndefinite(operand.path.segments, 0, start, scope, root, out)
  return out
}

function compare(
  operator: string,
  left: JsonValue | undefined,
  right: JsonValue | undefined,
  rightOperand: FilterOperand,
): boolean {
  switch (operator) {
    case '==':
      return left !== undefined && right !== undefined && looseEquals(left, right)
    case '!=':
      return !(left !== undefined && right !== undefined && looseEquals(left, right))
    case '===':
      return left !== undefined && right !== undefined && jsonEquals(left, right)
    case '!==':
      return !(left !== undefined && right !== undefined && jsonEquals(left, right))
    case 'contains':
      if (typeof left === 'string') return typeof right === 'string' && left.includes(right)
      return Array.isArray(left) && right !== undefined && left.some((l) => looseEquals(l, right))
    case 'all':
      return (
        Array.isArray(left) &&
        Array.isArray(right) &&
        right.every((r) => left.some((l) => jsonEquals(l, r)))
      )
    case 'exists':
      return typeof right === 'boolean' && (left !== undefined) === right
    case '<':
    case '<=':
    case '>':
    case '>=': {
      if (typeof left === 'number' && typeof right === 'number')
        return order(operator, left - right)
      if (typeof left === 'string' && typeof right === 'string') {
        return order(operator, left < right ? -1 : left > right ? 1 : 0)
      }
      return false
    }
    case '=~': {
      if (typeof left !== 'string' || rightOperand.kind !== 'regex') return false
      try {
        // The pattern is the definition author's, not execution data; Java's full-match is emulated.
        return new RegExp(
          `^(?:${rightOperand.source})$`,
          rightOperand.flags.replace(/[^imsu]/g, ''),
        ).test(left)
      } catch {
        return false
      }
    }
    case 'in':
      return Array.isArray(right) && left !== undefined && right.some((r) => looseEquals(left, r))
    case 'nin':
      return (
        Array.isArray(right) && !(left !== undefined && right.some((r) => looseEquals(left, r)))
      )
    case 'subsetof':
      return (
        Array.isArray(left) &&
        Array.isArray(right) &&
        left.every((l) => right.some((r) => jsonEquals(l, r)))
      )
    case 'anyof':
      return (
        Array.isArray(left) &&
        Array.isArray(right) &&
        left.some((l) => right.some((r) => jsonEquals(l, r)))
      )
    case 'noneof':
      return (
        Array.isArray(left) &&
        Array.isArray(right) &&
        !left.some((l) => right.some((r) => jsonEquals(l, r)))
      )
    case 'size':
      return (
        (Array.isArray(left) || typeof left === 'string') &&
        typeof right === 'number' &&
        left.length === right
      )
    case 'empty':
      return (
        (Array.isArray(left) || typeof left === 'string') &&
        typeof right === 'boolean' &&
        (left.length === 0) === right
      )
  }
  return false
}

function order(operator: string, diff: number): boolean {
  if (operator === '<') return diff < 0
  if (operator === '<=') return diff <= 0
  if (operator === '>') return diff > 0
  return diff >= 0
}

// Jayway's `==` compares a number with a numeric string by value (`@.n == '1'`); `===` does not.
function looseEquals(a: JsonValue, b: JsonValue): boolean {
  if (typeof a === 'number' && typeof b === 'string') return b.trim() !== '' && Number(b) === a
  if (typeof a === 'string' && typeof b === 'number') return a.trim() !== '' && Number(a) === b
  return jsonEquals(a, b)
}

/** Jayway's normalized form of a path prefix, as its error messages print it: `$['a'][0]`. */
function normalized(path: ParsedPath, upTo: number): string {
  // `$$…` and `$name…` are evaluated as `$…` on the context object or the variable's value, so
  // Jayway's messages print them from `$`.
  let text = '$'
  for (let i = 0; i < upTo; i++) {
    const segment = path.segments[i]!
    const s = segment.selector
    const prefix = segment.deep ? '..' : ''
    switch (s.kind) {
      case 'property':
        text += `${prefix}[${s.names.map((n) => `'${n}'`).join(',')}]`
        break
      case 'index':
        text += `${prefix}[${s.indices.join(',')}]`
        break
      case 'wildcard':
        text += `${prefix}[*]`
        break
      case 'slice':
        text += `${prefix}[${s.start ?? ''}:${s.end ?? ''}]`
        break
      case 'filter':
        text += `${prefix}[?]`
        break
      case 'function':
        text += `.${s.name}()`
        break
    }
  }
  return text
}

/**
 * Jayway's description of why a definite path selects nothing, as AWS quotes it after
 * "Invalid path '…' : ", e.g. `No results for path: $['x']` (the last step is missing) or
 * `Missing property in path $['no']` (a step before the last is missing).
 *
 * @example
 * describePathFailure('$.no.such', { a: 1 }, scope) // "Missing property in path $['no']"
 */
export function describePathFailure(path: string, input: JsonValue, scope: PathScope): string {
  const parsed = parsePath(path)
  if (!parsed.ok) return parsed.message
  const p = parsed.path
  let value = rootValue(p, input, scope, input)
  if (value === undefined) return `No results for path: ${normalized(p, 0)}`
  const last = p.segments.length - 1
  for (let i = 0; i <= last; i++) {
    const s = p.segments[i]!.selector
    if (s.kind === 'property') {
      const name = s.names[0]!
      if (!isObject(value)) {
        return `Expected to find an object with property ['${name}'] in path ${normalized(p, i)} but found '${javaClassOf(value)}'. This is not a json object according to the JsonProvider: 'com.jayway.jsonpath.spi.json.JsonSmartJsonProvider'.`
      }
      if (!hasOwn(value, name)) {
        return i === last
          ? `No results for path: ${normalized(p, i + 1)}`
          : `Missing property in path ${normalized(p, i + 1)}`
      }
      value = value[name]!
    } else if (s.kind === 'index') {
      if (value === null) return `The path ${normalized(p, i)} is null`
      if (!Array.isArray(value)) {
        return `Filter: [${s.indices.join(',')}] can only be applied to arrays. Current context is: ${toJsonText(value)}`
      }
      const index = s.indices[0]!
      const item: JsonValue | undefined = value[index < 0 ? value.length + index : index]
      if (item === undefined) return `No results for path: ${normalized(p, p.segments.length)}`
      value = item
    } else {
      break
    }
  }
  return `No results for path: ${normalized(p, p.segments.length)}`
}

function javaClassOf(value: JsonValue): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'net.minidev.json.JSONArray'
  switch (typeof value) {
    case 'string':
      return 'java.lang.String'
    case 'boolean':
      return 'java.lang.Boolean'
    case 'number':
      return Number.isInteger(value) ? 'java.lang.Integer' : 'java.lang.Double'
    default:
      return 'net.minidev.json.JSONObject'
  }
}

/**
 * Places `result` into `rawInput` at a ResultPath (ASL-SPEC §6.3 step 5): `$` (or undefined) replaces the
 * input, `null` discards the result, `$.a.b` sets `a.b`, creating missing objects on the way. The input is
 * never mutated: the objects along the path are copied, everything else is shared. Throws
 * `States.ResultPathMatchFailure` when a step of the path meets a value that is not an object.
 *
 * @example
 * applyResultPath({ a: 1 }, '$.r', 2) // { a: 1, r: 2 }
 * applyResultPath({ a: 1 }, null, 2) // { a: 1 }
 */
export function applyResultPath(
  rawInput: JsonValue,
  resultPath: string | null | undefined,
  result: JsonValue,
): JsonValue {
  if (resultPath === null) return rawInput
  if (resultPath === undefined || resultPath === '$') return result
  const path = compilePath(resultPath)
  if (path.root.kind !== 'input' || !path.isDefinite) {
    throw new StatesError(
      'States.ResultPathMatchFailure',
      `Unable to apply ResultPath '${resultPath}': it must be a Reference Path into the state's input.`,
    )
  }
  return place(rawInput, path.segments, 0, result, resultPath)
}

function place(
  node: JsonValue,
  segments: readonly PathSegment[],
  index: number,
  result: JsonValue,
  resultPath: string,
): JsonValue {
  if (index === segments.length) return result
  const s = segments[index]!.selector
  if (s.kind === 'property') {
    const name = s.names[0]!
    if (!isObject(node)) {
      throw new StatesError(
        'States.ResultPathMatchFailure',
        `Unable to apply step "${name}" to input ${toJsonText(node)}`,
      )
    }
    const child = hasOwn(node, name) ? node[name]! : {}
    return withKey(node, name, place(child, segments, index + 1, result, resultPath))
  }
  if (s.kind === 'index') {
    const i = s.indices[0]!
    if (
      !Array.isArray(node) ||
      (i < 0 ? node.length + i : i) >= node.length ||
      node.length + i < 0
    ) {
      throw new StatesError(
        'States.ResultPathMatchFailure',
        `Unable to apply step "[${i}]" to input ${toJsonText(node)}`,
      )
    }
    const at = i < 0 ? node.length + i : i
    const copy = node.slice()
    copy[at] = place(node[at]!, segments, index + 1, result, resultPath)
    return copy
  }
  throw new StatesError(
    'States.ResultPathMatchFailure',
    `Unable to apply ResultPath '${resultPath}': it must be a Reference Path into the state's input.`,
  )
}
