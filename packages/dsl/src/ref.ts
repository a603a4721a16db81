import { DslError } from './errors.ts'
import { PathNode, type PathSegment } from './ir/path-node.ts'

declare const refType: unique symbol

/**
 * A typed reference to a value of type T inside a state's data. It is what `s.order.id` is in a callback
 * `(s) => …`; conditions and payload helpers accept it and lower it to `$.order.id` (JSONPath) or
 * `$states.input.order.id` (JSONata). The type is phantom: at run time a reference only knows its path.
 * @example
 * const id: ValueRef<string> = s.order.id // lowers to "$.order.id" or "{% $states.input.order.id %}"
 */
export interface ValueRef<T> {
  readonly [refType]: { readonly type: T }
}

// Optional fields keep `undefined` in their value type, so comparing a field that may be absent (a
// States.Runtime failure in AWS) is a type error while isPresent() on it is fine.
type FieldRefs<T> = {
  readonly [K in keyof T]-?: Ref<{} extends Pick<T, K> ? T[K] | undefined : T[K]>
}

// An array's items by index; a tuple (a Parallel's result) keeps its positions.
type ItemRefs<TArray extends readonly unknown[]> = number extends TArray['length']
  ? { readonly [index: number]: Ref<TArray[number]> }
  : TupleRefs<TArray>

// A tuple (a Parallel's result) keeps its positions: `r[1]` is a reference to the second element's type.
// Only the numeric keys ('0', '1', …) are mapped, so a position past the end is a type error.
type TupleRefs<T> = {
  readonly [K in keyof T as K extends `${number}` ? K : never]: Ref<T[K]>
}

/**
 * A reference to T plus a reference for each of its fields (`s.order.lines[0].sku`). Renaming a schema
 * field in an editor renames these accesses too, because the keys are the schema's own keys.
 * PERF: a lazy mapped type; nothing is computed for fields nobody reads.
 * @example
 * (s: Ref<{ order: { lines: { sku: string }[] } }>) => s.order.lines[0]?.sku // "$.order.lines[0].sku"
 */
export type Ref<T> = ValueRef<T> &
  ([NonNullable<T>] extends [infer TArray extends readonly unknown[]]
    ? ItemRefs<TArray>
    : [NonNullable<T>] extends [object]
      ? FieldRefs<NonNullable<T>>
      : unknown)

/** The type a reference points to. */
export type RefValue<TRef> = TRef extends ValueRef<infer T> ? T : never

const pathOfRef = new WeakMap<object, PathNode>()

/**
 * The root reference of a callback (`(s) => …`): a proxy that records the keys read from it.
 * @internal
 */
export function createRef<T>(
  root: PathNode['root'],
  segments: readonly PathSegment[] = [],
): Ref<T> {
  const path = PathNode.create(root, segments)
  const proxy: object = new Proxy(Object.create(null) as object, {
    get(_target, key) {
      // Not a field: symbols (inspection, iteration) and `then` (so a reference is never taken for a promise).
      if (typeof key === 'symbol' || key === 'then') return undefined
      return createRef(root, [...segments, /^(0|[1-9]\d*)$/.test(key) ? Number(key) : key])
    },
    set() {
      throw new DslError(
        'SFN107',
        'A reference to state data is read-only: build a new value instead.',
      )
    },
  })
  pathOfRef.set(proxy, path)
  return proxy as Ref<T>
}

/** True when `value` is a reference made by `createRef`. */
export const isRef = (value: unknown): value is ValueRef<unknown> =>
  typeof value === 'object' && value !== null && pathOfRef.has(value)

/**
 * The path a reference stands for.
 * @internal
 */
export function pathOf(ref: ValueRef<unknown>): PathNode {
  const path = pathOfRef.get(ref)
  if (path === undefined) {
    throw new DslError(
      'SFN107',
      'This value is not a reference to state data: pass a field of the callback argument, like (s) => s.order.id.',
    )
  }
  return path
}

/**
 * The item at `index` of an array reference (`$.lines[0]`). Plain indexing (`s.lines[0]`) works too, but
 * with `noUncheckedIndexedAccess` its type includes `undefined`; `at()` does not.
 * @example
 * isPresent(at(s.lines, 0)) // { "Variable": "$.lines[0]", "IsPresent": true }
 */
export function at<TItem>(array: ValueRef<readonly TItem[]>, index: number): Ref<TItem> {
  if (!Number.isInteger(index) || index < 0) {
    throw new DslError('SFN104', `at() needs a non-negative integer index; got ${index}.`)
  }
  const path = pathOf(array)
  return createRef<TItem>(path.root, [...path.segments, index])
}
