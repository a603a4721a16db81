import type { AslChoiceRule, AslChoiceState } from '@statewright/asl'
import type { ChoiceNode } from '../ir/choice-node.ts'
import type { StateContext } from './context.ts'
import { lowerJsonataCondition, lowerJsonPathCondition } from './condition.ts'
import { lowerComment } from './error-handling.ts'
import { lowerAssign, lowerInputPath, lowerOutputOnly } from './io.ts'

/** A Choice state: one rule per `when()`, in order, and `Default` from `otherwise()`. */
export function lowerChoice(node: ChoiceNode, ctx: StateContext): AslChoiceState {
  // In JSONata the state-level Output applies only when Default is taken; a matched rule uses its own
  // (ASL-SPEC §3.3), so the shaped output is written on every rule too.
  const ruleOutput = ctx.language === 'JSONata' ? lowerOutputOnly(node, ctx) : {}
  const rules: AslChoiceRule[] = node.rules.map(
    (rule) =>
      ({
        ...(ctx.language === 'JSONata'
          ? { Condition: `{% ${lowerJsonataCondition(rule.condition)} %}` }
          : lowerJsonPathCondition(rule.condition)),
        Next: rule.next,
        ...ruleOutput,
        ...lowerAssign(rule.assign, ctx, 'input'),
        ...lowerComment(rule.comment),
      }) as AslChoiceRule,
  )
  return {
    Type: 'Choice',
    ...lowerComment(node.comment),
    Choices: rules,
    ...(node.default === undefined ? {} : { Default: node.default }),
    ...lowerInputPath(node, ctx, 'Choice'),
    ...lowerOutputOnly(node, ctx),
    ...lowerAssign(node.assign, ctx, 'input'),
  } as AslChoiceState
}
