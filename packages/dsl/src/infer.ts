import type { DslTypeError, MisfitFields, SetPath } from './type-utils.ts'

declare const passthrough: unique symbol

/**
 * The output type of a state that passes its input through (a Pass without a result): it stands for
 * "whatever came in" until the state is chained after something whose output is known.
 */
export interface Passthrough {
  readonly [passthrough]: true
}

/**
 * The input type a state, chain or workflow accepts.
 * @example
 * type In = InputOf<typeof orderFlow> // { orderId: string; amount: number }
 */
export type InputOf<T> = T extends { readonly '~types'?: { readonly input: infer TInput } }
  ? TInput
  : never

/**
 * The output type of a state, chain or workflow (`never` when it always ends in Succeed/Fail).
 * @example
 * type Out = OutputOf<typeof orderFlow> // { shipped: boolean }
 */
export type OutputOf<T> = T extends { readonly '~types'?: { readonly output: infer TOutput } }
  ? TOutput
  : never

declare const resultAt: unique symbol

/**
 * The output of a standalone state whose `resultPath()` places its result into an input it does not know
 * yet: resolved to `SetPath<input, TPath, TResult>` when the state is chained after something.
 */
export interface ResultAt<TPath extends string, TResult> {
  readonly [resultAt]: { readonly path: TPath; readonly result: TResult }
}

/** The data after a state: its own output, or what came in when it passes data through. */
export type ResolveOutput<TBefore, TAfter> = [TAfter] extends [never]
  ? never
  : [TAfter] extends [Passthrough]
    ? TBefore
    : [TAfter] extends [ResultAt<infer TPath, infer TResult>]
      ? SetPath<TBefore, TPath, TResult>
      : TAfter

/**
 * The data a chain hands to its next state. A chain that so far only passes data through, from an unknown
 * input, accepts whatever its next state needs (`any` here; `NextInput` then narrows the chain's input).
 */
export type DataOf<TInput, TOutput> = [TOutput] extends [Passthrough]
  ? unknown extends TInput
    ? any // eslint-disable-line @typescript-eslint/no-explicit-any
    : TInput
  : [TOutput] extends [ResultAt<infer TPath, infer TResult>]
    ? unknown extends TInput
      ? any // eslint-disable-line @typescript-eslint/no-explicit-any
      : SetPath<TInput, TPath, TResult>
    : TOutput

/** The input a chain requires once `TTarget` follows it. */
export type NextInput<TInput, TOutput, TTarget> = [TOutput] extends [Passthrough]
  ? TInput & InputOf<TTarget>
  : TInput

/**
 * `Fits` for a catcher's target, whose data is the caught error (`{ Error, Cause }`, or the input with it
 * at the catcher's `resultPath`): the sentence says how to keep the input.
 * @example
 * type Ok = FitsCatch<{ Error: string; Cause: string }, FailBuilder> // the builder type itself
 */
export type FitsCatch<TData, TTarget> = Fits<
  TData,
  TTarget,
  "This catcher's target does not accept what the catcher passes on ({ Error, Cause }, placed at its resultPath if it has one): keep the state's input with catch(errors, target, { resultPath: 'error' }), or give a target that takes the error."
>

/**
 * `TTarget` when it accepts `TData`; otherwise a sentence, shown on the argument that does not fit.
 * @example
 * type Ok = Fits<{ id: string }, TaskBuilder<{ id: string }, Receipt>> // the builder type itself
 * PERF: one conditional per `next()`, never a walk over the chain.
 */
export type Fits<
  TData,
  TTarget,
  TMessage extends string =
    "This state's input schema does not accept the previous state's output.",
> = [TData] extends [InputOf<TTarget>]
  ? TTarget
  : DslTypeError<TMessage, MisfitFields<TData, InputOf<TTarget>>>
