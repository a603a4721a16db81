import type { AslChoiceRule, AslChoiceState, JsonValue } from '@statewright/asl'
import { StatesError } from '../errors.ts'
import { evaluateChoiceRule } from '../expressions.ts'
import { evaluateAssign, jsonata, jsonataScope, located, pathScope, selectIoPath } from '../io.ts'
import type { JsonObject } from '../json.ts'
import type { StateHandler } from './index.ts'

/**
 * Choice (ASL-SPEC §3.3, §8): the first matching rule's Next (and its Assign/Output instead of the
 * state's); Default otherwise; States.NoChoiceMatched when there is neither.
 */
export const runChoice: StateHandler<AslChoiceState> = async (state, input, ctx) => {
  if (ctx.language === 'JSONata') {
    const scope = jsonataScope(ctx, input)
    for (const rule of state.Choices) {
      const condition =
        typeof rule.Condition === 'boolean'
          ? rule.Condition
          : await jsonata(ctx, rule.Condition ?? null, scope, 'Condition')
      if (typeof condition !== 'boolean') {
        throw new StatesError(
          'States.QueryEvaluationError',
          `The JSONata expression '${stripDelimiters(rule.Condition)}' specified for the field 'Condition' returned an unexpected result type. Expected 'boolean', but was '${jsonTypeName(condition)}' for value: ${JSON.stringify(condition)}`,
        )
      }
      if (condition) return jsonataBranch(ctx, rule, input, rule.Next)
    }
    if (state.Default === undefined) throw noMatch()
    return jsonataBranch(ctx, state, input, state.Default)
  }
  const effective = selectIoPath(ctx, state.InputPath, input)
  const scope = pathScope(ctx)
  for (const rule of state.Choices) {
    if (located(ctx, () => evaluateChoiceRule(rule, effective, scope))) {
      const assigned = await evaluateAssign(ctx, rule.Assign as JsonObject | undefined, effective)
      return { output: selectIoPath(ctx, state.OutputPath, effective), next: rule.Next, assigned }
    }
  }
  if (state.Default === undefined) throw noMatch()
  const assigned = await evaluateAssign(ctx, state.Assign, effective)
  return { output: selectIoPath(ctx, state.OutputPath, effective), next: state.Default, assigned }
}

async function jsonataBranch(
  ctx: Parameters<StateHandler<AslChoiceState>>[2],
  holder: { Output?: JsonValue; Assign?: JsonObject } | AslChoiceRule,
  input: JsonValue,
  next: string | undefined,
): Promise<{ output: JsonValue; next: string | undefined; assigned: JsonObject | undefined }> {
  const output =
    holder.Output === undefined
      ? input
      : await jsonata(ctx, holder.Output as JsonValue, jsonataScope(ctx, input), 'Output')
  const assigned = await evaluateAssign(ctx, holder.Assign as JsonObject | undefined, input)
  return { output, next, assigned }
}

function noMatch(): StatesError {
  return new StatesError('States.NoChoiceMatched', 'No Matches!')
}

function stripDelimiters(expression: unknown): string {
  return typeof expression === 'string'
    ? expression.replace(/^\{%\s*/, '').replace(/\s*%\}$/, '')
    : String(expression)
}

function jsonTypeName(value: JsonValue): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}
