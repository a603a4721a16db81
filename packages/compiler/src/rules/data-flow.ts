import { isRecord, type LooseState, type StateVisit } from '../asl/walk.ts'

/** One place where a state reads its input: the expression, and the field it sits in. */
export interface InputRead {
  /** The path as written: `$.order.id`, or `$states.input.order` for JSONata. */
  readonly expression: string
  /** The first key the read goes through (`order`), or undefined for `$` or an index. */
  readonly firstKey: string | undefined
  /** Where the read is, relative to the state: `Parameters/orderId.$`. */
  readonly field: string
}

const firstKeyOf = (path: string): string | undefined => {
  const dotted = /^\$\.([^.[\s]+)/.exec(path)
  if (dotted) return dotted[1]
  const bracket = /^\$\[\s*'([^']*)'\s*\]/.exec(path) ?? /^\$\[\s*"([^"]*)"\s*\]/.exec(path)
  return bracket?.[1]
}

// Input paths inside an intrinsic call: `$.a` but not the context object `$$.a`.
const intrinsicPaths = /(?<!\$)\$(?:\.[A-Za-z_][\w]*|\[\s*'[^']*'\s*\])[^\s,)]*/g
const jsonataInput = /\$states\.input\.([A-Za-z_$][\w$]*)/g

const isInputPath = (value: string): boolean => value === '$' || /^\$[.[]/.test(value)

function pathRead(expression: string, field: string): InputRead {
  return { expression, firstKey: firstKeyOf(expression), field }
}

/** `.$` values of a JSONPath payload template (iterative: templates can nest deeply). */
function templateReads(template: unknown, field: string, into: InputRead[]): void {
  const stack: { value: unknown; at: string }[] = [{ value: template, at: field }]
  while (stack.length > 0) {
    const { value, at } = stack.pop()!
    if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, at: `${at}[${index}]` }))
      continue
    }
    if (!isRecord(value)) continue
    for (const [key, child] of Object.entries(value)) {
      const where = `${at}/${key}`
      if (key.endsWith('.$') && typeof child === 'string') {
        if (isInputPath(child)) into.push(pathRead(child, where))
        else if (child.startsWith('States.')) {
          for (const match of child.matchAll(intrinsicPaths)) into.push(pathRead(match[0], where))
        }
      } else stack.push({ value: child, at: where })
    }
  }
}

function choiceReads(rules: unknown, at: string, into: InputRead[]): void {
  const stack: { rule: unknown; at: string }[] = []
  if (Array.isArray(rules)) rules.forEach((rule, i) => stack.push({ rule, at: `${at}[${i}]` }))
  while (stack.length > 0) {
    const { rule, at: where } = stack.pop()!
    if (!isRecord(rule)) continue
    for (const [key, value] of Object.entries(rule)) {
      if ((key === 'Variable' || key.endsWith('Path')) && typeof value === 'string') {
        if (isInputPath(value)) into.push(pathRead(value, `${where}/${key}`))
      } else if (key === 'And' || key === 'Or') {
        if (Array.isArray(value))
          value.forEach((r, i) => stack.push({ rule: r, at: `${where}/${key}[${i}]` }))
      } else if (key === 'Not') stack.push({ rule: value, at: `${where}/Not` })
    }
  }
}

const pathFields = [
  'ItemsPath',
  'SecondsPath',
  'TimestampPath',
  'TimeoutSecondsPath',
  'HeartbeatSecondsPath',
  'ErrorPath',
  'CausePath',
  'MaxConcurrencyPath',
  'ToleratedFailureCountPath',
  'ToleratedFailurePercentagePath',
]

// Fields of a JSONata state that are evaluated against the state's input; Branches and processors
// are other scopes, and Output/Assign may read the input too ($states.input stays the state input).
const nestedScopes = new Set(['Branches', 'ItemProcessor', 'Iterator'])

/** Every read a state makes of its own input, in both query languages. */
export function inputReadsOf(visit: StateVisit): InputRead[] {
  const { state } = visit
  const reads: InputRead[] = []
  if (visit.queryLanguage === 'JSONata') {
    const stack: { value: unknown; at: string }[] = Object.entries(state)
      .filter(([key]) => !nestedScopes.has(key))
      .map(([key, value]) => ({ value, at: key }))
    while (stack.length > 0) {
      const { value, at } = stack.pop()!
      if (typeof value === 'string' && value.includes('{%')) {
        for (const match of value.matchAll(jsonataInput)) {
          reads.push({ expression: match[0], firstKey: match[1], field: at })
        }
      } else if (Array.isArray(value)) {
        value.forEach((item, index) => stack.push({ value: item, at: `${at}[${index}]` }))
      } else if (isRecord(value)) {
        for (const [key, child] of Object.entries(value))
          stack.push({ value: child, at: `${at}/${key}` })
      }
    }
    return reads
  }
  const inputPath = state['InputPath']
  if (typeof inputPath === 'string' && inputPath !== '$') {
    // Everything else reads the InputPath's selection, so this is the one read of the raw input.
    return isInputPath(inputPath) ? [pathRead(inputPath, 'InputPath')] : []
  }
  if (inputPath === null) return []
  for (const field of ['Parameters', 'ItemSelector', 'Credentials']) {
    if (state[field] !== undefined) templateReads(state[field], field, reads)
  }
  const reader = state['ItemReader']
  if (isRecord(reader)) templateReads(reader['Parameters'], 'ItemReader/Parameters', reads)
  for (const field of pathFields) {
    const value = state[field]
    if (typeof value === 'string' && isInputPath(value)) reads.push(pathRead(value, field))
  }
  if (state['Type'] === 'Choice') choiceReads(state['Choices'], 'Choices', reads)
  return reads
}

/** Top-level keys the state's output is known to have; or that it is an array or a scalar. */
export type KnownShape =
  | { readonly kind: 'object'; readonly keys: ReadonlySet<string>; readonly why: string }
  | { readonly kind: 'array' | 'scalar'; readonly why: string }

const LAMBDA_ENVELOPE = [
  'ExecutedVersion',
  'Payload',
  'SdkHttpMetadata',
  'SdkResponseMetadata',
  'StatusCode',
]

function shapeOfValue(value: unknown, why: string, stripDollar: boolean): KnownShape {
  if (Array.isArray(value)) return { kind: 'array', why }
  if (!isRecord(value)) return { kind: 'scalar', why }
  const keys = Object.keys(value).map((key) =>
    stripDollar && key.endsWith('.$') ? key.slice(0, -2) : key,
  )
  return { kind: 'object', keys: new Set(keys), why }
}

// PERF: module level; a regular expression literal in a function is a new object per call.
const LAMBDA_INVOKE = /^arn:[^:]+:states:::lambda:invoke$/
const isLambdaInvoke = (resource: unknown): boolean =>
  typeof resource === 'string' && LAMBDA_INVOKE.test(resource)

/** The shape of what a state's raw result is, when the definition alone tells. */
function resultShape(state: LooseState, selectorField: string | undefined): KnownShape | undefined {
  const type = state['Type']
  if (selectorField !== undefined && isRecord(state[selectorField])) {
    return shapeOfValue(state[selectorField], `its ${selectorField}`, true)
  }
  if (type === 'Parallel') return { kind: 'array', why: 'the array of its branch results' }
  if (type === 'Map') return { kind: 'array', why: 'the array of its iteration results' }
  if (type === 'Task' && isLambdaInvoke(state['Resource'])) {
    return { kind: 'object', keys: new Set(LAMBDA_ENVELOPE), why: 'the Lambda invoke envelope' }
  }
  return undefined
}

/**
 * When a state replaces its whole input with something whose shape the definition fixes: the shape,
 * and how the state does it (for the message). Undefined when the input survives or nothing is known.
 */
export function replacedOutputOf(
  visit: StateVisit,
): { shape: KnownShape; how: string } | undefined {
  const { state } = visit
  const type = state['Type']
  if (type !== 'Task' && type !== 'Pass' && type !== 'Parallel' && type !== 'Map') return undefined
  if (visit.queryLanguage === 'JSONata') {
    const output = state['Output']
    if (output === undefined) {
      if (type === 'Pass') return undefined
      const shape = resultShape(state, undefined)
      return shape && { shape, how: 'outputs only its result (it has no Output)' }
    }
    if (typeof output === 'string') return undefined
    return { shape: shapeOfValue(output, 'its Output', false), how: 'outputs only its Output' }
  }
  const outputPath = state['OutputPath']
  if (outputPath !== undefined && outputPath !== '$') return undefined
  const resultPath = state['ResultPath']
  if (resultPath !== undefined && resultPath !== '$') return undefined
  const how =
    resultPath === undefined
      ? "replaces its input with its result (ResultPath defaults to '$')"
      : "replaces its input with its result (ResultPath '$')"
  if (type === 'Pass') {
    if (state['Result'] !== undefined)
      return { shape: shapeOfValue(state['Result'], 'its Result', false), how }
    if (state['Parameters'] !== undefined) {
      return { shape: shapeOfValue(state['Parameters'], 'its Parameters', true), how }
    }
    return undefined
  }
  const shape = resultShape(state, 'ResultSelector')
  return shape && { shape, how }
}

/** Whether the state's output is its input, untouched (so what it received flows on). */
export function passesInputThrough(visit: StateVisit): boolean {
  const { state } = visit
  const type = state['Type']
  if (type !== 'Choice' && type !== 'Wait') return false
  if (visit.queryLanguage === 'JSONata') return state['Output'] === undefined
  const outputPath = state['OutputPath']
  const inputPath = state['InputPath']
  return (
    (outputPath === undefined || outputPath === '$') &&
    (inputPath === undefined || inputPath === '$')
  )
}
