import { createHash } from 'node:crypto'

import { isJsonataString, type JsonValue } from '@statewright/asl'
import jsonata from 'jsonata'

import { StatesError } from '../errors.ts'
import { hasOwn, isObject, setOwn, toJsonText, type JsonObject } from './json.ts'
import { seeded, uuidFrom, type ExprOptions } from './random.ts'

/** What a JSONata expression sees as `$states` and `$name` (ASL-SPEC §5). */
export interface JsonataScope {
  readonly input: JsonValue
  readonly context: JsonValue
  /** Only in Task/Map/Parallel `Output` and `Assign`. */
  readonly result?: JsonValue
  /** Only in a Catcher's `Output` and `Assign`. */
  readonly errorOutput?: JsonValue
  readonly variables: Readonly<Record<string, JsonValue>>
}

/**
 * True when `value` is a JSONata expression: a string that starts with `{%` and ends with `%}` exactly.
 *
 * @example
 * isJsonataExpression('{% $states.input %}') // true
 * isJsonataExpression('$.a') // false
 */
export function isJsonataExpression(value: unknown): value is string {
  return isJsonataString(value)
}

// AWS stops an evaluation after 1 second ("Expression evaluation timeout"); the depth guard turns runaway
// recursion into an error instead of an ever-growing promise chain.
const TIME_LIMIT_MS = 1_000
const DEPTH_LIMIT = 10_000
const CHECK_EVERY = 256

interface Guard {
  readonly started: number
  depth: number
  steps: number
}

const GUARD_BINDING = '__statewright_guard'
const ENTRY = Symbol.for('jsonata.__evaluate_entry')
const EXIT = Symbol.for('jsonata.__evaluate_exit')

type Compiled = { readonly expression: jsonata.Expression; readonly text: string }

const cache = new Map<string, Compiled | { readonly error: JsonataFailure }>()
const CACHE_LIMIT = 10_000

interface JsonataFailure {
  readonly code?: unknown
  readonly message?: unknown
  readonly position?: unknown
}

function compile(expression: string, field: string): Compiled {
  let entry = cache.get(expression)
  if (entry === undefined) {
    const body = expression.slice(2, -2)
    try {
      const compiled = jsonata(body)
      // jsonata looks its evaluation hooks up under these symbols; its typings only admit string names.
      const assign = compiled.assign as unknown as (name: symbol, value: unknown) => void
      assign.call(compiled, ENTRY, onEntry)
      assign.call(compiled, EXIT, onExit)
      entry = { expression: compiled, text: body.trim() }
    } catch (error) {
      entry = { error: error as JsonataFailure }
    }
    if (cache.size >= CACHE_LIMIT) cache.clear()
    cache.set(expression, entry)
  }
  if ('error' in entry) {
    throw new StatesError(
      'States.QueryEvaluationError',
      `The JSONata expression '${expression.slice(2, -2).trim()}' specified for the field '${field}' could not be parsed. ${describeFailure(entry.error)}`,
    )
  }
  return entry
}

function onEntry(_expr: unknown, _input: unknown, environment: jsonata.Environment): void {
  const guard = environment.lookup(GUARD_BINDING) as Guard | undefined
  if (guard === undefined) return
  guard.depth++
  if (guard.depth > DEPTH_LIMIT) {
    throw {
      code: 'U1001',
      message:
        'Stack overflow error: Check for non-terminating recursive function.  Consider rewriting as tail-recursive.',
    }
  }
  if (++guard.steps % CHECK_EVERY === 0 && Date.now() - guard.started > TIME_LIMIT_MS) {
    throw { code: 'U1001', message: 'Expression evaluation timeout: Check for infinite loop' }
  }
}

function onExit(_expr: unknown, _input: unknown, environment: jsonata.Environment): void {
  const guard = environment.lookup(GUARD_BINDING) as Guard | undefined
  if (guard !== undefined) guard.depth--
}

function describeFailure(error: JsonataFailure): string {
  const message = typeof error.message === 'string' ? error.message : String(error)
  return typeof error.code === 'string' ? `${error.code}: ${message}` : message
}

function fail(code: string, message: string): never {
  throw { code, message }
}

const HASH_ALGORITHMS: Readonly<Record<string, string>> = {
  MD5: 'md5',
  'SHA-1': 'sha1',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
}

/** AWS's extra functions (ASL-SPEC §5) plus `$eval` removed, bound per evaluation for the random source. */
function extraFunctions(options: ExprOptions | undefined): Record<string, unknown> {
  const random = options?.random ?? Math.random
  return {
    // Bound to nothing: calling it fails like any unknown function (T1006), as on AWS.
    eval: undefined,
    partition(array: unknown, size: unknown): unknown {
      if (array === undefined) return undefined
      const items = Array.isArray(array) ? (array as unknown[]) : [array]
      if (typeof size !== 'number' || !Number.isFinite(size) || Math.floor(size) < 1) {
        fail('D3040', 'The second argument of $partition must be a positive integer')
      }
      const n = Math.floor(size)
      const out: unknown[] = []
      for (let i = 0; i < items.length; i += n) out.push(items.slice(i, i + n))
      return out
    },
    range(start: unknown, end: unknown, step: unknown): unknown {
      const s = integerArgument(start, 'first', '$range')
      const e = integerArgument(end, 'second', '$range')
      const st = step === undefined ? 1 : integerArgument(step, 'third', '$range')
      if (st === 0) fail('D3040', 'The step of $range must not be 0')
      const count = Math.max(0, Math.floor((e - s) / st) + 1)
      if (count > 10_000_000)
        fail('D2014', 'The size of the sequence allocated by $range exceeds the limit')
      const out: number[] = []
      for (let i = 0; i < count; i++) out.push(s + i * st)
      // A JSONata sequence: one item stands for itself, none for nothing (observed on AWS).
      return out.length === 0 ? undefined : out.length === 1 ? out[0] : out
    },
    hash(value: unknown, algorithm: unknown): unknown {
      if (value === undefined) return undefined
      const name =
        typeof algorithm === 'string' && hasOwn(HASH_ALGORITHMS, algorithm)
          ? HASH_ALGORITHMS[algorithm]
          : undefined
      if (name === undefined) {
        fail(
          'D3040',
          `The algorithm of $hash must be one of ${Object.keys(HASH_ALGORITHMS).join(', ')}`,
        )
      }
      const text = typeof value === 'string' ? value : JSON.stringify(value)
      return createHash(name).update(text, 'utf8').digest('hex')
    },
    random(seed: unknown): unknown {
      if (seed === undefined) return random()
      if (typeof seed !== 'number') fail('D3040', 'The seed of $random must be a number')
      return seeded(seed)()
    },
    uuid(): unknown {
      return uuidFrom(random)
    },
    parse(text: unknown): unknown {
      if (text === undefined) return undefined
      if (typeof text !== 'string') fail('D3040', 'The argument of $parse must be a string')
      try {
        const value = JSON.parse(text) as unknown
        return Object.is(value, -0) ? 0 : value
      } catch {
        return fail('D3040', `Unable to parse the string as JSON: ${text}`)
      }
    },
  }
}

/** A function jsonata calls with its evaluation focus as `this` (how it runs its own built-ins). */
interface JsonataFocus {
  readonly environment: jsonata.Environment
}
type BuiltIn = { readonly implementation: (...args: unknown[]) => unknown }

/** `$now()` and `$millis()` on the caller's clock, fixed for one evaluation as jsonata does. */
function clockFunctions(now: () => number): Record<string, unknown> {
  const millis = now()
  return {
    millis: { _jsonata_function: true, implementation: () => millis },
    now: {
      _jsonata_function: true,
      implementation(this: JsonataFocus, picture?: unknown, timezone?: unknown): unknown {
        const fromMillis = this.environment.lookup('fromMillis') as BuiltIn
        return fromMillis.implementation(millis, picture, timezone)
      },
    },
  }
}

function integerArgument(value: unknown, which: string, fn: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    fail('D3040', `The ${which} argument of ${fn} must be a number`)
  // AWS: "Functions that expect integers round non-integers down" (ASL-SPEC §5).
  return Math.floor(value)
}

function bindingsFor(
  scope: JsonataScope,
  options: ExprOptions | undefined,
): Record<string, unknown> {
  const states: Record<string, unknown> = { input: scope.input, context: scope.context }
  if (scope.result !== undefined) states['result'] = scope.result
  if (scope.errorOutput !== undefined) states['errorOutput'] = scope.errorOutput
  const bindings: Record<string, unknown> = Object.create(null) as Record<string, unknown>
  for (const name of Object.keys(scope.variables)) bindings[name] = scope.variables[name]
  Object.assign(bindings, extraFunctions(options))
  if (options?.now !== undefined) Object.assign(bindings, clockFunctions(options.now))
  bindings['states'] = states
  bindings[GUARD_BINDING] = { started: Date.now(), depth: 0, steps: 0 } satisfies Guard
  return bindings
}

/** Marks a result that is not JSON (a function), which AWS reports as an unsupported result type. */
class Unsupported extends Error {}

// jsonata results may be sequences (arrays with flags) or hold functions; this returns plain JSON,
// sharing every subtree that is already plain (results often are pieces of the input).
function toJson(value: unknown): JsonValue | undefined {
  if (value === undefined) return undefined
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Unsupported()
    return Object.is(value, -0) ? 0 : value
  }
  if (typeof value === 'function') throw new Unsupported()
  if (Array.isArray(value)) {
    let changed = Object.keys(value).length !== value.length
    const out: JsonValue[] = []
    for (const item of value as unknown[]) {
      const json = toJson(item)
      if (json === undefined) {
        changed = true
        continue
      }
      if (json !== item) changed = true
      out.push(json)
    }
    return changed ? out : (value as JsonValue[])
  }
  if (typeof value === 'object') {
    if (typeof (value as { _jsonata_lambda?: unknown })._jsonata_lambda !== 'undefined')
      throw new Unsupported()
    let changed = Object.getPrototypeOf(value) !== Object.prototype
    const out: JsonObject = {}
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key]
      const json = toJson(item)
      if (json === undefined) {
        changed = true
        continue
      }
      if (json !== item) changed = true
      setOwn(out, key, json)
    }
    return changed ? out : (value as JsonObject)
  }
  throw new Unsupported()
}

/**
 * Evaluates one `{% … %}` string with jsonata 2.0.6 as AWS runs it: `$states.input`, `$states.context`
 * (and `$states.result` / `$states.errorOutput` where the scope has them), workflow variables as `$name`,
 * AWS's `$partition $range $hash $random $uuid $parse`, no `$eval`. The expression is compiled once and
 * cached by its text. Throws StatesError `States.QueryEvaluationError` with AWS's cause, e.g. "The JSONata
 * expression '$x' specified for the field 'Output' returned nothing (undefined)."
 *
 * @example
 * await evaluateJsonata('{% $states.input.n + 1 %}', { input: { n: 1 }, context: {}, variables: {} }, 'Output')
 * // 2
 */
export async function evaluateJsonata(
  expression: string,
  scope: JsonataScope,
  field: string,
  options?: ExprOptions,
): Promise<JsonValue> {
  // A value that is not a `{% %}` string is a literal: callers may hand over any field value.
  if (!isJsonataExpression(expression)) return expression as JsonValue
  const compiled = compile(expression, field)
  const prefix = `The JSONata expression '${compiled.text}' specified for the field '${field}'`
  let raw: unknown
  try {
    raw = await compiled.expression.evaluate(
      undefined,
      bindingsFor(scope, options) as Record<string, unknown>,
    )
  } catch (error) {
    if (error instanceof StatesError) throw error
    throw new StatesError(
      'States.QueryEvaluationError',
      `${prefix} threw an error during evaluation. ${describeFailure(error as JsonataFailure)}`,
    )
  }
  let value: JsonValue | undefined
  try {
    value = toJson(raw)
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error
    throw new StatesError(
      'States.QueryEvaluationError',
      `${prefix} returned an unsupported result type.`,
    )
  }
  if (value === undefined) {
    throw new StatesError('States.QueryEvaluationError', `${prefix} returned nothing (undefined).`)
  }
  return value
}

/** The JSON type names AWS uses in "Expected 'array', but was 'number'" causes. */
export type JsonTypeName = 'array' | 'object' | 'string' | 'number' | 'boolean' | 'null'

/** AWS's name for the type of a JSON value. */
export function jsonTypeName(value: JsonValue): JsonTypeName {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value as 'object' | 'string' | 'number' | 'boolean'
}

/**
 * Checks the type of what an expression returned for a field that needs one (Choice `Condition` →
 * boolean, Map `Items` → array, `TimeoutSeconds` → number …) and throws AWS's cause otherwise.
 *
 * @example
 * expectJsonataType('{% 1 %}', 1, 'Items', 'array')
 * // throws States.QueryEvaluationError: "The JSONata expression '1' specified for the field 'Items'
 * // returned an unexpected result type. Expected 'array', but was 'number' for value: 1"
 */
export function expectJsonataType(
  expression: string,
  value: JsonValue,
  field: string,
  expected: JsonTypeName,
): void {
  const actual = jsonTypeName(value)
  if (actual === expected) return
  throw new StatesError(
    'States.QueryEvaluationError',
    `The JSONata expression '${expression.slice(2, -2).trim()}' specified for the field '${field}' returned an unexpected result type. Expected '${expected}', but was '${actual}' for value: ${toJsonText(value)}`,
  )
}

/**
 * Evaluates every `{% %}` string inside a value (object members and array items at any depth; other
 * values stay as they are). Field locations grow per key (`Arguments/Payload/id`), as AWS reports them.
 *
 * @example
 * await evaluateJsonataTemplate({ id: '{% $states.input.id %}', fixed: 1 }, scope, 'Arguments')
 * // { id: …, fixed: 1 }
 */
export async function evaluateJsonataTemplate(
  value: JsonValue,
  scope: JsonataScope,
  field: string,
  options?: ExprOptions,
): Promise<JsonValue> {
  if (typeof value === 'string') {
    return isJsonataExpression(value) ? evaluateJsonata(value, scope, field, options) : value
  }
  if (Array.isArray(value)) {
    const out: JsonValue[] = []
    for (let i = 0; i < value.length; i++) {
      out.push(await evaluateJsonataTemplate(value[i]!, scope, `${field}/${i}`, options))
    }
    return out
  }
  if (isObject(value)) {
    const out: JsonObject = {}
    for (const key of Object.keys(value)) {
      setOwn(
        out,
        key,
        await evaluateJsonataTemplate(value[key]!, scope, `${field}/${key}`, options),
      )
    }
    return out
  }
  return value
}
