import type { AslPassState } from '@statewright/asl'
import type { PassNode } from '../ir/pass-node.ts'
import type { ValueNode } from '../ir/value-node.ts'
import type { StateContext } from './context.ts'
import { lowerTransition, writeTransition } from './error-handling.ts'
import { INPUT_ROOTS, lowerTemplate } from './fields.ts'
import { lowerAssign, lowerResult, writeArguments, writeAssign, writeResult } from './io.ts'
import { JSONATA_ROOTS, jsonataExpressionOf } from './value.ts'

/**
 * A Pass state. JSONPath: `Result` or `Parameters`, then `ResultPath`/`OutputPath`. JSONata: one `Output`
 * built from the same parts.
 * @example
 * // pass('Defaults', { result: { retries: 0 } }) →
 * { Type: 'Pass', Result: { retries: 0 }, End: true }
 */
export function lowerPass(node: PassNode, ctx: StateContext): AslPassState {
  const base: Record<string, unknown> = { Type: 'Pass' }
  if (node.comment !== undefined) base['Comment'] = node.comment
  if (ctx.language === 'JSONata') {
    // The Pass's "result" is its Result or Parameters value (or the input); Output places it.
    const made: ValueNode | undefined =
      node.result !== undefined ? { kind: 'literal', value: node.result } : node.parameters
    const result =
      made === undefined
        ? '$states.input'
        : jsonataExpressionOf(made, JSONATA_ROOTS, `'${node.name}'.Output`)
    const output =
      made !== undefined && node.resultPath === undefined && node.outputPath === undefined
        ? { Output: lowerTemplate(made, ctx, INPUT_ROOTS, 'Output') }
        : lowerResult(node, undefined, ctx, result)
    return {
      ...base,
      ...output,
      ...lowerAssign(node.assign, ctx, 'input'),
      ...lowerTransition(node.next),
    } as AslPassState
  }
  // PERF: written field by field (see lowerTask).
  const out: Record<string, unknown> = base
  if (node.result !== undefined) out['Result'] = node.result
  writeArguments(out, node, ctx)
  writeResult(out, node, undefined, ctx)
  writeAssign(
    out,
    node.assign,
    ctx,
    node.result === undefined && node.parameters === undefined ? 'input' : 'neither',
  )
  writeTransition(out, node.next)
  return out as unknown as AslPassState
}
