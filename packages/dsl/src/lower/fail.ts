import type { AslFailState } from '@statewright/asl'
import { DslError } from '../errors.ts'
import type { FailNode } from '../ir/fail-node.ts'
import type { ValueNode } from '../ir/value-node.ts'
import type { StateContext } from './context.ts'
import { lowerComment } from './error-handling.ts'
import { INPUT_ROOTS } from './fields.ts'
import {
  JSONATA_ROOTS,
  jsonataExpressionOf,
  jsonPathOf,
  lowerJsonPathTemplate,
  type Roots,
} from './value.ts'

// ErrorPath/CausePath take a reference path or an intrinsic (ASL-SPEC §3.6), never a template.
function lowerFrom(
  field: 'Error' | 'Cause',
  node: ValueNode | undefined,
  ctx: StateContext,
): object {
  if (node === undefined) return {}
  const where = `'${ctx.stateName}'.${field}`
  if (node.kind === 'literal') return { [field]: node.value }
  if (ctx.language === 'JSONata')
    return { [field]: `{% ${jsonataExpressionOf(node, JSONATA_ROOTS, where)} %}` }
  const roots: Roots = INPUT_ROOTS
  if (node.kind === 'path') return { [`${field}Path`]: jsonPathOf(node, roots, where) }
  if (node.kind === 'intrinsic') return { [`${field}Path`]: intrinsicText(node, ctx) }
  throw new DslError(
    'SFN107',
    `${where} must be a string, a reference or an intrinsic in JSONPath.`,
  )
}

// The text of an intrinsic call, as it would appear after a `.$` key.
const intrinsicText = (node: ValueNode, ctx: StateContext): string => {
  const lowered = lowerJsonPathTemplate(
    { kind: 'object', entries: [['x', node]] },
    INPUT_ROOTS,
    `'${ctx.stateName}'`,
  ) as Record<string, string>
  return lowered['x.$'] as string
}

/**
 * A Fail state: `Error`/`Cause` literals, or read from data (`ErrorPath`/`CausePath`, JSONata expressions).
 * @example
 * // fail('Failed', { error: 'PaymentError', cause: 'Card declined' }) →
 * { Type: 'Fail', Error: 'PaymentError', Cause: 'Card declined' }
 */
export const lowerFail = (node: FailNode, ctx: StateContext): AslFailState =>
  ({
    Type: 'Fail',
    ...lowerComment(node.comment),
    ...(node.error === undefined ? lowerFrom('Error', node.errorFrom, ctx) : { Error: node.error }),
    ...(node.cause === undefined ? lowerFrom('Cause', node.causeFrom, ctx) : { Cause: node.cause }),
  }) as AslFailState
