import { DslError } from './errors.ts'
import { createRef, pathOf, type Ref, type ValueRef } from './ref.ts'
import type { DslTypeError } from './type-utils.ts'

// AWS: a variable name is an identifier (letters, digits, _), at most 80 characters, and not `states`.
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

declare const variableScope: unique symbol

/**
 * Where a chain runs, for AWS's variable rules (ASL-SPEC §4): `'workflow'` at the top level (and in Choice
 * branches), `'nested'` inside a Parallel branch or an inline Map iteration, `'distributed'` inside a
 * Distributed Map iteration (a child execution: outer variables are not even readable). A builder made on
 * its own (`pass('X')`, `task(def)`, `wait(…)`) is `'workflow'` plus marks (`ReadsMark`, `AssignsMark`) for
 * what it does with workflow variables, which a nested chain checks when it is given the builder.
 */
export type Scope = 'workflow' | 'nested' | 'distributed' | ScopeMark

/**
 * The mark of a standalone builder or chain that reads a workflow variable.
 * @example
 * pass('Copy').parameters(() => ({ total })) // StateBuilder<…, 'workflow' | ReadsMark>
 */
export type ReadsMark = 'reads a workflow variable'
/**
 * The mark of a standalone builder or chain that assigns a workflow variable.
 * @example
 * task(charge).assign(total, (r) => r.amount) // StateBuilder<…, 'workflow' | AssignsMark>
 */
export type AssignsMark = 'assigns a workflow variable'
/**
 * What a standalone builder's scope may carry besides `'workflow'`.
 * @example
 * type M = MarksOf<typeof piece> extends ScopeMark ? 'marked' : 'clean'
 */
export type ScopeMark = ReadsMark | AssignsMark

/**
 * The marks a builder or chain carries in its scope (never for one built inside a nested chain).
 * @example
 * type M = MarksOf<typeof standalone> // 'reads a workflow variable'
 */
export type MarksOf<T> = T extends { readonly '~scope'?: infer TScope }
  ? Extract<TScope, ScopeMark>
  : never

/**
 * A scope plus marks: only a standalone (`'workflow'`) scope records them; a nested one checks at once.
 * PERF: one conditional; marks are a union of at most two literals, never a list per state.
 */
export type Marked<TScope extends Scope, TMarks extends ScopeMark> = 'workflow' extends TScope
  ? TScope | TMarks
  : TScope

/** `ReadsMark` when a template reads a workflow variable. */
export type ReadMark<TMade> = true extends ReadsWorkflowVariable<TMade> ? ReadsMark : never

/** `AssignsMark` when an assigned variable is a workflow variable. */
export type AssignMark<TVariable> = true extends IsWorkflowVariable<TVariable> ? AssignsMark : never

/**
 * `TFits` (what `Fits` made of the target) when the target's marks are allowed in `TScope`: a Parallel
 * branch or Map iteration refuses a standalone builder or chain that assigns a workflow variable, a
 * Distributed Map iteration also one that reads one. Otherwise the sentence, on the target argument.
 * PERF: three conditionals on the marks, no walk.
 */
export type ScopeFits<TScope extends Scope, TTarget, TFits> = 'workflow' extends TScope
  ? TFits
  : AssignsMark extends MarksOf<TTarget>
    ? CannotAssignOuter
    : 'distributed' extends TScope
      ? ReadsMark extends MarksOf<TTarget>
        ? CannotReadOuter
        : TFits
      : TFits

/** The phantom scope of a variable: the sentence a type error shows when a branch assigns it. */
export interface VariableScope<TKind extends string> {
  readonly [variableScope]?: TKind
}

type WorkflowKind = 'a workflow variable (read-only inside Parallel branches and Map iterations)'
type LocalKind = 'a local variable'

/**
 * A variable from `variable()`: assignable at the top level, read-only inside branches and iterations.
 * @example
 * const total: Variable<number> = variable<number>('total')
 */
export type Variable<T> = Ref<T> & VariableScope<WorkflowKind>

/** A variable from `localVariable()`: assignable anywhere, for values that stay inside a branch. */
export type LocalVariable<T> = Ref<T> & VariableScope<LocalKind>

/** What `assign()` accepts in a scope: anything at the top level, local variables inside branches. */
export type AssignableIn<TScope extends Scope> = TScope extends 'workflow'
  ? unknown
  : VariableScope<LocalKind>

/**
 * `true` when T itself is a variable made by `variable()` (not `localVariable()`, not a field of one).
 * PERF: one shallow check, no walk (a condition's operands and `set()`'s target use it).
 * @example
 * type R = IsWorkflowVariable<Variable<number>> // true
 */
export type IsWorkflowVariable<T> = typeof variableScope extends keyof T
  ? [T[typeof variableScope]] extends [LocalKind | undefined]
    ? false
    : true
  : false

/**
 * `true` when a template reads a variable made by `variable()` (not `localVariable()`). It walks the
 * template literal the user wrote (like Resolved), stopping at references: PERF: never over the workflow,
 * never over a Ref's fields. (A field of a variable, `config.limit`, is a plain reference: SFN109 catches it.)
 * @example
 * type R = ReadsWorkflowVariable<{ total: Variable<number> }> // true
 */
export type ReadsWorkflowVariable<T, TDepth extends readonly unknown[] = []> =
  // Bounded: a template nested deeper is left to SFN109, and TS's own probes of a generic use (with
  // `any` or a wildcard in T's place, e.g. for a contextual type) cannot recurse without end.
  TDepth['length'] extends 8
    ? false
    : 0 extends 1 & T
      ? false
      : T extends ValueRef<unknown>
        ? IsWorkflowVariable<T>
        : T extends object
          ? true extends {
              [K in keyof T]: ReadsWorkflowVariable<T[K], [...TDepth, unknown]>
            }[keyof T]
            ? true
            : false
          : false

/** The sentence of a type error for reading an outer variable inside a Distributed Map iteration. */
export type CannotReadOuter =
  DslTypeError<'A Distributed Map iteration cannot read outer variables: pass the value in itemSelector() and read it from the iteration input.'>

/** The sentence of a type error for assigning an outer variable inside a Parallel branch or Map iteration. */
export type CannotAssignOuter =
  DslTypeError<'A Parallel branch or Map iteration cannot assign outer variables: assign a localVariable() here, or return the value and assign it after the Parallel/Map.'>

/**
 * A template a state builds (`parameters()`), refused in a Distributed Map iteration when it reads a
 * workflow variable: the iterations run as child executions that cannot see outer variables (ASL-SPEC §4).
 */
export type ReadableIn<TScope extends Scope, TMade> = TScope extends 'distributed'
  ? true extends ReadsWorkflowVariable<TMade>
    ? CannotReadOuter
    : TMade
  : TMade

/**
 * A typed workflow variable (`Assign`, ASL-SPEC §4): pass it to `assign()` to set it and use it like any
 * reference to read it (`$name` in JSONPath, `$name` in JSONata).
 * @example
 * const total = variable<number>('total')
 * task(charge).assign(total, (r) => r.amount) // "Assign": { "total.$": "$.amount" }
 * eq(total, 0)                                // { "Variable": "$total", "NumericEquals": 0 }
 */
export function variable<T>(name: string): Variable<T> {
  if (typeof name !== 'string' || !NAME.test(name) || name.length > 80 || name === 'states') {
    throw new DslError(
      'SFN104',
      `Variable name '${String(name)}' is not valid: use letters, digits and _ (not starting with a digit, at most 80 characters, not 'states').`,
    )
  }
  return createRef<T>('variable', [name])
}

/**
 * A variable for values that live inside one Parallel branch or Map iteration: the only kind `assign()`
 * accepts there (AWS forbids assigning the enclosing scope's variables, ASL-SPEC §4).
 * @example
 * const lineTotal = localVariable<number>('lineTotal')
 * line.pass('Price', (p) => p.assign(lineTotal, (s) => s.price))
 */
export function localVariable<T>(name: string): LocalVariable<T> {
  return variable<T>(name) as LocalVariable<T>
}

/** The name of a variable made by `variable()`. @internal */
export function variableName(ref: ValueRef<unknown>): string {
  const path = pathOf(ref)
  const [name] = path.segments
  if (path.root !== 'variable' || path.segments.length !== 1 || typeof name !== 'string') {
    throw new DslError(
      'SFN107',
      "assign() needs a variable made by variable('name'), not a field of one.",
    )
  }
  return name
}
