import type { AslItemBatcher, JsonValue } from '@statewright/asl'
import type { StateContext } from '../env.ts'
import { StatesError } from '../errors.ts'
import { jsonata, jsonataScope, payload, referencePath } from '../io.ts'
import { jsonByteLength, type JsonObject } from '../json.ts'

async function limit(
  ctx: StateContext,
  literal: number | string | undefined,
  path: string | undefined,
  field: string,
  input: JsonValue,
  effective: JsonValue,
): Promise<number> {
  let value: JsonValue | undefined
  if (ctx.language === 'JSONata' && typeof literal === 'string') {
    value = await jsonata(ctx, literal, jsonataScope(ctx, input), `ItemBatcher/${field}`)
  } else if (typeof literal === 'number') value = literal
  else if (path !== undefined) {
    const found = referencePath(ctx, path, effective)
    if (!found.found) {
      throw new StatesError('States.Runtime', `Invalid path '${path}' : ${found.description}`)
    }
    value = found.value
  }
  if (value === undefined) return 0
  const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value
  if (typeof n === 'number' && Number.isInteger(n) && n >= 0) return n
  throw new StatesError(
    'States.Runtime',
    `The ${path !== undefined ? `${field}Path` : field} field refers to value "${typeof value === 'string' ? value : JSON.stringify(value)}" which is not a valid integer`,
  )
}

/**
 * Groups items into batches (ASL-SPEC §3.9 ItemBatcher): each child gets `{ Items, BatchInput? }`,
 * closing a batch at MaxItemsPerBatch items or before it would pass MaxInputBytesPerBatch bytes.
 */
export async function batchItems(
  ctx: StateContext,
  batcher: AslItemBatcher,
  items: readonly JsonValue[],
  input: JsonValue,
  effective: JsonValue,
  select: (item: JsonValue, index: number) => Promise<JsonValue>,
): Promise<JsonValue[]> {
  const maxItems = await limit(
    ctx,
    batcher.MaxItemsPerBatch,
    batcher.MaxItemsPerBatchPath,
    'MaxItemsPerBatch',
    input,
    effective,
  )
  const maxBytes = await limit(
    ctx,
    batcher.MaxInputBytesPerBatch,
    batcher.MaxInputBytesPerBatchPath,
    'MaxInputBytesPerBatch',
    input,
    effective,
  )
  let batchInput: JsonValue | undefined
  if (batcher.BatchInput !== undefined) {
    batchInput =
      ctx.language === 'JSONata'
        ? await jsonata(ctx, batcher.BatchInput, jsonataScope(ctx, input), 'ItemBatcher/BatchInput')
        : payload(ctx, batcher.BatchInput, effective, 'ItemBatcher/BatchInput')
  }
  const overhead = jsonByteLength({
    Items: [],
    ...(batchInput !== undefined ? { BatchInput: batchInput } : {}),
  })
  const batches: JsonValue[] = []
  let current: JsonValue[] = []
  let bytes = overhead
  const close = (): void => {
    if (current.length === 0) return
    const batch: JsonObject = { Items: current }
    if (batchInput !== undefined) batch.BatchInput = batchInput
    batches.push(batch)
    current = []
    bytes = overhead
  }
  for (let i = 0; i < items.length; i++) {
    const item = await select(items[i]!, i)
    const size = jsonByteLength(item) + (current.length > 0 ? 1 : 0)
    if (
      current.length > 0 &&
      ((maxItems > 0 && current.length >= maxItems) || (maxBytes > 0 && bytes + size > maxBytes))
    ) {
      close()
    }
    current.push(item)
    bytes += size
  }
  close()
  return batches
}
