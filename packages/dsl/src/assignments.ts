import { DslError } from './errors.ts'
import type { ValueNode } from './ir/value-node.ts'
import type { ValueRef } from './ref.ts'
import { type Template, toValueNode } from './template.ts'
import {
  type AssignsMark,
  type CannotAssignOuter,
  type CannotReadOuter,
  type IsWorkflowVariable,
  type ReadsMark,
  type Scope,
  variableName,
} from './variables.ts'

declare const assignmentBrand: unique symbol
declare const assignsOuter: unique symbol
declare const readsOuter: unique symbol

/**
 * One `Assign` entry, made by `set(variable, value)`; the value is checked against the variable's type.
 * Phantom flags say whether it assigns a workflow variable (`variable()`, not `localVariable()`) and
 * whether its value reads one, for AWS's scope rules (ASL-SPEC §4); a plain `Assignment` leaves them
 * unknown (the type accepts it anywhere; SFN109 checks it when the workflow is built).
 * @example
 * const reset: Assignment<true, false> = set(total, 0)
 */
// Unconstrained flags: an `extends boolean` check on a walk over a generic value recursed too deeply.
export interface Assignment<TAssignsOuter = boolean, TReads = boolean> {
  readonly [assignmentBrand]: true
  /** Phantom, never set: the target is a workflow variable. */
  readonly [assignsOuter]?: TAssignsOuter
  /** Phantom, never set: the value reads a workflow variable. */
  readonly [readsOuter]?: TReads
}

// What the entries of a list say about one flag: 'yes' when an entry surely has it, 'maybe' for a plain
// Assignment (its flags unknown: accepted here, SFN109 at build). Distributes over the entries.
type Says<TEntry, TFlag extends typeof assignsOuter | typeof readsOuter> = TEntry extends Assignment
  ? [NonNullable<TEntry[TFlag]>] extends [true]
    ? 'yes'
    : [NonNullable<TEntry[TFlag]>] extends [false]
      ? 'no'
      : 'maybe'
  : never

/**
 * A list of `set()` entries as a scope allows it (ASL-SPEC §4): anything at the top level; inside a
 * Parallel branch or Map iteration no workflow variable may be assigned (local ones may); inside a
 * Distributed Map iteration none may be read either. Otherwise the sentence, on the `assign` callback.
 * PERF: two conditionals on the entries' flags, no walk.
 * @example
 * type Refused = AssignmentsIn<'nested', readonly Assignment<true, false>[]> // the sentence
 */
export type AssignmentsIn<
  TScope extends Scope,
  TList extends readonly Assignment[],
> = TScope extends 'workflow'
  ? TList
  : 'yes' extends Says<TList[number], typeof assignsOuter>
    ? CannotAssignOuter
    : TScope extends 'distributed'
      ? 'yes' extends Says<TList[number], typeof readsOuter>
        ? CannotReadOuter
        : TList
      : TList

/**
 * The marks a standalone state records for a list of `set()` entries (see `Marked`): whether one surely
 * assigns a workflow variable, whether one surely reads one.
 * @example
 * type M = AssignmentMarks<readonly Assignment<true, false>[]> // 'assigns a workflow variable'
 */
export type AssignmentMarks<TList extends readonly Assignment[]> =
  | ('yes' extends Says<TList[number], typeof assignsOuter> ? AssignsMark : never)
  | ('yes' extends Says<TList[number], typeof readsOuter> ? ReadsMark : never)

// Whether a set() value reads a workflow variable: the value itself, or a direct field/item of an object or
// array literal. PERF: one level, not ReadsWorkflowVariable's walk, which cost ~560 instantiations per
// set() call under a contextual type (a 1,000-Wait chain went from 0.27 to 0.83 M); deeper reads are SFN109's.
type ReadsShallow<TValue> =
  true extends IsWorkflowVariable<TValue>
    ? true
    : TValue extends ValueRef<unknown>
      ? false
      : TValue extends object
        ? true extends { [K in keyof TValue]: IsWorkflowVariable<TValue[K]> }[keyof TValue]
          ? true
          : false
        : false

const entryOf = new WeakMap<object, readonly [string, ValueNode]>()

/**
 * Sets `variable` to `value` (a literal, a reference, an expression): for the `assign` options of Choice
 * rules, catchers and Wait states.
 * @example
 * c.when((s) => eq(s.tier, 'GOLD'), gold, { assign: () => [set(discount, 0.1)] })
 * // { "Variable": "$.tier", "StringEquals": "GOLD", "Next": "Gold", "Assign": { "discount": 0.1 } }
 */
export function set<T, TVariable = ValueRef<T>, TValue = Template<T>>(
  variable: TVariable & ValueRef<T>,
  value: TValue & Template<T>,
): Assignment<IsWorkflowVariable<TVariable>, ReadsShallow<TValue>> {
  const assignment = Object.freeze({}) as Assignment<
    IsWorkflowVariable<TVariable>,
    ReadsShallow<TValue>
  >
  entryOf.set(assignment, Object.freeze([variableName(variable), toValueNode(value)] as const))
  return assignment
}

/** The `Assign` object of a list of assignments (a later one wins for the same variable). @internal */
export function assignNode(assignments: readonly Assignment[]): ValueNode {
  if (!Array.isArray(assignments)) {
    throw new DslError('SFN104', 'assign must return a list of set(variable, value) entries.')
  }
  const entries = new Map<string, ValueNode>()
  for (const assignment of assignments) {
    const entry = entryOf.get(assignment)
    if (entry === undefined) {
      throw new DslError('SFN104', 'assign must return set(variable, value) entries only.')
    }
    entries.set(entry[0], entry[1])
  }
  return { kind: 'object', entries: [...entries] }
}
