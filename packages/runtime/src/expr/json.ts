import type { JsonValue } from '@statewright/asl'

/** A JSON object as the expression modules handle it. */
export type JsonObject = { [key: string]: JsonValue }

/** True for a JSON object (not an array, not null). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Own-property test: data keys such as `__proto__` or `constructor` never reach the prototype. */
export function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key)
}

/** The object's own keys in insertion order. */
export function ownKeys(object: JsonObject): string[] {
  return Object.keys(object)
}

/** Sets a key as an own data property, so a `__proto__` key is stored as data, never as a prototype. */
export function setOwn(object: JsonObject, key: string, value: JsonValue): void {
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

/** A copy of `object` with `key` set to `value` (the input is not touched; other members are shared). */
export function withKey(object: JsonObject, key: string, value: JsonValue): JsonObject {
  const out: JsonObject = {}
  for (const k of Object.keys(object)) setOwn(out, k, object[k]!)
  setOwn(out, key, value)
  return out
}

/** Deep JSON equality: numbers by value, objects regardless of key order. */
export function jsonEquals(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!jsonEquals(a[i]!, b[i]!)) return false
    return true
  }
  if (Array.isArray(b)) return false
  const ka = Object.keys(a)
  if (ka.length !== Object.keys(b).length) return false
  for (const k of ka) if (!hasOwn(b, k) || !jsonEquals(a[k]!, b[k]!)) return false
  return true
}

/** Compact JSON text, as AWS quotes values in its error causes. */
export function toJsonText(value: JsonValue): string {
  return JSON.stringify(value)
}
