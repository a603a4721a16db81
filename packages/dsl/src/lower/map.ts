import type { AslItemProcessor, AslMapState, JsonValue } from '@statewright/asl'
import { DslError } from '../errors.ts'
import type { MapNode } from '../ir/map-node.ts'
import { lowerBranch } from './branch.ts'
import type { StateContext } from './context.ts'
import { lowerCatch, lowerComment, lowerRetry, lowerTransition } from './error-handling.ts'
import { INPUT_ROOTS, lowerScalar, lowerTemplate } from './fields.ts'
import { lowerAssign, lowerResult } from './io.ts'
import { JSONATA_ROOTS, jsonPathOf, lowerJsonataValue } from './value.ts'

// ItemsPath is a reference path (JSONPath); JSONata writes the same as an `Items` expression.
function lowerItems(node: MapNode, ctx: StateContext): Record<string, JsonValue> {
  const { items } = node
  if (items === undefined) return {}
  const where = `'${ctx.stateName}'.Items`
  if (ctx.language === 'JSONata') return { Items: lowerJsonataValue(items, JSONATA_ROOTS, where) }
  if (items.kind === 'path') return { ItemsPath: jsonPathOf(items, INPUT_ROOTS, where) }
  throw new DslError(
    'SFN107',
    `${where} must be a reference to an array in JSONPath: pass (s) => s.items, or use JSONata for an expression.`,
  )
}

function lowerDistributed(node: MapNode, ctx: StateContext): Record<string, JsonValue> {
  const config = node.distributed
  if (config === undefined) return {}
  const out: Record<string, JsonValue> = {}
  const paramsField = ctx.language === 'JSONata' ? 'Arguments' : 'Parameters'
  const { itemReader, itemBatcher, resultWriter } = config
  if (itemReader !== undefined) {
    const readerConfig = {
      ...((itemReader.readerConfig ?? {}) as Record<string, JsonValue>),
      ...lowerScalar('MaxItems', itemReader.maxItems, ctx),
    }
    out['ItemReader'] = {
      Resource: itemReader.resource,
      ...(Object.keys(readerConfig).length === 0 ? {} : { ReaderConfig: readerConfig }),
      ...(itemReader.parameters === undefined
        ? {}
        : { [paramsField]: lowerTemplate(itemReader.parameters, ctx, INPUT_ROOTS, 'ItemReader') }),
    }
  }
  if (itemBatcher !== undefined) {
    out['ItemBatcher'] = {
      ...lowerScalar('MaxItemsPerBatch', itemBatcher.maxItemsPerBatch, ctx),
      ...lowerScalar('MaxInputBytesPerBatch', itemBatcher.maxInputBytesPerBatch, ctx),
      ...(itemBatcher.batchInput === undefined
        ? {}
        : { BatchInput: lowerTemplate(itemBatcher.batchInput, ctx, INPUT_ROOTS, 'BatchInput') }),
    }
  }
  if (resultWriter !== undefined) {
    out['ResultWriter'] = {
      ...(resultWriter.resource === undefined ? {} : { Resource: resultWriter.resource }),
      ...(resultWriter.parameters === undefined
        ? {}
        : {
            [paramsField]: lowerTemplate(resultWriter.parameters, ctx, INPUT_ROOTS, 'ResultWriter'),
          }),
      ...(resultWriter.writerConfig === undefined
        ? {}
        : { WriterConfig: resultWriter.writerConfig }),
    }
  }
  return {
    ...out,
    ...lowerScalar('ToleratedFailureCount', config.toleratedFailureCount, ctx),
    ...lowerScalar('ToleratedFailurePercentage', config.toleratedFailurePercentage, ctx),
    ...(config.label === undefined ? {} : { Label: config.label }),
  }
}

/**
 * A Map state, inline or distributed: items, ItemSelector, the processor, and the usual result processing.
 * @example
 * // map('EachLine', (m) => m.items((s) => s.lines).process((item) => item.next(task(pick)))) →
 * { Type: 'Map', ItemsPath: '$.lines', ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: 'Pick', States: { … } }, End: true }
 */
export function lowerMap(node: MapNode, ctx: StateContext): AslMapState {
  const processor: AslItemProcessor = {
    ProcessorConfig:
      node.distributed === undefined
        ? { Mode: 'INLINE' }
        : { Mode: 'DISTRIBUTED', ExecutionType: node.distributed.executionType },
    ...lowerBranch(node.processor, ctx),
  }
  return {
    Type: 'Map',
    ...lowerComment(node.comment),
    ...lowerItems(node, ctx),
    ...(node.itemSelector === undefined
      ? {}
      : { ItemSelector: lowerTemplate(node.itemSelector, ctx, INPUT_ROOTS, 'ItemSelector') }),
    ItemProcessor: processor,
    ...lowerScalar('MaxConcurrency', node.maxConcurrency, ctx),
    ...lowerDistributed(node, ctx),
    ...lowerResult(node, node.resultSelector, ctx),
    ...lowerAssign(node.assign, ctx, 'result'),
    ...lowerRetry(node.retry),
    ...lowerCatch(node.catch, ctx),
    ...lowerTransition(node.next),
  } as AslMapState
}
