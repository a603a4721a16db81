import type { SourceLocation } from '../source.ts'
import type { ConditionNode } from './condition-node.ts'

export interface ChoiceRule {
  readonly condition: ConditionNode
  readonly next: string
}

/** A Choice never has `next`: its rules and default are its transitions (ASL-SPEC §3.3). */
export interface ChoiceNode {
  readonly kind: 'Choice'
  readonly name: string
  readonly rules: readonly ChoiceRule[]
  readonly default?: string
  readonly comment?: string
  readonly source?: SourceLocation
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
