import type { AslChoiceState } from '@statewright/asl'
import type { ChoiceNode } from '../ir/choice-node.ts'
import { lowerJsonPathCondition } from './condition.ts'
import { lowerComment } from './error-handling.ts'

/** A Choice state: one rule per `when()`, in order, and `Default` from `otherwise()`. */
export const lowerChoice = (node: ChoiceNode): AslChoiceState => ({
  Type: 'Choice',
  ...lowerComment(node.comment),
  Choices: node.rules.map((rule) => ({
    ...lowerJsonPathCondition(rule.condition),
    Next: rule.next,
  })),
  ...(node.default === undefined ? {} : { Default: node.default }),
})
