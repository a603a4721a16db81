import { DslError } from './errors.ts'
import type { IntrinsicName, ValueNode } from './ir/value-node.ts'
import { isRef, pathOf, type ValueRef } from './ref.ts'

declare const expressionType: unique symbol

/**
 * A computed value of type T: an intrinsic function call (`format(…)`) or a typed JSONata expression
 * (`jsonata<number>('$count($states.input.items)')`). Accepted wherever a template accepts a reference.
 * @example
 * const label: Expression<string> = format('Order {}', s.id) // "States.Format('Order {}', $.id)"
 */
export interface Expression<T> {
  readonly [expressionType]: { readonly type: T }
}

const nodeOfExpression = new WeakMap<object, ValueNode>()

/** @internal */
export function makeExpression<T>(node: ValueNode): Expression<T> {
  const expression = Object.freeze({}) as Expression<T>
  nodeOfExpression.set(expression, Object.freeze(node))
  return expression
}

/** @internal */
export const isExpression = (value: unknown): value is Expression<unknown> =>
  typeof value === 'object' && value !== null && nodeOfExpression.has(value)

/**
 * A JSONata expression with a declared result type: the escape hatch for what references cannot say. It is
 * written as is (inside `{% %}`), so it only lowers in JSONata states; use `$states.input`, `$states.result`,
 * variables, … as AWS defines them.
 * @example
 * pass('Count').output(() => ({ n: jsonata<number>('$count($states.input.items)') }))
 * // "Output": { "n": "{% $count($states.input.items) %}" }
 */
export function jsonata<T>(expression: string): Expression<T> {
  if (typeof expression !== 'string' || expression.trim().length === 0) {
    throw new DslError(
      'SFN104',
      "jsonata() needs a non-empty expression, like jsonata<number>('$count($states.input.items)').",
    )
  }
  const body = expression
    .trim()
    .replace(/^\{%([\s\S]*)%\}$/, '$1')
    .trim()
  return makeExpression({ kind: 'jsonata', expression: body })
}

/** @internal */
export const intrinsic = <T>(name: IntrinsicName, args: readonly unknown[]): Expression<T> =>
  makeExpression({ kind: 'intrinsic', name, args: args.map((arg) => toValueNode(arg)) })

/**
 * What a template may hold where a value of type T is expected: the value itself, a reference to one, an
 * expression yielding one, or (for objects and arrays) a template of each part. Contextual typing reports a
 * wrong field on that field.
 * @example
 * const args: Template<{ orderId: string; amount: number }> = { orderId: s.id, amount: 10 }
 */
export type Template<T> =
  | ValueRef<T>
  | Expression<T>
  | (T extends readonly (infer TItem)[]
      ? readonly Template<TItem>[]
      : T extends object
        ? { readonly [K in keyof T]: Template<T[K]> }
        : T)

/**
 * The type a template produces: references and expressions replaced by the types they stand for.
 * @example
 * type Made = Resolved<{ id: ValueRef<string>; n: Expression<number> }> // { id: string; n: number }
 * PERF: a plain recursive mapped type over the template literal the user wrote (never over the workflow).
 */
export type Resolved<T> =
  T extends ValueRef<infer TValue>
    ? TValue
    : T extends Expression<infer TValue>
      ? TValue
      : T extends readonly unknown[]
        ? { -readonly [K in keyof T]: Resolved<T[K]> }
        : T extends object
          ? { -readonly [K in keyof T]: Resolved<T[K]> }
          : T

/**
 * The IR of a template value: references become paths, expressions their nodes, the rest JSON literals.
 * @internal
 */
export function toValueNode(value: unknown, seen: Set<object> = new Set()): ValueNode {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') {
    return { kind: 'literal', value }
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new DslError('SFN104', `${value} is not a JSON number: use a finite number.`)
    }
    return { kind: 'literal', value }
  }
  if (isRef(value)) return pathOf(value)
  if (isExpression(value)) return nodeOfExpression.get(value) as ValueNode
  if (typeof value !== 'object') {
    throw new DslError(
      'SFN104',
      `A template cannot hold a ${typeof value}: use JSON values, references (s.order.id) or expressions.`,
    )
  }
  if (seen.has(value)) {
    throw new DslError('SFN104', 'A template contains itself (a cycle): JSON cannot express it.')
  }
  seen.add(value)
  try {
    if (Array.isArray(value)) {
      return { kind: 'array', items: value.map((item) => toValueNode(item, seen)) }
    }
    const proto = Object.getPrototypeOf(value) as unknown
    if (proto !== Object.prototype && proto !== null) {
      throw new DslError(
        'SFN104',
        'A template can hold plain objects only (not a Date, Map or class instance): convert it to JSON first.',
      )
    }
    const entries: (readonly [string, ValueNode])[] = []
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue // JSON has no undefined: the key is left out, as JSON.stringify does
      entries.push([key, toValueNode(item, seen)])
    }
    return { kind: 'object', entries }
  } finally {
    seen.delete(value)
  }
}
