import type { StateBase, StateIo } from './state-io.ts'
import type { ConditionNode } from './condition-node.ts'
import type { ValueNode } from './value-node.ts'

export interface ChoiceRule {
  readonly condition: ConditionNode
  readonly next: string
  /** Variables set when this rule is taken (it replaces the state-level Assign). */
  readonly assign?: ValueNode
  /** The rule's `Comment` (ASL allows one on every top-level rule). */
  readonly comment?: string
}

/** A Choice never has `next`: its rules and default are its transitions (ASL-SPEC §3.3). */
export interface ChoiceNode extends StateBase, StateIo {
  readonly kind: 'Choice'
  readonly rules: readonly ChoiceRule[]
  readonly default?: string
}

export const ChoiceNode = {
  create: (name: string, rules: readonly ChoiceRule[], defaultNext?: string): ChoiceNode =>
    Object.freeze({
      kind: 'Choice',
      name,
      rules: Object.freeze(rules.map((rule) => Object.freeze(rule))),
      ...(defaultNext === undefined ? {} : { default: defaultNext }),
    }),
}
