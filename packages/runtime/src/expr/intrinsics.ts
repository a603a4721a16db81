import { createHash } from 'node:crypto'

import {
  parseIntrinsic,
  type IntrinsicArgument,
  type IntrinsicCall,
  type IntrinsicFunctionName,
  type JsonValue,
} from '@statewright/asl'

import { StatesError } from '../errors.ts'
import {
  hasOwn,
  isObject,
  jsonEquals,
  ownKeys,
  setOwn,
  toJsonText,
  type JsonObject,
} from './json.ts'
import { selectParsed, type PathScope } from './jsonpath.ts'
import { seeded, uuidFrom, type ExprOptions } from './random.ts'

/** Where an intrinsic runs: its input, scope, the `.$` field it sits in (for causes) and options. */
interface CallContext {
  readonly input: JsonValue
  readonly scope: PathScope
  readonly field: string
  readonly options: ExprOptions | undefined
}

// AWS's limits (DG "Intrinsic functions"): string inputs of Base64/Hash, and ArrayRange's output size.
const MAX_STRING_INPUT = 10_000
const MAX_RANGE_ITEMS = 1_000

/** Parses an intrinsic call, or fails with States.Runtime (bad syntax reaching the runtime). */
export function compileIntrinsic(text: string, field: string): IntrinsicCall {
  const parsed = parseIntrinsic(text)
  if (!parsed.ok) {
    throw new StatesError(
      'States.Runtime',
      `The value for the field '${field}' must be a valid JSONPath or a valid intrinsic function call: ${parsed.message}`,
    )
  }
  return parsed.call
}

/**
 * Evaluates one intrinsic function call (`States.Format('{}', $.x)`, nested calls included) against the
 * state's data (ASL-SPEC §10). `field` is the `.$` key the call sits in, as AWS names it in causes.
 * Failures throw StatesError `States.Runtime` (AWS fails the execution; not catchable).
 *
 * @example
 * evaluateIntrinsic("States.Format('Hi {}', $.name)", { name: 'Ann' }, scope, 'greeting.$') // 'Hi Ann'
 * evaluateIntrinsic('States.MathAdd($.n, -1)', { n: 3 }, scope, 'n.$') // 2
 */
export function evaluateIntrinsic(
  call: string,
  input: JsonValue,
  scope: PathScope,
  field: string,
  options?: ExprOptions,
): JsonValue {
  return evaluateCall(compileIntrinsic(call, field), { input, scope, field, options })
}

/** {@link evaluateIntrinsic} for an already parsed call. */
export function evaluateParsedIntrinsic(
  call: IntrinsicCall,
  input: JsonValue,
  scope: PathScope,
  field: string,
  options?: ExprOptions,
): JsonValue {
  return evaluateCall(call, { input, scope, field, options })
}

type Implementation = (
  args: readonly IntrinsicArgument[],
  values: JsonValue[],
  ctx: CallContext,
) => JsonValue

function evaluateCall(call: IntrinsicCall, ctx: CallContext): JsonValue {
  const values = call.args.map((arg) => argumentValue(arg, ctx))
  return IMPLEMENTATIONS[call.name](call.args, values, ctx)
}

function argumentValue(arg: IntrinsicArgument, ctx: CallContext): JsonValue {
  switch (arg.kind) {
    case 'literal':
    case 'string':
      return arg.value
    case 'call':
      return evaluateCall(arg.call, ctx)
    case 'path': {
      const result = selectParsed(arg.path, ctx.input, ctx.scope)
      if (!result.found) {
        throw new StatesError(
          'States.Runtime',
          `The JSONPath '${arg.path.text}' specified for the field '${ctx.field}' could not be found in the input '${toJsonText(ctx.input)}'`,
        )
      }
      return result.value
    }
  }
}

function fail(name: IntrinsicFunctionName, ctx: CallContext, detail: string): never {
  throw new StatesError(
    'States.Runtime',
    `The intrinsic function ${name} specified for the field '${ctx.field}' failed: ${detail}`,
  )
}

function describe(value: JsonValue): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  return `a ${typeof value}`
}

function arity(
  name: IntrinsicFunctionName,
  values: JsonValue[],
  ctx: CallContext,
  min: number,
  max = min,
): void {
  if (values.length < min || values.length > max) {
    const expected =
      min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`
    fail(
      name,
      ctx,
      `it takes ${expected} argument${max === 1 && min === 1 ? '' : 's'}, but got ${values.length}.`,
    )
  }
}

function asString(
  name: IntrinsicFunctionName,
  value: JsonValue,
  ctx: CallContext,
  what: string,
): string {
  if (typeof value !== 'string')
    fail(name, ctx, `${what} must be a string, but was ${describe(value)}.`)
  return value
}

function asArray(
  name: IntrinsicFunctionName,
  value: JsonValue,
  ctx: CallContext,
  what: string,
): JsonValue[] {
  if (!Array.isArray(value))
    fail(name, ctx, `${what} must be an array, but was ${describe(value)}.`)
  return value
}

function asInteger(
  name: IntrinsicFunctionName,
  value: JsonValue,
  ctx: CallContext,
  what: string,
): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    fail(
      name,
      ctx,
      `${what} must be an integer, but was ${typeof value === 'number' ? value : describe(value)}.`,
    )
  }
  return value
}

function asObject(
  name: IntrinsicFunctionName,
  value: JsonValue,
  ctx: CallContext,
  what: string,
): JsonObject {
  if (!isObject(value)) fail(name, ctx, `${what} must be an object, but was ${describe(value)}.`)
  return value
}

/** Java's `Math.round` (half up), which AWS applies to decimals given to integer arguments. */
function roundHalfUp(n: number): number {
  const r = Math.floor(n + 0.5)
  return r === 0 ? 0 : r
}

/** How AWS renders a value inside States.Format: scalars plainly, objects/arrays as Java's toString. */
function formatValue(value: JsonValue): string {
  if (value === null) return 'null'
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return `[${value.map((v) => formatValue(v)).join(', ')}]`
  return `{${ownKeys(value)
    .map((k) => `${k}=${formatValue(value[k]!)}`)
    .join(', ')}}`
}

const HASH_ALGORITHMS: Readonly<Record<string, string>> = {
  MD5: 'md5',
  'SHA-1': 'sha1',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

const IMPLEMENTATIONS: Readonly<Record<IntrinsicFunctionName, Implementation>> = {
  'States.Format'(args, values, ctx) {
    const name = 'States.Format'
    arity(name, values, ctx, 1, Infinity)
    const first = args[0]!
    const template = asString(name, values[0]!, ctx, 'The first argument (the template)')
    // In a literal template `\{` and `\}` are literal braces; a template read from a path has no escapes.
    const source = first.kind === 'string' ? first.raw : template
    const pieces: string[] = []
    let current = ''
    for (let i = 0; i < source.length; i++) {
      const c = source[i]!
      if (first.kind === 'string' && c === '\\') {
        current += source[i + 1] ?? ''
        i++
      } else if (c === '{' && source[i + 1] === '}') {
        pieces.push(current)
        current = ''
        i++
      } else {
        current += c
      }
    }
    pieces.push(current)
    const substitutions = values.length - 1
    if (pieces.length - 1 !== substitutions) {
      fail(
        name,
        ctx,
        `the template has ${pieces.length - 1} placeholder(s) '{}' but ${substitutions} value(s) were given.`,
      )
    }
    let out = pieces[0]!
    for (let i = 1; i < pieces.length; i++) out += formatValue(values[i]!) + pieces[i]!
    return out
  },

  'States.StringToJson'(_args, values, ctx) {
    const name = 'States.StringToJson'
    arity(name, values, ctx, 1)
    const text = asString(name, values[0]!, ctx, 'The argument')
    // AWS (Jackson) reads blank text as null.
    if (text.trim() === '') return null
    try {
      return normalizeParsed(JSON.parse(text) as JsonValue)
    } catch {
      return fail(name, ctx, `the string is not valid JSON: ${text}`)
    }
  },

  'States.JsonToString'(args, values, ctx) {
    const name = 'States.JsonToString'
    arity(name, values, ctx, 1)
    if (args[0]!.kind !== 'path') fail(name, ctx, 'the argument must be a path.')
    return toJsonText(values[0]!)
  },

  'States.Array'(_args, values) {
    return values
  },

  'States.ArrayPartition'(_args, values, ctx) {
    const name = 'States.ArrayPartition'
    arity(name, values, ctx, 2)
    const array = asArray(name, values[0]!, ctx, 'The first argument')
    const size = asInteger(name, values[1]!, ctx, 'The chunk size')
    if (size <= 0) fail(name, ctx, `the chunk size must be greater than 0, but was ${size}.`)
    const out: JsonValue[] = []
    for (let i = 0; i < array.length; i += size) out.push(array.slice(i, i + size))
    return out
  },

  'States.ArrayContains'(_args, values, ctx) {
    const name = 'States.ArrayContains'
    arity(name, values, ctx, 2)
    const array = asArray(name, values[0]!, ctx, 'The first argument')
    const wanted = values[1]!
    return array.some((item) => jsonEquals(item, wanted))
  },

  'States.ArrayRange'(_args, values, ctx) {
    const name = 'States.ArrayRange'
    arity(name, values, ctx, 3)
    const first = asInteger(name, values[0]!, ctx, 'The first number')
    const last = asInteger(name, values[1]!, ctx, 'The last number')
    const step = asInteger(name, values[2]!, ctx, 'The step')
    if (step === 0) fail(name, ctx, 'the step must not be 0.')
    const count = Math.max(0, Math.floor((last - first) / step) + 1)
    if (count > MAX_RANGE_ITEMS) {
      fail(
        name,
        ctx,
        `the range would have ${count} items; arrays cannot contain more than ${MAX_RANGE_ITEMS} items.`,
      )
    }
    const out: number[] = []
    for (let i = 0; i < count; i++) out.push(first + i * step)
    return out
  },

  'States.ArrayGetItem'(_args, values, ctx) {
    const name = 'States.ArrayGetItem'
    arity(name, values, ctx, 2)
    const array = asArray(name, values[0]!, ctx, 'The first argument')
    const index = asInteger(name, values[1]!, ctx, 'The index')
    if (index < 0 || index >= array.length) {
      fail(name, ctx, `the index ${index} is out of bounds for an array of length ${array.length}.`)
    }
    return array[index]!
  },

  'States.ArrayLength'(_args, values, ctx) {
    const name = 'States.ArrayLength'
    arity(name, values, ctx, 1)
    return asArray(name, values[0]!, ctx, 'The argument').length
  },

  'States.ArrayUnique'(_args, values, ctx) {
    const name = 'States.ArrayUnique'
    arity(name, values, ctx, 1)
    const array = asArray(name, values[0]!, ctx, 'The argument')
    const out: JsonValue[] = []
    const seenScalars = new Set<string>()
    for (const item of array) {
      if (typeof item !== 'object' || item === null) {
        const key = `${typeof item}:${String(item)}`
        if (seenScalars.has(key)) continue
        seenScalars.add(key)
        out.push(item)
      } else if (!out.some((o) => jsonEquals(o, item))) {
        out.push(item)
      }
    }
    return out
  },

  'States.Base64Encode'(_args, values, ctx) {
    const name = 'States.Base64Encode'
    arity(name, values, ctx, 1)
    const text = asString(name, values[0]!, ctx, 'The argument')
    if (text.length > MAX_STRING_INPUT) {
      fail(
        name,
        ctx,
        `the input string has ${text.length} characters; the limit is ${MAX_STRING_INPUT}.`,
      )
    }
    return Buffer.from(text, 'utf8').toString('base64')
  },

  'States.Base64Decode'(_args, values, ctx) {
    const name = 'States.Base64Decode'
    arity(name, values, ctx, 1)
    const text = asString(name, values[0]!, ctx, 'The argument')
    if (text.length > MAX_STRING_INPUT) {
      fail(
        name,
        ctx,
        `the input string has ${text.length} characters; the limit is ${MAX_STRING_INPUT}.`,
      )
    }
    const compact = text.replace(/[\r\n]/g, '')
    if (!BASE64.test(compact)) fail(name, ctx, `the argument is not valid Base64: ${text}`)
    return Buffer.from(compact, 'base64').toString('utf8')
  },

  'States.Hash'(_args, values, ctx) {
    const name = 'States.Hash'
    arity(name, values, ctx, 2)
    const data = values[0]!
    const algorithm = asString(name, values[1]!, ctx, 'The algorithm')
    const nodeAlgorithm = hasOwn(HASH_ALGORITHMS, algorithm)
      ? HASH_ALGORITHMS[algorithm]
      : undefined
    if (nodeAlgorithm === undefined) {
      fail(
        name,
        ctx,
        `the algorithm '${algorithm}' is not supported; use one of ${Object.keys(HASH_ALGORITHMS).join(', ')}.`,
      )
    }
    if (data === null) fail(name, ctx, 'the data to hash must not be null.')
    const text = typeof data === 'string' ? data : toJsonText(data)
    if (text.length > MAX_STRING_INPUT) {
      fail(
        name,
        ctx,
        `the data to hash has ${text.length} characters; the limit is ${MAX_STRING_INPUT}.`,
      )
    }
    return createHash(nodeAlgorithm).update(text, 'utf8').digest('hex')
  },

  'States.JsonMerge'(_args, values, ctx) {
    const name = 'States.JsonMerge'
    arity(name, values, ctx, 3)
    const left = asObject(name, values[0]!, ctx, 'The first argument')
    const right = asObject(name, values[1]!, ctx, 'The second argument')
    const deep = values[2]
    if (typeof deep !== 'boolean')
      fail(name, ctx, `the third argument must be a boolean, but was ${describe(deep!)}.`)
    // AWS supports only the shallow merge (DG); a deep merge is refused rather than silently done shallow.
    if (deep) fail(name, ctx, 'deep merging is not supported; pass false as the third argument.')
    const out: JsonObject = {}
    for (const key of ownKeys(left)) setOwn(out, key, left[key]!)
    for (const key of ownKeys(right)) setOwn(out, key, right[key]!)
    return out
  },

  'States.MathRandom'(_args, values, ctx) {
    const name = 'States.MathRandom'
    arity(name, values, ctx, 2, 3)
    const bound = (v: JsonValue, what: string): number => {
      if (typeof v !== 'number')
        fail(name, ctx, `${what} must be a number, but was ${describe(v)}.`)
      return roundHalfUp(v)
    }
    const start = bound(values[0]!, 'The start')
    const end = bound(values[1]!, 'The end')
    if (end <= start) fail(name, ctx, `the end (${end}) must be greater than the start (${start}).`)
    const random =
      values.length === 3
        ? seeded(bound(values[2]!, 'The seed'))
        : (ctx.options?.random ?? Math.random)
    // [start, end): AWS documents the end as exclusive.
    return start + Math.floor(random() * (end - start))
  },

  'States.MathAdd'(_args, values, ctx) {
    const name = 'States.MathAdd'
    arity(name, values, ctx, 2)
    const a = values[0]!
    const b = values[1]!
    if (typeof a !== 'number')
      fail(name, ctx, `the first argument must be a number, but was ${describe(a)}.`)
    if (typeof b !== 'number')
      fail(name, ctx, `the second argument must be a number, but was ${describe(b)}.`)
    return roundHalfUp(a) + roundHalfUp(b)
  },

  'States.StringSplit'(_args, values, ctx) {
    const name = 'States.StringSplit'
    arity(name, values, ctx, 2)
    const text = asString(name, values[0]!, ctx, 'The first argument')
    const delimiters = new Set(asString(name, values[1]!, ctx, 'The delimiter'))
    const out: string[] = []
    let current = ''
    for (const c of text) {
      if (delimiters.has(c)) {
        if (current !== '') out.push(current)
        current = ''
      } else {
        current += c
      }
    }
    if (current !== '') out.push(current)
    return out
  },

  'States.UUID'(_args, values, ctx) {
    arity('States.UUID', values, ctx, 0)
    return uuidFrom(ctx.options?.random ?? Math.random)
  },
}

// JSON.parse yields -0 for "-0"; AWS answers 0. Objects from JSON.parse are plain already.
function normalizeParsed(value: JsonValue): JsonValue {
  return Object.is(value, -0) ? 0 : value
}
