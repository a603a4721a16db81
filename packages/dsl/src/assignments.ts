import { DslError } from './errors.ts'
import type { ValueNode } from './ir/value-node.ts'
import type { ValueRef } from './ref.ts'
import { type Template, toValueNode } from './template.ts'
import { variableName } from './variables.ts'

declare const assignmentBrand: unique symbol

/** One `Assign` entry, made by `set(variable, value)`; the value is checked against the variable's type. */
export interface Assignment {
  readonly [assignmentBrand]: true
}

const entryOf = new WeakMap<Assignment, readonly [string, ValueNode]>()

/**
 * Sets `variable` to `value` (a literal, a reference, an expression): for the `assign` options of Choice
 * rules, catchers and Wait states.
 * @example
 * c.when((s) => eq(s.tier, 'GOLD'), gold, { assign: () => [set(discount, 0.1)] })
 * // { "Variable": "$.tier", "StringEquals": "GOLD", "Next": "Gold", "Assign": { "discount": 0.1 } }
 */
export function set<T>(variable: ValueRef<T>, value: Template<T>): Assignment {
  const assignment = Object.freeze({}) as Assignment
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
