import type { AslItemReader, JsonValue } from '@statewright/asl'
import type { StateContext } from '../env.ts'
import { StatesError } from '../errors.ts'
import { jsonata, jsonataScope, payload, referencePath } from '../io.ts'
import { isJsonObject, parseJson, type JsonObject } from '../json.ts'
import type { S3StandIn } from '../s3.ts'
import { CSV_DELIMITERS, csvObjects, parseCsv } from './csv.ts'

function readerFailed(cause: string): StatesError {
  return new StatesError('States.ItemReaderFailed', cause)
}

/** The integer a `…Path` or JSONata field gave; numeric strings count (AWS parses them). */
function asCount(value: JsonValue, field: string): number {
  const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value
  if (typeof n === 'number' && Number.isInteger(n) && n >= 0) return n
  throw new StatesError(
    'States.Runtime',
    `The ${field} field refers to value "${typeof value === 'string' ? value : JSON.stringify(value)}" which is not a valid integer`,
  )
}

/** `ReaderConfig.MaxItems` / `MaxItemsPath`; 0 (or none) means every item. */
async function maxItems(
  ctx: StateContext,
  reader: AslItemReader,
  input: JsonValue,
  effective: JsonValue,
): Promise<number> {
  const config = reader.ReaderConfig
  if (config === undefined) return 0
  if (ctx.language === 'JSONata' && typeof config.MaxItems === 'string') {
    return asCount(
      await jsonata(
        ctx,
        config.MaxItems,
        jsonataScope(ctx, input),
        'ItemReader/ReaderConfig/MaxItems',
      ),
      'MaxItems',
    )
  }
  if (typeof config.MaxItems === 'number') return config.MaxItems
  if (config.MaxItemsPath !== undefined) {
    const found = referencePath(ctx, config.MaxItemsPath, effective)
    if (!found.found) {
      throw new StatesError(
        'States.Runtime',
        `Invalid path '${config.MaxItemsPath}' : ${found.description}`,
      )
    }
    return asCount(found.value, 'MaxItemsPath')
  }
  return 0
}

/** Follows a JSON Pointer (`ItemsPointer`, RFC 6901) into a parsed document. */
function pointer(document: JsonValue, path: string): JsonValue | undefined {
  if (path === '' || path === '/') return document
  let node: JsonValue | undefined = document
  for (const raw of path.replace(/^\//, '').split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    if (Array.isArray(node)) node = node[Number(token)]
    else if (isJsonObject(node) && Object.hasOwn(node, token)) node = node[token]
    else return undefined
  }
  return node
}

/** Items of one object's text by InputType (JSON, JSONL, CSV). */
function itemsOfText(text: string, reader: AslItemReader): JsonValue[] {
  const config = reader.ReaderConfig ?? {}
  const type = config.InputType ?? 'JSON'
  if (type === 'JSON') {
    let document: JsonValue
    try {
      document = parseJson(text)
    } catch {
      throw readerFailed('The content of the object could not be parsed as JSON.')
    }
    if (config.ItemsPointer !== undefined) {
      const found = pointer(document, config.ItemsPointer)
      if (found === undefined)
        throw readerFailed(
          `The ItemsPointer '${config.ItemsPointer}' does not point into the object.`,
        )
      document = found
    }
    if (!Array.isArray(document)) throw readerFailed('Attempting to map over non-iterable node.')
    return document
  }
  if (type === 'JSONL') {
    return text
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '')
      .map((line) => {
        try {
          return parseJson(line)
        } catch {
          throw readerFailed('A line of the JSONL object could not be parsed as JSON.')
        }
      })
  }
  if (type === 'CSV') {
    const rows = parseCsv(text, CSV_DELIMITERS[config.CSVDelimiter ?? 'COMMA'] ?? ',')
    let headers: string[]
    if (config.CSVHeaderLocation === 'GIVEN') {
      headers = config.CSVHeaders ?? []
    } else {
      headers = rows.shift() ?? []
    }
    if (new Set(headers).size !== headers.length)
      throw readerFailed('CSV headers cannot contain duplicates.')
    return csvObjects(rows, headers)
  }
  throw readerFailed(`The InputType '${type}' is not supported by the local S3 stand-in.`)
}

/**
 * Reads a Distributed Map's items through its ItemReader (ASL-SPEC §3.9) from the S3 stand-in:
 * `s3:getObject` (JSON, JSONL, CSV, MANIFEST) or `s3:listObjectsV2` (object metadata, or with
 * `Transformation: LOAD_AND_FLATTEN` the items of every listed object). Failures are
 * `States.ItemReaderFailed`.
 */
export async function readItems(
  ctx: StateContext,
  reader: AslItemReader,
  input: JsonValue,
  effective: JsonValue,
  s3: S3StandIn | undefined,
): Promise<JsonValue[]> {
  const parameters = (
    ctx.language === 'JSONata'
      ? reader.Arguments === undefined
        ? {}
        : await jsonata(ctx, reader.Arguments, jsonataScope(ctx, input), 'ItemReader/Arguments')
      : reader.Parameters === undefined
        ? {}
        : payload(ctx, reader.Parameters, effective, 'ItemReader/Parameters')
  ) as JsonObject
  const limit = await maxItems(ctx, reader, input, effective)
  if (s3 === undefined) {
    throw readerFailed(
      `The Map state '${ctx.name}' reads items from S3; pass an S3 stand-in in the s3 option (InMemoryS3 or LocalFolderS3).`,
    )
  }
  const bucket = String(parameters.Bucket ?? '')
  const action = reader.Resource.split(':').pop()
  let items: JsonValue[]
  if (action === 'getObject') {
    const key = String(parameters.Key ?? '')
    const text = s3.getObject(bucket, key)
    if (text === undefined)
      throw readerFailed(`The object '${key}' does not exist in the bucket '${bucket}'.`)
    if (reader.ReaderConfig?.InputType === 'MANIFEST') items = manifestItems(text, s3, reader)
    else items = itemsOfText(text, reader)
  } else if (action === 'listObjectsV2') {
    const listed = s3.listObjects(bucket, String(parameters.Prefix ?? ''))
    if (listed === undefined) throw readerFailed(`The bucket '${bucket}' does not exist.`)
    if (reader.ReaderConfig?.Transformation === 'LOAD_AND_FLATTEN') {
      items = listed.flatMap((o) => itemsOfText(s3.getObject(bucket, o.Key) ?? '', reader))
    } else {
      items = listed.map((o) => ({ ...o }))
    }
  } else {
    throw readerFailed(`The ItemReader resource '${reader.Resource}' is not supported.`)
  }
  return limit > 0 ? items.slice(0, limit) : items
}

/** An S3 Inventory manifest: every listed CSV file's rows, keyed by the manifest's fileSchema. */
function manifestItems(text: string, s3: S3StandIn, reader: AslItemReader): JsonValue[] {
  let manifest: JsonValue
  try {
    manifest = parseJson(text)
  } catch {
    throw readerFailed('The manifest could not be parsed as JSON.')
  }
  if (!isJsonObject(manifest) || !Array.isArray(manifest.files)) {
    throw readerFailed('The manifest has no files list.')
  }
  const schema =
    typeof manifest.fileSchema === 'string'
      ? manifest.fileSchema.split(',').map((s) => s.trim())
      : []
  const bucket = String(manifest.destinationBucket ?? '').replace(/^arn:aws:s3:::/, '')
  const items: JsonValue[] = []
  for (const file of manifest.files) {
    const key = isJsonObject(file) ? String(file.key ?? '') : ''
    const body = s3.getObject(bucket, key)
    if (body === undefined) throw readerFailed(`The manifest lists '${key}', which does not exist.`)
    items.push(
      ...csvObjects(
        parseCsv(body, CSV_DELIMITERS[reader.ReaderConfig?.CSVDelimiter ?? 'COMMA']),
        schema,
      ),
    )
  }
  return items
}
