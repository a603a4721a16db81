import type { AslPassState } from '@statewright/asl'
import type { PassNode } from '../ir/pass-node.ts'
import { PathNode, type PathSegment } from '../ir/path-node.ts'
import type { ValueNode } from '../ir/value-node.ts'
import { DslError } from '../errors.ts'
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
    // JSONata has no $states.result in a Pass: Assign's references to the result read the made value.
    const assign =
      made === undefined || node.assign === undefined
        ? node.assign
        : resultRead(node.assign, made, node.name)
    return {
      ...base,
      ...output,
      ...lowerAssign(assign, ctx, 'input'),
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
    // In a JSONPath Pass's Assign, `$` is the result when it makes one (ASL-SPEC §4).
    node.result === undefined && node.parameters === undefined ? 'input' : 'result',
  )
  writeTransition(out, node.next)
  return out as unknown as AslPassState
}

/**
 * `value` with every reference to the Pass's result replaced by the part of `made` (its Result or
 * Parameters value) it reads: JSONata Pass states have no `$states.result`. Static parts are followed key by
 * key (`r.n` of `{ n: s.limit }` is `$states.input.limit`); a computed part is read with a path after it.
 */
function resultRead(value: ValueNode, made: ValueNode, stateName: string): ValueNode {
  switch (value.kind) {
    case 'path':
      return value.root === 'result' ? partOf(made, value.segments, stateName) : value
    case 'object':
      return {
        kind: 'object',
        entries: value.entries.map(([key, item]) => [key, resultRead(item, made, stateName)]),
      }
    case 'array':
      return { kind: 'array', items: value.items.map((item) => resultRead(item, made, stateName)) }
    case 'intrinsic':
      return { ...value, args: value.args.map((arg) => resultRead(arg, made, stateName)) }
    default:
      return value
  }
}

function partOf(made: ValueNode, segments: readonly PathSegment[], stateName: string): ValueNode {
  let node = made
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as PathSegment
    const rest = segments.slice(i)
    if (node.kind === 'path') return PathNode.create(node.root, [...node.segments, ...rest])
    let next: ValueNode | undefined
    if (node.kind === 'object') next = node.entries.find(([key]) => key === segment)?.[1]
    else if (node.kind === 'array' && typeof segment === 'number') next = node.items[segment]
    else if (node.kind === 'literal') {
      const json = node.value as Record<string | number, unknown> | null
      const part = json !== null && typeof json === 'object' ? json[segment] : undefined
      next = part === undefined ? undefined : { kind: 'literal', value: part as never }
    } else {
      // A computed value (an intrinsic or a JSONata expression): read the rest of the path from it.
      const base = jsonataExpressionOf(node, JSONATA_ROOTS, `'${stateName}'.Assign`)
      const path = jsonataExpressionOf(PathNode.create('input', rest), { input: '' }, 'Assign')
      return { kind: 'jsonata', expression: `(${base})${path}` }
    }
    if (next === undefined) {
      throw new DslError(
        'SFN107',
        `'${stateName}'.Assign reads '${segments.join('.')}' of the Pass's result, which the result does not have: read a field the result builds.`,
      )
    }
    node = next
  }
  return node
}
