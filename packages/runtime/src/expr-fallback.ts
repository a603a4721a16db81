/**
 * @internal Stand-in for `./expr/index.ts` (the expression engineer's modules) until they land: the
 * simplest local JSONPath/JSONata code behind the agreed signatures. `expressions.ts` picks one.
 */
import type { AslChoiceRule, JsonValue } from '@statewright/asl'
import jsonata from 'jsonata'
import { StatesError } from './errors.ts'
import { isJsonObject, type JsonObject } from './json.ts'

export interface PathScope {
  readonly context: JsonValue
  readonly variables: Readonly<Record<string, JsonValue>>
}
/** Options the evaluators accept (the random source of UUIDs and random numbers). */
export interface ExprOptions {
  readonly random?: () => number
}
export type PathResult =
  { readonly found: true; readonly value: JsonValue } | { readonly found: false }
export interface JsonataScope {
  readonly input: JsonValue
  readonly context: JsonValue
  readonly result?: JsonValue
  readonly errorOutput?: JsonValue
  readonly variables: Readonly<Record<string, JsonValue>>
}

type Segment = string | number

function parse(path: string): { root: '$' | '$$' | string; segments: Segment[] } | undefined {
  const m = /^(\$\$|\$[A-Za-z_][A-Za-z0-9_]*|\$)/.exec(path)
  if (!m) return undefined
  const root = m[1]!
  const segments: Segment[] = []
  let i = root.length
  while (i < path.length) {
    if (path[i] === '.') {
      const n = /^\.([^.[\]]+)/.exec(path.slice(i))
      if (!n) return undefined
      segments.push(n[1]!)
      i += n[0].length
    } else if (path[i] === '[') {
      const n = /^\[(?:(\d+)|'([^']*)')\]/.exec(path.slice(i))
      if (!n) return undefined
      segments.push(n[1] !== undefined ? Number(n[1]) : n[2]!)
      i += n[0].length
    } else return undefined
  }
  return { root, segments }
}

export function selectPath(path: string, input: JsonValue, scope: PathScope): PathResult {
  const parsed = parse(path)
  if (!parsed) return { found: false }
  let value: JsonValue | undefined
  if (parsed.root === '$') value = input
  else if (parsed.root === '$$') value = scope.context
  else {
    const name = parsed.root.slice(1)
    if (!Object.hasOwn(scope.variables, name)) return { found: false }
    value = scope.variables[name]
  }
  for (const seg of parsed.segments) {
    if (typeof seg === 'number' && Array.isArray(value)) value = value[seg]
    else if (typeof seg === 'string' && isJsonObject(value) && Object.hasOwn(value, seg))
      value = value[seg]
    else return { found: false }
    if (value === undefined) return { found: false }
  }
  return { found: true, value: value as JsonValue }
}

export function describePathFailure(path: string, _input: JsonValue, _scope: PathScope): string {
  const parsed = parse(path)
  const first = parsed?.segments[0]
  return `No results for path: $[${typeof first === 'number' ? first : `'${first ?? ''}'`}]`
}

export function applyResultPath(
  rawInput: JsonValue,
  resultPath: string | null | undefined,
  result: JsonValue,
): JsonValue {
  if (resultPath === null) return rawInput
  if (resultPath === undefined || resultPath === '$') return result
  const parsed = parse(resultPath)
  if (!parsed || parsed.root !== '$') {
    throw new StatesError('States.ResultPathMatchFailure', `Invalid ResultPath '${resultPath}'`)
  }
  const set = (node: JsonValue | undefined, i: number): JsonValue => {
    if (i === parsed.segments.length) return result
    const seg = parsed.segments[i]!
    if (node === undefined) node = {}
    if (typeof seg === 'string' && isJsonObject(node)) {
      return { ...node, [seg]: set(node[seg], i + 1) }
    }
    if (typeof seg === 'number' && Array.isArray(node) && seg < node.length) {
      const copy = node.slice()
      copy[seg] = set(node[seg], i + 1)
      return copy
    }
    throw new StatesError(
      'States.ResultPathMatchFailure',
      `Unable to apply ResultPath '${resultPath}' to input '${JSON.stringify(rawInput)}'`,
    )
  }
  return set(rawInput, 0)
}

export function applyPayloadTemplate(
  template: JsonValue,
  input: JsonValue,
  scope: PathScope,
  field: string,
): JsonValue {
  if (Array.isArray(template))
    return template.map((t) => applyPayloadTemplate(t, input, scope, field))
  if (!isJsonObject(template)) return template
  const out: JsonObject = {}
  for (const [key, value] of Object.entries(template)) {
    if (key.endsWith('.$') && typeof value === 'string') {
      const name = key.slice(0, -2)
      if (value.startsWith('States.')) {
        out[name] = evaluateIntrinsic(value, input, scope, key)
        continue
      }
      const r = selectPath(value, input, scope)
      if (!r.found) {
        throw new StatesError(
          'States.Runtime',
          `The JSONPath '${value}' specified for the field '${key}' could not be found in the input '${JSON.stringify(input)}'`,
        )
      }
      out[name] = r.value
    } else out[key] = applyPayloadTemplate(value, input, scope, field)
  }
  return out
}

export function evaluateIntrinsic(
  call: string,
  _input: JsonValue,
  _scope: PathScope,
  field: string,
): JsonValue {
  throw new StatesError(
    'States.Runtime',
    `Intrinsic function '${call}' in '${field}' is not supported yet.`,
  )
}

export function evaluateChoiceRule(
  rule: AslChoiceRule,
  input: JsonValue,
  scope: PathScope,
): boolean {
  if (rule.And) return rule.And.every((r) => evaluateChoiceRule(r, input, scope))
  if (rule.Or) return rule.Or.some((r) => evaluateChoiceRule(r, input, scope))
  if (rule.Not) return !evaluateChoiceRule(rule.Not, input, scope)
  const variable = rule.Variable ?? '$'
  const r = selectPath(variable, input, scope)
  for (const [op, operand] of Object.entries(rule)) {
    if (op === 'Variable' || op === 'Next' || op === 'Assign' || op === 'Comment') continue
    if (op === 'IsPresent') return r.found === operand
    if (!r.found) {
      throw new StatesError(
        'States.Runtime',
        `Invalid path '${variable}': The choice state's condition path references an invalid value.`,
      )
    }
    const v = r.value
    let other = operand as JsonValue
    let name = op
    if (op.endsWith('Path') && typeof operand === 'string') {
      const o = selectPath(operand, input, scope)
      if (!o.found) throw new StatesError('States.Runtime', `Invalid path '${operand}'`)
      other = o.value
      name = op.slice(0, -4)
    }
    switch (name) {
      case 'IsNull':
        return (v === null) === other
      case 'IsString':
        return (typeof v === 'string') === other
      case 'IsNumeric':
        return (typeof v === 'number') === other
      case 'IsBoolean':
        return (typeof v === 'boolean') === other
      case 'StringEquals':
        return typeof v === 'string' && v === other
      case 'NumericEquals':
        return typeof v === 'number' && v === other
      case 'NumericLessThan':
        return typeof v === 'number' && typeof other === 'number' && v < other
      case 'NumericGreaterThan':
        return typeof v === 'number' && typeof other === 'number' && v > other
      case 'NumericLessThanEquals':
        return typeof v === 'number' && typeof other === 'number' && v <= other
      case 'NumericGreaterThanEquals':
        return typeof v === 'number' && typeof other === 'number' && v >= other
      case 'BooleanEquals':
        return typeof v === 'boolean' && v === other
      default:
        return false
    }
  }
  return false
}

export function isJsonataExpression(value: unknown): value is string {
  return (
    typeof value === 'string' && value.startsWith('{%') && value.endsWith('%}') && value.length >= 4
  )
}

const cache = new Map<string, ReturnType<typeof jsonata>>()

export async function evaluateJsonata(
  expression: string,
  scope: JsonataScope,
  field: string,
): Promise<JsonValue> {
  const body = expression.slice(2, -2).trim()
  let compiled = cache.get(body)
  if (!compiled) {
    compiled = jsonata(body)
    cache.set(body, compiled)
  }
  const states: Record<string, JsonValue> = { input: scope.input, context: scope.context }
  if (scope.result !== undefined) states.result = scope.result
  if (scope.errorOutput !== undefined) states.errorOutput = scope.errorOutput
  let value: unknown
  try {
    value = await compiled.evaluate({}, { ...scope.variables, states })
  } catch (error) {
    throw new StatesError('States.QueryEvaluationError', String((error as Error).message))
  }
  if (value === undefined) {
    throw new StatesError(
      'States.QueryEvaluationError',
      `The JSONata expression '${body}' specified for the field '${field}' returned nothing (undefined).`,
    )
  }
  return JSON.parse(JSON.stringify(value)) as JsonValue
}

export async function evaluateJsonataTemplate(
  value: JsonValue,
  scope: JsonataScope,
  field: string,
): Promise<JsonValue> {
  if (isJsonataExpression(value)) return evaluateJsonata(value, scope, field)
  if (Array.isArray(value)) {
    const out: JsonValue[] = []
    for (let i = 0; i < value.length; i++)
      out.push(await evaluateJsonataTemplate(value[i]!, scope, `${field}[${i}]`))
    return out
  }
  if (isJsonObject(value)) {
    const out: JsonObject = {}
    for (const [k, v] of Object.entries(value))
      out[k] = await evaluateJsonataTemplate(v, scope, `${field}/${k}`)
    return out
  }
  return value
}
