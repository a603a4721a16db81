import type { JsonValue } from '@statewright/asl'
import { DslError } from '../errors.ts'
import type { PathNode, PathRoot, PathSegment } from '../ir/path-node.ts'
import { constantOf, isConstant, type ValueNode } from '../ir/value-node.ts'

/**
 * Which roots a field may read and how each is spelled there. JSONPath fields differ (`$` is the effective
 * input in Parameters but the result in ResultSelector); a root missing from the table cannot be read there.
 */
export type Roots = Partial<Record<PathRoot, string>>

export const JSONATA_ROOTS: Roots = {
  input: '$states.input',
  result: '$states.result',
  errorOutput: '$states.errorOutput',
  context: '$states.context',
  variable: '$',
}

const ROOT_NAMES: Record<PathRoot, string> = {
  input: 'the state input',
  result: 'the task result',
  errorOutput: 'the error output',
  context: 'the context object',
  variable: 'a variable',
}

const plainKey = /^[A-Za-z_][A-Za-z0-9_]*$/

const jsonPathSegment = (segment: PathSegment): string =>
  typeof segment === 'number'
    ? `[${segment}]`
    : plainKey.test(segment)
      ? `.${segment}`
      : `['${segment.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}']`

const jsonataSegment = (segment: PathSegment): string =>
  typeof segment === 'number'
    ? `[${segment}]`
    : plainKey.test(segment)
      ? `.${segment}`
      : `.\`${segment.replaceAll('`', '')}\``

const rootOf = (path: PathNode, roots: Roots, field: string): string => {
  const root = roots[path.root]
  if (root === undefined) {
    throw new DslError(
      'SFN107',
      `${field} cannot read ${ROOT_NAMES[path.root]} in this query language: read it in another field, or use JSONata.`,
    )
  }
  return root
}

/** A path in JSONPath syntax (`$.order.id`, `$$.Execution.Id`, `$total`). */
export function jsonPathOf(path: PathNode, roots: Roots, field: string): string {
  const root = rootOf(path, roots, field)
  if (path.root === 'variable') {
    const [name, ...rest] = path.segments
    return `$${String(name)}${rest.map(jsonPathSegment).join('')}`
  }
  return root + path.segments.map(jsonPathSegment).join('')
}

/** A path in JSONata syntax (`$states.input.order.id`, `$total`). */
export function jsonataPathOf(path: PathNode, roots: Roots, field: string): string {
  const root = rootOf(path, roots, field)
  if (path.root === 'variable') {
    const [name, ...rest] = path.segments
    return `$${String(name)}${rest.map(jsonataSegment).join('')}`
  }
  return root + path.segments.map(jsonataSegment).join('')
}

/** JSONata for setting `segments` of `base` to `value` (what JSONPath's ResultPath does), by merging. */
export function jsonataSetPath(
  base: string,
  segments: readonly PathSegment[],
  value: string,
): string {
  const [first, ...rest] = segments
  if (first === undefined) return value
  if (typeof first === 'number') {
    throw new DslError(
      'SFN104',
      'A result path cannot end in an array index: name an object field.',
    )
  }
  const inner =
    rest.length === 0 ? value : jsonataSetPath(`${base}${jsonataSegment(first)}`, rest, value)
  return `$merge([${base}, {${JSON.stringify(first)}: ${inner}}])`
}

// Intrinsic string arguments escape ' and \ (and { } except in the Format template, whose {} are slots).
const intrinsicString = (value: string, keepBraces: boolean): string =>
  `'${value.replace(keepBraces ? /['\\]/g : /['\\{}]/g, (c) => `\\${c}`)}'`

function intrinsicArg(
  node: ValueNode,
  roots: Roots,
  field: string,
  index: number,
  name: string,
): string {
  switch (node.kind) {
    case 'literal':
      return typeof node.value === 'string'
        ? intrinsicString(node.value, name === 'States.Format' && index === 0)
        : JSON.stringify(node.value)
    case 'path':
      return jsonPathOf(node, roots, field)
    case 'intrinsic':
      return intrinsicCall(node, roots, field)
    default:
      throw new DslError(
        'SFN107',
        `${name} in ${field} cannot take an object, an array or a JSONata expression as an argument in JSONPath: pass a reference instead.`,
      )
  }
}

const intrinsicCall = (
  node: Extract<ValueNode, { kind: 'intrinsic' }>,
  roots: Roots,
  field: string,
): string =>
  `${node.name}(${node.args.map((arg, index) => intrinsicArg(arg, roots, field, index, node.name)).join(', ')})`

/** The string a `.$` key holds: a path or an intrinsic call. */
function dynamicJsonPath(node: ValueNode, roots: Roots, field: string): string {
  switch (node.kind) {
    case 'path':
      return jsonPathOf(node, roots, field)
    case 'intrinsic':
      return intrinsicCall(node, roots, field)
    case 'array':
      return intrinsicCall(
        { kind: 'intrinsic', name: 'States.Array', args: node.items },
        roots,
        field,
      )
    case 'jsonata':
      throw new DslError(
        'SFN107',
        `${field} holds a JSONata expression, but the state uses JSONPath: set queryLanguage('JSONata') on the state or the workflow.`,
      )
    default:
      throw new Error(`Internal error in @statewright/dsl (a bug): ${node.kind} is not dynamic.`)
  }
}

/**
 * A JSONPath payload template (ASL-SPEC §6.2): references become `"key.$": "$.path"`, intrinsics
 * `"key.$": "States.Format(…)"`, constants stay as they are.
 * @example
 * lowerJsonPathTemplate(toValueNode({ id: s.order.id, kind: 'x' }), { input: '$' }, 'Parameters')
 * // { "id.$": "$.order.id", "kind": "x" }
 */
export function lowerJsonPathTemplate(node: ValueNode, roots: Roots, field: string): JsonValue {
  if (isConstant(node)) return constantOf(node)
  if (node.kind !== 'object') {
    throw new DslError(
      'SFN107',
      `${field} in JSONPath must be an object template: wrap the value in an object, like { value: … }.`,
    )
  }
  const out: Record<string, JsonValue> = {}
  for (const [key, value] of node.entries) {
    const where = `${field}.${key}`
    if (isConstant(value)) out[key] = constantOf(value)
    else if (value.kind === 'object') out[key] = lowerJsonPathTemplate(value, roots, where)
    // AWS evaluates templates inside array items (e.g. EventBridge Entries), so an array of objects stays
    // an array; an array of plain values with references becomes States.Array(…).
    else if (
      value.kind === 'array' &&
      value.items.every((item) => item.kind === 'object' || isConstant(item))
    ) {
      out[key] = value.items.map((item) => lowerJsonPathTemplate(item, roots, where))
    } else out[`${key}.$`] = dynamicJsonPath(value, roots, where)
  }
  return out
}

/** A JSONata expression body for a value (no `{% %}`). */
export function jsonataExpressionOf(node: ValueNode, roots: Roots, field: string): string {
  switch (node.kind) {
    case 'literal':
      return JSON.stringify(node.value)
    case 'path':
      return jsonataPathOf(node, roots, field)
    case 'object':
      return `{${node.entries.map(([key, value]) => `${JSON.stringify(key)}: ${jsonataExpressionOf(value, roots, field)}`).join(', ')}}`
    case 'array':
      return `[${node.items.map((item) => jsonataExpressionOf(item, roots, field)).join(', ')}]`
    case 'jsonata':
      return `(${node.expression})`
    case 'intrinsic':
      return jsonataIntrinsic(node, roots, field)
  }
}

function jsonataIntrinsic(
  node: Extract<ValueNode, { kind: 'intrinsic' }>,
  roots: Roots,
  field: string,
): string {
  const args = node.args.map((arg) => jsonataExpressionOf(arg, roots, field))
  const [a = '', b = '', c = ''] = args
  switch (node.name) {
    case 'States.Format': {
      const template = node.args[0]
      if (template?.kind !== 'literal' || typeof template.value !== 'string') {
        throw new DslError('SFN104', 'format() needs a literal template string.')
      }
      const parts = template.value.split('{}')
      const pieces: string[] = []
      parts.forEach((part, index) => {
        if (part.length > 0) pieces.push(JSON.stringify(part))
        if (index < parts.length - 1) pieces.push(`$string(${args[index + 1] ?? '""'})`)
      })
      return pieces.length === 0 ? '""' : `(${pieces.join(' & ')})`
    }
    case 'States.StringToJson':
      return `$parse(${a})`
    case 'States.JsonToString':
      return `$string(${a})`
    case 'States.Array':
      return `[${args.join(', ')}]`
    case 'States.ArrayPartition':
      return `$partition(${a}, ${b})`
    case 'States.ArrayContains':
      return `(${b} in ${a})`
    case 'States.ArrayRange':
      return jsonataRange(node.args, a, b, c)
    case 'States.ArrayGetItem':
      return `(${a})[${b}]`
    case 'States.ArrayLength':
      return `$count(${a})`
    case 'States.ArrayUnique':
      return `$distinct(${a})`
    case 'States.Base64Encode':
      return `$base64encode(${a})`
    case 'States.Base64Decode':
      return `$base64decode(${a})`
    case 'States.Hash':
      return `$hash(${a}, ${b})`
    case 'States.JsonMerge':
      return `$merge([${a}, ${b}])`
    case 'States.MathRandom':
      return jsonataRandom(node.args, a, b, c)
    case 'States.MathAdd':
      // States.MathAdd rounds each argument half up (Java's Math.round), then adds.
      return `(${rounded(node.args[0], a)} + ${rounded(node.args[1], b)})`
    case 'States.StringSplit':
      return jsonataSplit(node.args[1], a, b)
    case 'States.UUID':
      return '$uuid()'
  }
}

/**
 * A JSONata field value: constants as JSON, objects as objects whose dynamic leaves are `{% … %}` strings
 * (readable, as AWS's own examples write them), anything else one `{% … %}` string.
 * @example
 * lowerJsonataValue(toValueNode({ id: s.order.id }), JSONATA_ROOTS, 'Arguments')
 * // { "id": "{% $states.input.order.id %}" }
 */
export function lowerJsonataValue(node: ValueNode, roots: Roots, field: string): JsonValue {
  if (isConstant(node)) return constantOf(node)
  if (node.kind === 'object') {
    return Object.fromEntries(
      node.entries.map(([key, value]) => [key, lowerJsonataValue(value, roots, `${field}.${key}`)]),
    )
  }
  if (node.kind === 'array') return node.items.map((item) => lowerJsonataValue(item, roots, field))
  return `{% ${jsonataExpressionOf(node, roots, field)} %}`
}

// The JSONata forms below compute what the intrinsic computes in JSONPath (packages/runtime/src/expr,
// which follows AWS), so one workflow behaves the same in both languages: integers rounded or required as
// the intrinsic does, arrays always arrays (a JSONata sequence of one item is the item), and a call the
// intrinsic refuses fails ($error: States.QueryEvaluationError, where JSONPath fails with States.Runtime).
// Block variables are prefixed with `__` so they do not shadow workflow variables the arguments read.

const isIntegerLiteral = (node: ValueNode | undefined): boolean =>
  node?.kind === 'literal' && typeof node.value === 'number' && Number.isInteger(node.value)

/** Java's `Math.round` (half up), which the intrinsics apply to decimals; an integer literal as it is. */
const rounded = (node: ValueNode | undefined, text: string): string =>
  isIntegerLiteral(node) ? text : `$floor((${text}) + 0.5)`

function jsonataRange(args: readonly ValueNode[], a: string, b: string, c: string): string {
  // Literal arguments were checked when the workflow was built (intrinsics.ts).
  if (args.every(isIntegerLiteral)) return `[$range(${a}, ${b}, ${c})]`
  const refused =
    '$error("States.ArrayRange needs integers, a step other than 0 and at most 1000 items")'
  return (
    `($__first := ${a}; $__last := ${b}; $__step := ${c}; ` +
    `$__first = $floor($__first) and $__last = $floor($__last) and $__step = $floor($__step) and $__step != 0 ` +
    `? ($floor(($__last - $__first) / $__step) + 1 <= 1000 ? [$range($__first, $__last, $__step)] : ${refused}) ` +
    `: ${refused})`
  )
}

function jsonataRandom(args: readonly ValueNode[], a: string, b: string, c: string): string {
  const random = args.length > 2 ? `$random(${rounded(args[2], c)})` : '$random()'
  if (isIntegerLiteral(args[0]) && isIntegerLiteral(args[1])) {
    // Literal bounds were checked when the workflow was built (intrinsics.ts).
    return `($floor(${random} * (${b} - ${a})) + ${a})`
  }
  return (
    `($__start := ${rounded(args[0], a)}; $__end := ${rounded(args[1], b)}; ` +
    `$__end > $__start ? $floor(${random} * ($__end - $__start)) + $__start ` +
    `: $error("States.MathRandom needs an end greater than its start"))`
  )
}

function jsonataSplit(delimiters: ValueNode | undefined, a: string, b: string): string {
  // States.StringSplit splits on every character of the delimiters and drops empty pieces.
  if (delimiters?.kind === 'literal' && typeof delimiters.value === 'string') {
    const chars = [...delimiters.value]
    if (chars.length === 0) return `[(${a})[$ != ""]]`
    if (chars.length === 1) return `[$split(${a}, ${b})[$ != ""]]`
    const set = chars.map((ch) => ch.replace(/[\\\]^\-/]/g, (x) => `\\${x}`)).join('')
    return `[$split(${a}, /[${set}]/)[$ != ""]]`
  }
  // Delimiters known only at run time: turn each into the first one, then split on it.
  return (
    `($__chars := $split(${b}, ""); $__text := ${a}; ` +
    `[($count($__chars) = 0 ? $__text : $split($reduce($__chars, function($__t, $__c) { $replace($__t, $__c, $__chars[0]) }, $__text), $__chars[0]))[$ != ""]])`
  )
}
