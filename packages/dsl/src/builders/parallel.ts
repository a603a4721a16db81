import { DslError } from '../errors.ts'
import type { InputOf, OutputOf, ResolveOutput } from '../infer.ts'
import type { ParallelNode } from '../ir/parallel-node.ts'
import { CallSite } from '../source.ts'
import { type Chain, resolveTarget } from './chain.ts'
import { type Chainable, checkStateName } from './piece.ts'
import { StateBuilder } from './state.ts'
import type { PieceScopeIn, Scope } from '../variables.ts'

/**
 * A branch: a state or chain, or a function of a fresh chain typed by the data the branch receives. Its
 * scope is `'nested'`, or `'distributed'` when the Parallel runs inside a Distributed Map iteration.
 */
export type Target<TData, TOuter extends Scope = 'workflow'> =
  // A standalone piece may not carry the marks the branch's scope forbids (see PieceScopeIn).
  | (Chainable<any, any> & { readonly '~scope'?: PieceScopeIn<BranchScope<TOuter>> }) // eslint-disable-line @typescript-eslint/no-explicit-any
  | ((start: Chain<TData, TData, BranchScope<TOuter>>) => Chainable<any, any>) // eslint-disable-line @typescript-eslint/no-explicit-any

/** Where a Parallel's branches run: `'distributed'` inside a Distributed Map iteration, else `'nested'`. */
export type BranchScope<TOuter extends Scope> = TOuter extends 'distributed'
  ? 'distributed'
  : 'nested'

/** The chain a target stands for. */
export type TargetChain<T> = T extends (start: never) => infer TChain ? TChain : T

/** The tuple of the branches' outputs (a branch that passes data through outputs `TData`). */
export type ParallelOutput<TData, TBranches extends readonly unknown[]> = {
  -readonly [K in keyof TBranches]: ResolveOutput<TData, OutputOf<TargetChain<TBranches[K]>>>
}

type UnionToIntersection<T> = (T extends unknown ? (x: T) => void : never) extends (
  x: infer I,
) => void
  ? I
  : never

/** What a standalone Parallel needs: every branch's input. */
export type ParallelInput<TBranches extends readonly unknown[]> = UnionToIntersection<
  { [K in keyof TBranches]: InputOf<TargetChain<TBranches[K]>> }[number]
>

/**
 * A Parallel state: each branch runs on the state's input; the result is the tuple of the branches' outputs.
 * @example
 * parallel('Prepare', [task(reserve), task(charge)])
 * // "Prepare": { "Type": "Parallel", "Branches": [{ "StartAt": "Reserve", … }, { "StartAt": "Charge", … }], "End": true }
 */
export function parallel<const TBranches extends readonly Target<never>[]>(
  name: string,
  branches: TBranches,
): StateBuilder<
  'Parallel',
  ParallelInput<TBranches>,
  ParallelOutput<ParallelInput<TBranches>, TBranches>,
  ParallelOutput<ParallelInput<TBranches>, TBranches>,
  ParallelInput<TBranches>
> {
  checkStateName(name)
  if (!Array.isArray(branches) || branches.length === 0) {
    throw new DslError('SFN104', `Parallel '${name}' needs at least one branch.`)
  }
  const node: ParallelNode = Object.freeze({
    kind: 'Parallel',
    name,
    branches: [],
    retry: [],
    catch: [],
  })
  return new StateBuilder({
    node,
    catchTargets: [],
    handler: undefined,
    site: new CallSite(),
    nested: branches.map(resolveTarget),
    stage: 0,
    resultPrefix: [],
  })
}
