import { DslError } from './errors.ts'
import type { ValueRef } from './ref.ts'
import type { DslTypeError } from './type-utils.ts'
import { type Expression, intrinsic, type Template } from './template.ts'

/** A value, a reference to one, or an expression yielding one: what intrinsic arguments accept. */
export type Arg<T> = T | ValueRef<T> | Expression<T>

type Scalar = string | number | boolean | null

/** One argument per `{}` of a literal template; any number for a template only known as `string`. */
export type FormatArgs<TFormat extends string> = string extends TFormat
  ? Arg<Scalar>[]
  : Placeholders<TFormat>
type Placeholders<TFormat extends string> = TFormat extends `${string}{}${infer TRest}`
  ? [Arg<Scalar>, ...Placeholders<TRest>]
  : []

/**
 * `States.Format`: the template with each `{}` replaced by the next argument. The number of arguments must
 * match the number of `{}` (checked by the type when the template is a literal).
 * @example
 * format('Hello, {}!', s.name) // "greeting.$": "States.Format('Hello, {}!', $.name)"
 */
export function format<const TFormat extends string>(
  template: TFormat,
  ...args: FormatArgs<TFormat>
): Expression<string> {
  const expected = template.split('{}').length - 1
  if (expected !== args.length) {
    throw new DslError(
      'SFN104',
      `format('${template}') has ${expected} placeholder(s) but ${args.length} argument(s): pass one argument per {}.`,
    )
  }
  return intrinsic('States.Format', [template, ...args])
}

/**
 * `States.StringToJson`: parses a JSON string.
 * @example
 * stringToJson<{ a: number }>(s.raw) // "States.StringToJson($.raw)"
 */
export const stringToJson = <T>(value: Arg<string>): Expression<T> =>
  intrinsic('States.StringToJson', [value])

/**
 * `States.JsonToString`: serializes a value to JSON text.
 * @example
 * jsonToString(s.order) // "States.JsonToString($.order)"
 */
export const jsonToString = (value: Arg<unknown>): Expression<string> =>
  intrinsic('States.JsonToString', [value])

/**
 * `States.Array`: an array of the arguments.
 * @example
 * array(s.a, s.b) // "States.Array($.a, $.b)"
 */
export const array = <T>(...items: Arg<T>[]): Expression<T[]> => intrinsic('States.Array', items)

/**
 * `States.ArrayPartition`: chunks of `size` items.
 * @example
 * arrayPartition(s.items, 10) // "States.ArrayPartition($.items, 10)"
 */
export const arrayPartition = <T>(items: Arg<readonly T[]>, size: Arg<number>): Expression<T[][]> =>
  intrinsic('States.ArrayPartition', [items, size])

/**
 * `States.ArrayContains`: whether the array holds the value.
 * @example
 * arrayContains(s.tags, 'vip') // "States.ArrayContains($.tags, 'vip')"
 */
export const arrayContains = <T>(items: Arg<readonly T[]>, value: Arg<T>): Expression<boolean> =>
  intrinsic('States.ArrayContains', [items, value])

/**
 * `States.ArrayRange`: numbers from `start` to `end` (inclusive) by `step`, all integers (a decimal fails
 * the state, in JSONata too), at most 1,000 of them. Literal arguments are checked when the workflow is built.
 * @example
 * arrayRange(1, 9, 2) // "States.ArrayRange(1, 9, 2)" → [1, 3, 5, 7, 9]; JSONata "[$range(1, 9, 2)]"
 */
export function arrayRange(
  start: Arg<number>,
  end: Arg<number>,
  step: Arg<number>,
): Expression<number[]> {
  if (typeof start === 'number' && typeof end === 'number' && typeof step === 'number') {
    if (![start, end, step].every(Number.isInteger) || step === 0) {
      throw new DslError(
        'SFN104',
        `arrayRange(${start}, ${end}, ${step}) needs integers and a step other than 0, as States.ArrayRange does.`,
      )
    }
    const count = Math.max(0, Math.floor((end - start) / step) + 1)
    if (count > MAX_RANGE_ITEMS) {
      throw new DslError(
        'SFN104',
        `arrayRange(${start}, ${end}, ${step}) would make ${count} items; States.ArrayRange makes at most ${MAX_RANGE_ITEMS}: use a larger step or a smaller range.`,
      )
    }
  }
  return intrinsic('States.ArrayRange', [start, end, step])
}

// AWS's limit on States.ArrayRange's output (DG "Intrinsic functions").
const MAX_RANGE_ITEMS = 1000

/**
 * `States.ArrayGetItem`: the item at `index`.
 * @example
 * arrayGetItem(s.items, 0) // "States.ArrayGetItem($.items, 0)"
 */
export const arrayGetItem = <T>(items: Arg<readonly T[]>, index: Arg<number>): Expression<T> =>
  intrinsic('States.ArrayGetItem', [items, index])

/**
 * `States.ArrayLength`: the number of items.
 * @example
 * arrayLength(s.items) // "States.ArrayLength($.items)"
 */
export const arrayLength = (items: Arg<readonly unknown[]>): Expression<number> =>
  intrinsic('States.ArrayLength', [items])

/**
 * `States.ArrayUnique`: the items without duplicates.
 * @example
 * arrayUnique(s.tags) // "States.ArrayUnique($.tags)"
 */
export const arrayUnique = <T>(items: Arg<readonly T[]>): Expression<T[]> =>
  intrinsic('States.ArrayUnique', [items])

/**
 * `States.Base64Encode`.
 * @example
 * base64Encode(s.text) // "States.Base64Encode($.text)"
 */
export const base64Encode = (value: Arg<string>): Expression<string> =>
  intrinsic('States.Base64Encode', [value])

/**
 * `States.Base64Decode`.
 * @example
 * base64Decode(s.blob) // "States.Base64Decode($.blob)"
 */
export const base64Decode = (value: Arg<string>): Expression<string> =>
  intrinsic('States.Base64Decode', [value])

/** The algorithms `States.Hash` accepts. */
export type HashAlgorithm = 'MD5' | 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512'

/**
 * `States.Hash`: the hex digest of the value.
 * @example
 * hash(s.email, 'SHA-256') // "States.Hash($.email, 'SHA-256')"
 */
export const hash = (value: Arg<unknown>, algorithm: HashAlgorithm): Expression<string> =>
  intrinsic('States.Hash', [value, algorithm])

// An unconstrained parameter checked here (a constraint would fall back to `object`, which any value fits).
type ObjectOnly<T> = [T] extends [object]
  ? [T] extends [readonly unknown[]]
    ? DslTypeError<'jsonMerge() merges two objects: this argument is an array.'>
    : unknown
  : DslTypeError<'jsonMerge() merges two objects: this argument is not an object.'>

/**
 * `States.JsonMerge`: a shallow merge of two objects (the second wins).
 * @example
 * jsonMerge(s.defaults, s.overrides) // "States.JsonMerge($.defaults, $.overrides, false)"
 */
export const jsonMerge = <TLeft, TRight>(
  // Template, not Arg: Arg<TLeft> lets TLeft be the reference type itself (an object), so a reference to a
  // string would pass; Template<TLeft> infers what the reference points to, which ObjectOnly then checks.
  left: Template<TLeft> & ObjectOnly<TLeft>,
  right: Template<TRight> & ObjectOnly<TRight>,
): Expression<Omit<TLeft, keyof TRight> & TRight> =>
  intrinsic('States.JsonMerge', [left, right, false])

/**
 * `States.MathRandom`: a random integer in [start, end) (decimal bounds rounded half up). With a `seed`,
 * the same seed gives the same number, in both query languages (JSONata `$random(seed)`).
 * @example
 * mathRandom(1, 100) // "States.MathRandom(1, 100)"
 * mathRandom(1, 100, s.seed) // "States.MathRandom(1, 100, $.seed)"
 */
export function mathRandom(
  start: Arg<number>,
  end: Arg<number>,
  seed?: Arg<number>,
): Expression<number> {
  if (
    typeof start === 'number' &&
    typeof end === 'number' &&
    roundHalfUp(end) <= roundHalfUp(start)
  ) {
    throw new DslError(
      'SFN104',
      `mathRandom(${start}, ${end}) needs an end greater than its start: the result is in [start, end).`,
    )
  }
  return intrinsic('States.MathRandom', seed === undefined ? [start, end] : [start, end, seed])
}

// Java's Math.round, which States.MathRandom and States.MathAdd apply to decimals.
const roundHalfUp = (n: number): number => Math.floor(n + 0.5)

/**
 * `States.MathAdd`: the sum of two integers; decimals are rounded half up first (`mathAdd(1.5, 1)` is 3), in
 * both query languages.
 * @example
 * mathAdd(s.count, 1) // "States.MathAdd($.count, 1)"; JSONata "($floor(($states.input.count) + 0.5) + 1)"
 */
export const mathAdd = (left: Arg<number>, right: Arg<number>): Expression<number> =>
  intrinsic('States.MathAdd', [left, right])

/**
 * `States.StringSplit`: the parts of a string between any of the delimiter characters, without empty parts
 * (`stringSplit('a,b,,c', ',')` is `["a", "b", "c"]`), in both query languages.
 * @example
 * stringSplit(s.csv, ',') // "States.StringSplit($.csv, ',')"; JSONata "[$split($states.input.csv, \",\")[$ != \"\"]]"
 */
export const stringSplit = (value: Arg<string>, delimiters: Arg<string>): Expression<string[]> =>
  intrinsic('States.StringSplit', [value, delimiters])

/**
 * `States.UUID`: a random v4 UUID.
 * @example
 * uuid() // "States.UUID()"
 */
export const uuid = (): Expression<string> => intrinsic('States.UUID', [])
