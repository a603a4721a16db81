declare const dslTypeError: unique symbol
declare const dslTypeErrorDetail: unique symbol

/**
 * A type that no value has, whose name carries a sentence: it is what a parameter's type becomes when the
 * argument is wrong, so the editor shows the sentence on the wrong argument instead of a wall of generics.
 * @example
 * // Argument of type 'TaskBuilder<…>' is not assignable to parameter of type
 * //   'DslTypeError<"This state's output does not fit the next state's input schema.">'
 */
export interface DslTypeError<TMessage extends string, TDetail = never> {
  readonly [dslTypeError]: TMessage
  /** What exactly does not fit (e.g. `"missing field 'amount'"`), shown as the second type argument. */
  readonly [dslTypeErrorDetail]?: TDetail
}

/**
 * The fields of `TData` that `TExpected` refuses, as sentences: a required field `TData` lacks, or a field
 * whose type differs. Never when either is not an object type (the message alone then says it).
 * PERF: evaluated only on the failing branch of a check, never on data that fits.
 * @example
 * type D = MisfitFields<{ id: string }, { id: string; amount: number }> // "missing field 'amount'"
 */
export type MisfitFields<TData, TExpected> = [TExpected] extends [object]
  ? [TData] extends [object]
    ? {
        [K in keyof TExpected]-?: K extends keyof TData
          ? [TData[K]] extends [TExpected[K]]
            ? never
            : `field '${K & string}' has another type`
          : {} extends Pick<TExpected, K>
            ? never
            : `missing field '${K & string}'`
      }[keyof TExpected]
    : never
  : never

/** Flattens intersections for readable hovers; a no-op on the type's meaning. */
export type Simplify<T> = { [K in keyof T]: T[K] } & {}

/** `true` when T is `any` (so `any` data does not silently pass or fail every check). */
export type IsAny<T> = 0 extends 1 & T ? true : false

/**
 * T with `TValue` placed at the dotted path `TPath` (what ResultPath does): `'$'` replaces T, `'a.b'`
 * (or `'$.a.b'`) creates or overwrites `a.b`, keeping the other fields.
 * PERF: a new field is added by intersection (TS flattens `A & B & C`, so a chain of resultPath() steps
 * does not nest), a field rewritten with the same type leaves T as it is, and only a field whose type
 * changes goes through Omit. Nesting mapped types per step made 30 chained resultPath() calls hit the
 * instantiation depth limit.
 * @example
 * type Out = SetPath<{ id: string }, 'payment', { ok: boolean }> // { id: string } & { payment: { ok: boolean } }
 */
export type SetPath<T, TPath extends string, TValue> = TPath extends '$'
  ? TValue
  : TPath extends `${infer TKey}.${infer TRest}`
    ? // `'$.payment'` is `'payment'`, as resultPath() reads it (not a field named '$'); checked only on a
      // dotted path, so a plain one costs nothing more.
      TKey extends '$'
      ? SetPath<T, TRest, TValue>
      : SetKey<T, TKey, SetPath<TKey extends keyof T ? NonNullable<T[TKey]> : {}, TRest, TValue>>
    : SetKey<T, TPath, TValue>

type SetKey<T, TKey extends string, TValue> = unknown extends T
  ? { [K in TKey]: TValue }
  : TKey extends keyof T
    ? [T[TKey], TValue] extends [TValue, T[TKey]]
      ? T
      : Omit<T, TKey> & { [K in TKey]: TValue }
    : T & { [K in TKey]: TValue }
