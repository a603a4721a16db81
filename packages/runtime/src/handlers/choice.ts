import type { AslChoiceRule, AslChoiceState, JsonValue } from '@statewright/asl'
import { StatesError } from '../errors.ts'
import { evaluateChoiceRule } from '../expressions.ts'
import { locateError } from '../env.ts'
import { evaluateAssign, jsonata, jsonataScope, pathScope, selectIoPath } from '../io.ts'
import type { JsonObject } from '../json.ts'
import type { StateHandler, StateOutcome } from './index.ts'

/**
 * Choice (ASL-SPEC §3.3, §8): the first matching rule's Next (and its Assign/Output instead of the
 * state's); Default otherwise; States.NoChoiceMatched when there is neither.
 */
export const runChoice: StateHandler<AslChoiceState> = (state, input, ctx) => {
  // PERF: a JSONPath Choice answers synchronously (no promise per state).
  if (ctx.language === 'JSONata') return runJsonataChoice(state, input, ctx)
  const effective = selectIoPath(ctx, state.InputPath, input)
  const scope = pathScope(ctx)
  for (const rule of state.Choices) {
    let matched: boolean
    try {
      matched = evaluateChoiceRule(rule, effective, scope)
    } catch (error) {
      throw error instanceof StatesError ? locateError(ctx, error) : error
    }
    if (matched) {
      // A JSONPath Assign is a payload template: evaluated synchronously.
      const assigned = evaluateAssign(ctx, rule.Assign as JsonObject | undefined, effective) as
        JsonObject | undefined
      return { output: selectIoPath(ctx, state.OutputPath, effective), next: rule.Next, assigned }
    }
  }
  if (state.Default === undefined) throw noMatch()
  const assigned = evaluateAssign(ctx, state.Assign, effective) as JsonObject | undefined
  return { output: selectIoPath(ctx, state.OutputPath, effective), next: state.Default, assigned }
}

async function runJsonataChoice(
  state: AslChoiceState,
  input: JsonValue,
  ctx: Parameters<StateHandler<AslChoiceState>>[2],
): Promise<StateOutcome> {
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
