import type { JsonValue } from '@statewright/asl'
import { DslError } from '../errors.ts'
import type { ValueNode } from '../ir/value-node.ts'
import type { StateContext } from './context.ts'
import {
  JSONATA_ROOTS,
  jsonataExpressionOf,
  jsonPathOf,
  lowerJsonataValue,
  lowerJsonPathTemplate,
  type Roots,
} from './value.ts'

/** Roots a JSONPath field over the state's (effective) input may read. */
export const INPUT_ROOTS: Roots = { input: '$', context: '$$', variable: '$' }
/** Roots of ResultSelector (and JSONPath Assign in Task/Map/Parallel): `$` is the result. */
export const RESULT_ROOTS: Roots = { result: '$', context: '$$', variable: '$' }

/**
 * A scalar field that may also come from data: `Field: 5`, `FieldPath: "$.x"` (JSONPath), or
 * `Field: "{% … %}"` (JSONata). `hasPath` is false for fields without a Path form.
 * @example
 * lowerScalar('TimeoutSeconds', ref, ctx) // { TimeoutSecondsPath: '$.timeout' }
 */
export function lowerScalar(
  field: string,
  node: ValueNode | undefined,
  ctx: StateContext,
  roots: Roots = INPUT_ROOTS,
): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {}
  writeScalar(out, field, node, ctx, roots)
  return out
}

/** `lowerScalar`, written onto `out`. PERF: no intermediate object per field. */
export function writeScalar(
  out: Record<string, unknown>,
  field: string,
  node: ValueNode | undefined,
  ctx: StateContext,
  roots: Roots = INPUT_ROOTS,
): void {
  if (node === undefined) return
  if (node.kind === 'literal') {
    out[field] = node.value
    return
  }
  const where = `'${ctx.stateName}'.${field}`
  if (ctx.language === 'JSONata') {
    out[field] = `{% ${jsonataExpressionOf(node, JSONATA_ROOTS, where)} %}`
    return
  }
  if (node.kind === 'path') {
    out[`${field}Path`] = jsonPathOf(node, roots, where)
    return
  }
  throw new DslError(
    'SFN107',
    `${where} can only be a literal or a reference in JSONPath: use a reference, or JSONata for an expression.`,
  )
}

/** A template field (Parameters, ResultSelector, ItemSelector, Credentials, BatchInput, …) in the state's language. */
export function lowerTemplate(
  node: ValueNode,
  ctx: StateContext,
  jsonPathRoots: Roots,
  field: string,
): JsonValue {
  const where = `'${ctx.stateName}'.${field}`
  return ctx.language === 'JSONata'
    ? lowerJsonataValue(node, JSONATA_ROOTS, where)
    : lowerJsonPathTemplate(node, jsonPathRoots, where)
}
