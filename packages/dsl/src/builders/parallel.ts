import type { ContextObject } from '../context-object.ts'
import { DslError } from '../errors.ts'
import type { InputOf, OutputOf, ResolveOutput } from '../infer.ts'
import type { DslTypeError } from '../type-utils.ts'
import type { ParallelNode } from '../ir/parallel-node.ts'
import { createRef, type Ref } from '../ref.ts'
import { CallSite } from '../source.ts'
import { type Chain, resolveTarget } from './chain.ts'
import { type Chainable, checkStateName } from './piece.ts'
import { checkTaskToken, StateBuilder } from './state.ts'
import { type Resolved, toValueNode } from '../template.ts'
import type {
  AssignsMark,
  Marked,
  MarksOf,
  ReadableIn,
  ReadMark,
  ReadsMark,
  Scope,
} from '../variables.ts'

/**
 * A branch: a state or chain, or a function of a fresh chain typed by the data the branch receives. Its
 * scope is `'nested'`, or `'distributed'` when the Parallel runs inside a Distributed Map iteration.
 */
export type Target<TData, TOuter extends Scope = 'workflow'> =
  // A standalone piece's marks are checked by BranchScopesFit, on the element that carries them.
  | Chainable<any, any> // eslint-disable-line @typescript-eslint/no-explicit-any
  | ((start: Chain<TData, TData, BranchScope<TOuter>>) => Chainable<any, any>) // eslint-disable-line @typescript-eslint/no-explicit-any

/** Where a Parallel's branches run: `'distributed'` inside a Distributed Map iteration, else `'nested'`. */
export type BranchScope<TOuter extends Scope> = TOuter extends 'distributed'
  ? 'distributed'
  : 'nested'

/**
 * Whether one branch (a piece, or what a branch callback returns) may run in `TInner`: `unknown`, or the
 * sentence naming what the standalone piece does that a branch cannot. PERF: two conditionals on its marks.
 */
type BranchScopeFits<TInner extends Scope, TBranch> =
  AssignsMark extends MarksOf<TBranch>
    ? DslTypeError<'This branch assigns a workflow variable (variable()), which a Parallel branch cannot: assign a localVariable() in it, or return the value and assign the variable after the Parallel.'>
    : TInner extends 'distributed'
      ? ReadsMark extends MarksOf<TBranch>
        ? DslTypeError<'This branch reads a workflow variable (variable()), which a branch inside a Distributed Map iteration cannot: pass the value in itemSelector() and read it from the branch input.'>
        : unknown
      : unknown

/**
 * Each branch given as a standalone piece (or returned by a branch callback) may not carry the marks the
 * branches' scope forbids (a branch cannot assign a workflow variable; inside a Distributed Map it
 * cannot read one either); a refused one becomes a sentence on that element.
 * PERF: one conditional per branch.
 * @example
 * type Ok = BranchScopesFit<'nested', [typeof readsTotal]> // readonly [unknown]
 */
export type BranchScopesFit<TInner extends Scope, TBranches> = TBranches extends readonly []
  ? DslTypeError<NoBranch>
  : { readonly [K in keyof TBranches]: BranchScopeFits<TInner, TargetChain<TBranches[K]>> }

// An empty branch list (AWS requires one branch at least; SFN104 at run time). A literal, so that tsc
// prints the sentence (an alias of the whole error would print as its name).
type NoBranch =
  'A Parallel needs at least one branch: give [(b) => b.task(…), …] or states made on their own.'

/**
 * Each branch given as a state or chain must accept `TData` (a branch given as a callback is typed by it
 * already) and carry no mark its scope forbids; a misfit becomes a sentence on that element. PERF: one
 * conditional per branch.
 */
export type BranchesFit<
  TData,
  TBranches,
  TOuter extends Scope = 'workflow',
> = TBranches extends readonly []
  ? DslTypeError<NoBranch>
  : {
      readonly [K in keyof TBranches]: TBranches[K] extends (start: never) => infer TChain
        ? BranchScopeFits<BranchScope<TOuter>, TChain>
        : [TData] extends [InputOf<TBranches[K]>]
          ? BranchScopeFits<BranchScope<TOuter>, TBranches[K]>
          : DslTypeError<"This branch's input schema does not accept the Parallel's input: map it with parameters() (parallel(name, { parameters, branches }))">
    }

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
 * A Parallel whose branches run on what `parameters` builds (`Parameters`, or `Arguments` in JSONata; a bare
 * reference is `InputPath`), as AWS runs them: the branches are typed by that value, not the raw input.
 * `parameters` comes first in the object so that its result types the branch callbacks.
 * @example
 * start.parallel('Check', {
 *   parameters: (s) => ({ id: s.order.id, n: s.limit }),
 *   branches: [(b) => b.task(audit), (b) => b.task(score)],
 * })
 * // "Check": { "Type": "Parallel", "Parameters": { "id.$": "$.order.id", "n.$": "$.limit" }, "Branches": [ … ] }
 */
export interface ParallelOptions<TData, TMade, TBranches, TScope extends Scope = 'workflow'> {
  readonly parameters: (s: Ref<TData>, context: Ref<ContextObject>) => ReadableIn<TScope, TMade>
  readonly branches: TBranches & BranchScopesFit<BranchScope<TScope>, TBranches>
}

/** The builder of a Parallel made from `ParallelOptions`: its branches receive `Resolved<TMade>`. */
export type ParallelWith<
  TData,
  TMade,
  TBranches extends readonly unknown[],
  TScope extends Scope,
> = StateBuilder<
  'Parallel',
  TData,
  ParallelOutput<Resolved<TMade>, TBranches>,
  ParallelOutput<Resolved<TMade>, TBranches>,
  TData,
  Marked<TScope, ReadMark<TMade>>
>

/**
 * A Parallel state: each branch runs on the state's input; the result is the tuple of the branches' outputs.
 * With `{ parameters, branches }` the branches run on what `parameters` builds (annotate its argument: a
 * standalone Parallel does not know its input yet).
 * @example
 * parallel('Prepare', [task(reserve), task(charge)])
 * // "Prepare": { "Type": "Parallel", "Branches": [{ "StartAt": "Reserve", … }, { "StartAt": "Charge", … }], "End": true }
 * parallel('Check', { parameters: (s: Ref<Order>) => ({ id: s.id }), branches: [task(audit)] })
 * // "Check": { "Type": "Parallel", "Parameters": { "id.$": "$.id" }, "Branches": [ … ], "End": true }
 */
export function parallel<TData, TMade, const TBranches extends readonly Target<Resolved<TMade>>[]>(
  name: string,
  options: ParallelOptions<TData, TMade, TBranches>,
): ParallelWith<TData, TMade, TBranches, 'workflow'>
export function parallel<const TBranches extends readonly Target<never>[]>(
  name: string,
  branches: TBranches & BranchScopesFit<'nested', TBranches>,
): StateBuilder<
  'Parallel',
  ParallelInput<TBranches>,
  ParallelOutput<ParallelInput<TBranches>, TBranches>,
  ParallelOutput<ParallelInput<TBranches>, TBranches>,
  ParallelInput<TBranches>
>
export function parallel(name: string, branchesOrOptions: unknown): unknown {
  checkStateName(name)
  const options =
    Array.isArray(branchesOrOptions) ||
    typeof branchesOrOptions !== 'object' ||
    branchesOrOptions === null
      ? undefined
      : (branchesOrOptions as ParallelOptions<unknown, unknown, readonly unknown[]>)
  const branches = options === undefined ? branchesOrOptions : options.branches
  if (!Array.isArray(branches) || branches.length === 0) {
    throw new DslError('SFN104', `Parallel '${name}' needs at least one branch.`)
  }
  if (options !== undefined && typeof options.parameters !== 'function') {
    throw new DslError(
      'SFN104',
      `Parallel '${name}' is given options without parameters: write { parameters: (s) => ({ … }), branches: [ … ] }, or pass the branches array alone.`,
    )
  }
  const base: ParallelNode = { kind: 'Parallel', name, branches: [], retry: [], catch: [] }
  let node: ParallelNode = base
  if (options !== undefined) {
    const parameters = toValueNode(options.parameters(createRef('input'), createRef('context')))
    checkTaskToken(base, parameters)
    node = { ...base, parameters }
  }
  Object.freeze(node)
  return new StateBuilder({
    node,
    catchTargets: [],
    handler: undefined,
    site: new CallSite(),
    nested: branches.map(resolveTarget),
    // parameters() is set: a second one is refused, and ResultSelector/ResultPath/OutputPath follow in order.
    stage: options === undefined ? 0 : 1,
    resultPrefix: [],
  })
}
