import type { JsonValue } from '@statewright/asl'
import { DslError } from '../errors.ts'
import type { PathSegment } from '../ir/path-node.ts'
import type { StateIo } from '../ir/state-io.ts'
import type { ValueNode } from '../ir/value-node.ts'
import type { StateContext } from './context.ts'
import { INPUT_ROOTS, lowerTemplate, RESULT_ROOTS } from './fields.ts'
import {
  JSONATA_ROOTS,
  jsonataExpressionOf,
  jsonataSetPath,
  jsonPathOf,
  lowerJsonataValue,
} from './value.ts'

const jsonPathOfSegments = (segments: readonly PathSegment[]): string =>
  jsonPathOf({ kind: 'path', root: 'input', segments }, INPUT_ROOTS, 'path')

// A plain root (`$states.input`) takes the path directly; a composed expression is parenthesized first.
const jsonataSegments = (base: string, segments: readonly PathSegment[]): string =>
  segments.length === 0
    ? base
    : `${/^\$states\.(input|result)$/.test(base) ? base : `(${base})`}${jsonataExpressionOf(
        { kind: 'path', root: 'input', segments },
        { input: '' },
        'path',
      )}`

/** How a state's result is made, for the Output of a JSONata state. */
export interface ResultSource {
  /** The result before selection: `$states.result` for a task, the Result/Parameters value for a Pass. */
  readonly result: string
  /** The result template's root when it is a Pass (its data is the input, not `$states.result`). */
  readonly selector?: ValueNode
}

/**
 * The input side: `InputPath`/`Parameters` (JSONPath) or `Arguments` (JSONata). `wrap` lets a Lambda invoke
 * put the effective input under `Payload`.
 */
export function lowerArguments(
  io: StateIo,
  ctx: StateContext,
  wrap?: (payload: ValueNode) => ValueNode,
): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {}
  writeArguments(out, io, ctx, wrap)
  return out
}

/** `lowerArguments`, written onto `out`. PERF: no intermediate object per state. */
export function writeArguments(
  out: Record<string, unknown>,
  io: StateIo,
  ctx: StateContext,
  wrap?: (payload: ValueNode) => ValueNode,
): void {
  const params = io.parameters
  if (ctx.language === 'JSONata') {
    if (params === undefined && wrap === undefined) return
    const value = wrap === undefined ? (params as ValueNode) : wrap(params ?? WHOLE_INPUT)
    out['Arguments'] = lowerJsonataValue(value, JSONATA_ROOTS, `'${ctx.stateName}'.Arguments`)
    return
  }
  if (params === undefined) {
    if (wrap !== undefined) {
      out['Parameters'] = lowerTemplate(wrap(WHOLE_INPUT), ctx, INPUT_ROOTS, 'Parameters')
    }
    return
  }
  if (wrap !== undefined) {
    out['Parameters'] = lowerTemplate(wrap(params), ctx, INPUT_ROOTS, 'Parameters')
  } else if (params.kind === 'path' && params.root === 'input') {
    out['InputPath'] = jsonPathOf(params, INPUT_ROOTS, `'${ctx.stateName}'.InputPath`)
  } else {
    out['Parameters'] = lowerTemplate(params, ctx, INPUT_ROOTS, 'Parameters')
  }
}

// The whole effective input, as a value node (read-only: shared by every state).
const WHOLE_INPUT: ValueNode = Object.freeze({ kind: 'path', root: 'input', segments: [] })

/**
 * The result side: `ResultSelector`, `ResultPath`, `OutputPath` (JSONPath), or one `Output` (JSONata)
 * composed from them in the same order (ASL-SPEC §6.3, §6.4).
 * `selector` is the ResultSelector (or the implicit `Payload` selection of an unwrapped Lambda invoke).
 */
export function lowerResult(
  io: StateIo,
  selector: ValueNode | undefined,
  ctx: StateContext,
  baseResult = '$states.result',
): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {}
  writeResult(out, io, selector, ctx, baseResult)
  return out
}

/** `lowerResult`, written onto `out`. PERF: no intermediate object per state. */
export function writeResult(
  out: Record<string, unknown>,
  io: StateIo,
  selector: ValueNode | undefined,
  ctx: StateContext,
  baseResult = '$states.result',
): void {
  const { resultPath, outputPath } = io
  const placed = resultPath !== undefined && (resultPath === null || resultPath.length > 0)
  if (ctx.language === 'JSONata') {
    if (selector === undefined && !placed && outputPath === undefined) return
    const where = `'${ctx.stateName}'.Output`
    if (!placed && outputPath === undefined && selector?.kind === 'object') {
      out['Output'] = lowerJsonataValue(selector, JSONATA_ROOTS, where)
      return
    }
    const result =
      selector === undefined ? baseResult : jsonataExpressionOf(selector, JSONATA_ROOTS, where)
    const merged =
      resultPath === null
        ? '$states.input'
        : resultPath === undefined || resultPath.length === 0
          ? result
          : jsonataSetPath('$states.input', resultPath, result)
    const output = outputPath === null ? '{}' : jsonataSegments(merged, outputPath ?? [])
    out['Output'] = `{% ${output} %}`
    return
  }
  let selectedPath: string | undefined
  if (selector !== undefined) {
    if (selector.kind === 'path' && selector.root === 'result') {
      if (placed || outputPath !== undefined) {
        throw new DslError(
          'SFN107',
          `'${ctx.stateName}' selects part of its result with a reference and also places it with resultPath()/outputPath(), which JSONPath cannot express: select an object in resultSelector(), or use JSONata.`,
        )
      }
      selectedPath = jsonPathOf(selector, RESULT_ROOTS, `'${ctx.stateName}'.ResultSelector`)
    } else {
      out['ResultSelector'] = lowerTemplate(selector, ctx, RESULT_ROOTS, 'ResultSelector')
    }
  }
  if (resultPath === null) out['ResultPath'] = null
  else if (resultPath !== undefined && resultPath.length > 0)
    out['ResultPath'] = jsonPathOfSegments(resultPath)
  if (selectedPath !== undefined) out['OutputPath'] = selectedPath
  else if (outputPath === null) out['OutputPath'] = null
  else if (outputPath !== undefined && outputPath.length > 0)
    out['OutputPath'] = jsonPathOfSegments(outputPath)
}

/**
 * `InputPath` of a Choice or Wait (`inputPath()`): the part of the input its rules or its wait read and
 * pass on. JSONata has no such field (ASL-SPEC §2.1), so a JSONata state with one is refused.
 */
export function lowerInputPath(
  io: StateIo,
  ctx: StateContext,
  kind: 'Choice' | 'Wait',
): Record<string, JsonValue> {
  const params = io.parameters
  if (params === undefined || params.kind !== 'path') return {}
  if (ctx.language === 'JSONata') {
    throw new DslError(
      'SFN107',
      `${kind} '${ctx.stateName}' has an inputPath, which JSONata states do not have (AWS accepts InputPath in JSONPath only): drop it and read the part directly (s.part.field lowers to $states.input.part.field), or write the workflow in JSONPath.`,
    )
  }
  return { InputPath: jsonPathOf(params, INPUT_ROOTS, `'${ctx.stateName}'.InputPath`) }
}

/** `OutputPath` (JSONPath) or `Output` (JSONata) for states without a result (Choice, Wait, Succeed). */
export function lowerOutputOnly(io: StateIo, ctx: StateContext): Record<string, JsonValue> {
  const { outputPath } = io
  if (outputPath === undefined) return {}
  if (ctx.language === 'JSONata') {
    return {
      Output: `{% ${outputPath === null ? '{}' : jsonataSegments('$states.input', outputPath)} %}`,
    }
  }
  if (outputPath === null) return { OutputPath: null }
  return outputPath.length === 0 ? {} : { OutputPath: jsonPathOfSegments(outputPath) }
}

/**
 * `Assign`: in JSONPath `$` is the result (Task, Map, Parallel; a Pass's Result/Parameters output) or the
 * input (Choice, Wait, a Pass without either); `'neither'` is a Pass whose `$` is its made result, so the
 * state input cannot be read there.
 */
export function lowerAssign(
  assign: ValueNode | undefined,
  ctx: StateContext,
  dollarIs: 'result' | 'input' | 'neither',
): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {}
  writeAssign(out, assign, ctx, dollarIs)
  return out
}

/** `lowerAssign`, written onto `out`. */
export function writeAssign(
  out: Record<string, unknown>,
  assign: ValueNode | undefined,
  ctx: StateContext,
  dollarIs: 'result' | 'input' | 'neither',
): void {
  if (assign === undefined) return
  const roots =
    dollarIs === 'result'
      ? RESULT_ROOTS
      : dollarIs === 'input'
        ? INPUT_ROOTS
        : { context: '$$', variable: '$' }
  out['Assign'] = lowerTemplate(assign, ctx, roots, 'Assign')
}
