import type { AslPassState } from '@statewright/asl'
import type { PassNode } from '../ir/pass-node.ts'
import type { ValueNode } from '../ir/value-node.ts'
import type { StateContext } from './context.ts'
import { lowerComment, lowerTransition } from './error-handling.ts'
import { INPUT_ROOTS, lowerTemplate } from './fields.ts'
import { lowerArguments, lowerAssign, lowerResult } from './io.ts'
import { JSONATA_ROOTS, jsonataExpressionOf } from './value.ts'

/**
 * A Pass state. JSONPath: `Result` or `Parameters`, then `ResultPath`/`OutputPath`. JSONata: one `Output`
 * built from the same parts.
 * @example
 * // pass('Defaults', { result: { retries: 0 } }) →
 * { Type: 'Pass', Result: { retries: 0 }, End: true }
 */
export function lowerPass(node: PassNode, ctx: StateContext): AslPassState {
  const base = { Type: 'Pass' as const, ...lowerComment(node.comment) }
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
  return {
    ...base,
    ...(node.result === undefined ? {} : { Result: node.result }),
    ...lowerArguments(node, ctx),
    ...lowerResult(node, undefined, ctx),
    // JSONPath: a Pass's Assign sees its Result/Parameters output as `$`, not its input.
    ...lowerAssign(
      node.assign,
      ctx,
      node.result === undefined && node.parameters === undefined ? 'input' : 'neither',
    ),
    ...lowerTransition(node.next),
  } as AslPassState
}
