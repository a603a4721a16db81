import type { JsonValue } from '@statewright/asl'

/** JSON objects as the runtime handles them (a plain object whose values are JSON). */
export type JsonObject = { [key: string]: JsonValue }

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Why a value is not JSON, and where; `undefined` when it is. */
export class NotJsonError extends Error {
  /** Where, as a JSONPath (`$.a[2].b`); filled in while the error unwinds. */
  at: string
  readonly why: string
  constructor(at: string, why: string) {
    super(`${why} at ${at}`)
    this.name = 'NotJsonError'
    this.at = at
    this.why = why
  }

  /** Prepends one step of the path (PERF: paths are built only for the value that failed). */
  within(step: string): NotJsonError {
    this.at = `${step}${this.at}`
    this.message = `${this.why} at $${this.at}`
    return this
  }
}

/**
 * Copies `value` into fresh JSON data: the runtime never shares objects with user code, so a handler that
 * mutates its input (or keeps its result and mutates it later) cannot change the execution's data.
 * `undefined` object members are dropped and `undefined` array items become `null` (as JSON.stringify
 * does); `toJSON()` is honoured (Dates become strings); cycles, functions, symbols, bigints,
 * non-finite numbers and data nested deeper than 1,000 levels are refused with a NotJsonError naming
 * the path. `__proto__` keys are copied as plain own properties (never as prototypes).
 */
export function toJsonValue(value: unknown): JsonValue {
  try {
    return copyChecked(value)
  } catch (error) {
    throw notJson(error)
  }
}

/**
 * PERF: data is first copied without tracking the objects being copied (no cycle stack); data nested
 * deeper than FAST_DEPTH, which is where a cycle ends up, is copied again with the stack, so cycles are
 * reported at the same path. (A getter or toJSON on such deep data runs twice.)
 */
function copyChecked(value: unknown): JsonValue {
  const start = bytes
  try {
    return copy(value, undefined, 0)
  } catch (error) {
    if (error !== TOO_DEEP) throw error
    bytes = start
    return copy(value, [], 0)
  }
}

const FAST_DEPTH = 32
const TOO_DEEP = Symbol('too deep for the fast copy')

/**
 * `toJsonValue`, measuring the copy's payload size in the same walk: `payloadSize` of the returned
 * value then answers at once (PERF: execution inputs and task results are measured against the
 * payload quota right after they are copied).
 */
export function toMeasuredJsonValue(value: unknown): JsonValue {
  sizing = true
  bytes = 0
  try {
    const copied = copyChecked(value)
    if (typeof copied === 'object' && copied !== null) {
      lastMeasured = copied
      lastMeasuredSize = bytes
    }
    return copied
  } catch (error) {
    throw notJson(error)
  } finally {
    sizing = false
  }
}

/** Whether `copy` adds the JSON size of what it copies to `bytes`. */
let sizing = false
let bytes = 0

/** A copy's failure as thrown to the caller: a NotJsonError with its full path. */
function notJson(error: unknown): unknown {
  if (error instanceof NotJsonError) {
    error.within('')
    error.at = `$${error.at}`
  }
  if (error instanceof RangeError) return new NotJsonError('$', 'data nested too deeply')
  return error
}

/** Deeper data would overflow the stack of every JSON walker (and AWS refuses far less). */
const MAX_DEPTH = 1_000

// `seen` is the stack of objects being copied (PERF: an array; depth is small, Sets cost more), or
// undefined for the fast copy, which gives up below FAST_DEPTH levels instead.
function copy(value: unknown, seen: object[] | undefined, depth: number): JsonValue {
  switch (typeof value) {
    case 'string':
      if (sizing) bytes += stringSize(value)
      return value
    case 'boolean':
      if (sizing) bytes += value ? 4 : 5
      return value
    case 'number':
      if (!Number.isFinite(value)) throw new NotJsonError('', `${value} is not a JSON number`)
      if (sizing) bytes += numberSize(value)
      return value
    case 'object': {
      if (value === null) {
        if (sizing) bytes += 4
        return null
      }
      if (seen === undefined) {
        if (depth >= FAST_DEPTH) throw TOO_DEEP
      } else {
        if (seen.includes(value)) throw new NotJsonError('', 'a cyclic reference')
        if (seen.length >= MAX_DEPTH)
          throw new NotJsonError('', `data nested deeper than ${MAX_DEPTH} levels`)
      }
      const toJSON = (value as { toJSON?: unknown }).toJSON
      if (typeof toJSON === 'function') return copy(toJSON.call(value), seen, depth)
      seen?.push(value)
      try {
        if (Array.isArray(value)) {
          const out: JsonValue[] = new Array(value.length)
          let i = 0
          if (sizing) bytes += value.length > 0 ? 1 + value.length : 2
          try {
            for (; i < value.length; i++) {
              const item: unknown = value[i]
              if (item === undefined || typeof item === 'function') {
                out[i] = null
                if (sizing) bytes += 4
              } else out[i] = copy(item, seen, depth + 1)
            }
          } catch (error) {
            if (error instanceof NotJsonError && depth < 63) error.within(`[${i}]`)
            throw error
          }
          return out
        }
        // PERF: a spread clones the members in one step (about 3× faster than storing them one by
        // one); nested data is then replaced by its copy, and members JSON has no place for are
        // deleted. The spread reads each member (getters included) once, and keeps `__proto__` an own
        // member. Symbol-keyed members, which no JSON text or path can see, ride along.
        const out = { ...(value as JsonObject) }
        let key = ''
        // Braces, and per member its quoted key, a colon and a comma (one comma too many: `+ 1 - 1`).
        if (sizing) bytes += 1
        let members = 0
        try {
          for (key in out) {
            if (!Object.hasOwn(out, key)) continue
            const item: unknown = out[key]
            switch (typeof item) {
              case 'string':
                if (sizing) bytes += stringSize(item)
                break
              case 'boolean':
                if (sizing) bytes += item ? 4 : 5
                break
              case 'number':
                if (!Number.isFinite(item))
                  throw new NotJsonError('', `${item} is not a JSON number`)
                if (sizing) bytes += numberSize(item)
                break
              case 'undefined':
              case 'function':
              case 'symbol':
                delete out[key]
                continue
              default: {
                if (item === null) {
                  if (sizing) bytes += 4
                  break
                }
                const copied = copy(item, seen, depth + 1)
                // `__proto__` must stay an own member, never become the prototype.
                if (key === '__proto__') defineMember(out, key, copied)
                else out[key] = copied
              }
            }
            if (sizing) bytes += stringSize(key) + 2
            members++
          }
        } catch (error) {
          if (error instanceof NotJsonError && depth < 63) error.within(`.${key}`)
          throw error
        }
        if (sizing && members === 0) bytes += 1
        return out
      } finally {
        seen?.pop()
      }
    }
    case 'undefined':
      if (sizing) bytes += 4
      return null
    default:
      throw new NotJsonError('', `a ${typeof value} is not JSON`)
  }
}

/** Sets `object[key]` as an own data property, so `__proto__` stays an inert member. */
export function defineMember(object: JsonObject, key: string, value: JsonValue): void {
  if (key === '__proto__') {
    Object.defineProperty(object, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    })
  } else {
    object[key] = value
  }
}

/** Parses JSON text into data whose `__proto__` members are plain properties (JSON.parse already does so). */
export function parseJson(text: string): JsonValue {
  return JSON.parse(text) as JsonValue
}

/** Size in bytes of the UTF-8 JSON text of `value` (AWS's payload quotas count this). */
export function jsonByteLength(value: JsonValue): number {
  const text = JSON.stringify(value)
  return text === undefined ? 0 : utf8Length(text)
}

function utf8Length(text: string): number {
  // Fast path: ASCII-only text is one byte a character; Buffer is avoided so this also runs in browsers.
  let bytes = text.length
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) continue
    if (code < 0x800) bytes += 1
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 2
      i++
    } else bytes += 2
  }
  return bytes
}

const sizes = new WeakMap<object, number>()

/**
 * Bytes of the UTF-8 JSON text of `value`, as AWS's 256 KiB quota counts them, without building the
 * text. PERF: sizes of objects and arrays are remembered, and the runtime shares unchanged sub-trees
 * between states (ResultPath copies only the path it writes), so each state measures only what is new.
 */
export function payloadSize(value: JsonValue): number {
  switch (typeof value) {
    case 'string':
      return stringSize(value)
    case 'number':
      return numberSize(value)
    case 'boolean':
      return value ? 4 : 5
    default: {
      if (value === null || typeof value !== 'object') return 4
      if (value === lastMeasured) return lastMeasuredSize
      const known = sizes.get(value)
      if (known !== undefined) return known
      let size = 2
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) size += payloadSize(value[i]!) + (i > 0 ? 1 : 0)
      } else {
        let first = true
        for (const key in value) {
          if (!Object.hasOwn(value, key)) continue
          size += stringSize(key) + 1 + payloadSize(value[key]!) + (first ? 0 : 1)
          first = false
        }
      }
      // Only big sub-trees are remembered: WeakMap entries cost the garbage collector more than
      // re-measuring a small object does.
      if (size > 4096) sizes.set(value, size)
      return size
    }
  }
}

/** The value `toMeasuredJsonValue` copied last, and its size (the runtime never mutates its data). */
let lastMeasured: object | undefined
let lastMeasuredSize = 0

/** Length of a finite number's JSON text (PERF: integers are counted without building the text). */
function numberSize(n: number): number {
  if (Number.isSafeInteger(n)) {
    let size = n < 0 ? 2 : 1
    let rest = n < 0 ? -n : n
    while (rest >= 10) {
      rest = Math.floor(rest / 10)
      size++
    }
    return size
  }
  return String(n).length
}

function stringSize(text: string): number {
  let size = 2
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    // PERF: printable ASCII first (a loop beats a regex pre-check on short strings).
    if (code >= 0x20 && code < 0x7f && code !== 0x22 && code !== 0x5c) size += 1
    else if (code === 0x22 || code === 0x5c) size += 2
    else if (code < 0x20)
      size += code === 8 || code === 9 || code === 10 || code === 12 || code === 13 ? 2 : 6
    else if (code < 0x80) size += 1
    else if (code < 0x800) size += 2
    else if (code >= 0xd800 && code <= 0xdfff) {
      const next = text.charCodeAt(i + 1)
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        size += 4
        i++
      } else size += 6 // a lone surrogate: JSON.stringify escapes it as \uXXXX
    } else size += 3
  }
  return size
}
