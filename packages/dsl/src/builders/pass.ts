import type { JsonValue } from '@statewright/asl'
import type { Passthrough } from '../infer.ts'
import { PassNode } from '../ir/pass-node.ts'
import { CallSite } from '../source.ts'
import { checkStateName, NO_PIECES, NO_SEGMENTS } from './piece.ts'
import { StateBuilder } from './state.ts'

/** A Pass state being built: passes its input through (`Passthrough`) or outputs its result. */
export type PassBuilder<TOutput, TContext = unknown> = StateBuilder<
  'Pass',
  unknown,
  TOutput,
  TOutput,
  TContext
>

/** Options of `pass()`. */
export interface PassOptions<TResult extends JsonValue> {
  /** A fixed value that becomes the state's result (JSONPath `Result`, JSONata `Output`). */
  readonly result?: TResult
  readonly comment?: string
}

/**
 * A Pass state. Without `result` the input passes through unchanged (and keeps its type).
 * @example
 * pass('Defaults', { result: { retries: 0 } }) // "Defaults": { "Type": "Pass", "Result": { "retries": 0 }, "End": true }
 */
export function pass(
  name: string,
  options?: { readonly comment?: string },
): PassBuilder<Passthrough>
export function pass<TResult extends JsonValue>(
  name: string,
  options: PassOptions<TResult> & { readonly result: TResult },
): PassBuilder<TResult>
export function pass(name: string, options: PassOptions<JsonValue> = {}): PassBuilder<unknown> {
  const node = PassNode.create(checkStateName(name), options.result)
  return new StateBuilder({
    node:
      options.comment === undefined ? node : Object.freeze({ ...node, comment: options.comment }),
    catchTargets: NO_PIECES,
    handler: undefined,
    site: new CallSite(),
    nested: NO_PIECES,
    // A Pass with Result cannot take Parameters too (the Result wins in ASL): treat it as already set.
    stage: options.result === undefined ? 0 : 1,
    resultPrefix: NO_SEGMENTS,
  })
}
