import type { AslFailState, JsonValue } from '@statewright/asl'
import { asVerbatim } from '../env.ts'
import { StatesError } from '../errors.ts'
import { evaluateIntrinsic, selectPath } from '../expressions.ts'
import { jsonata, jsonataScope, located, pathScope } from '../io.ts'
import type { StateHandler } from './index.ts'

/**
 * Fail (ASL-SPEC §3.6): fails its States scope with Error/Cause (literal, ErrorPath/CausePath, or
 * JSONata). A missing Error or Cause is reported as none, as AWS does (kept as `undefined`/'' here).
 */
export const runFail: StateHandler<AslFailState> = async (state, input, ctx) => {
  let error: JsonValue | undefined = state.Error
  let cause: JsonValue | undefined = state.Cause
  if (ctx.language === 'JSONata') {
    const scope = jsonataScope(ctx, input)
    if (error !== undefined) error = await jsonata(ctx, error, scope, 'Error')
    if (cause !== undefined) cause = await jsonata(ctx, cause, scope, 'Cause')
  } else {
    if (state.ErrorPath !== undefined) error = dynamic(ctx, state.ErrorPath, input, 'ErrorPath')
    if (state.CausePath !== undefined) cause = dynamic(ctx, state.CausePath, input, 'CausePath')
  }
  throw asVerbatim(new StatesError(asText(error) ?? '', asText(cause)))
}

function dynamic(
  ctx: Parameters<StateHandler<AslFailState>>[2],
  path: string,
  input: JsonValue,
  field: string,
): JsonValue {
  return located(ctx, () => {
    const scope = pathScope(ctx)
    if (path.startsWith('States.'))
      return evaluateIntrinsic(path, input, scope, field, { random: ctx.env.random })
    const found = selectPath(path, input, scope)
    if (found.found) return found.value
    throw new StatesError(
      'States.Runtime',
      `The JSONPath '${path}' specified for the field '${field}' could not be found in the input '${JSON.stringify(input)}'`,
    )
  })
}

function asText(value: JsonValue | undefined): string | undefined {
  if (value === undefined) return undefined
  return typeof value === 'string' ? value : JSON.stringify(value)
}
