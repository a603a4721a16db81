// Map: processor and its config, item source and selection, limits, Label, and the Distributed
// Map reader, batcher and writer.

import { has, isRecord } from '../checker.ts'
import type { Checker, JsonRecord } from '../checker.ts'
import { MAX_INT } from './context.ts'
import type { Path, StateCtx } from './context.ts'
import {
  checkJsonataValue,
  checkPathValue,
  checkPayloadTemplate,
  isExpression,
} from './expressions.ts'
import { checkEnum, checkIntegerField, checkIntegerLiteral, exclusive } from './literals.ts'
import { checkSubMachine } from './machine.ts'

export const LABEL_MAX = 40

// Map Label: no whitespace, ? *, brackets, : ; , \ | ^ ~ $ # % & ` " or control characters (DG).
export const LABEL_FORBIDDEN: RegExp = /[\s?*<>{}[\]:;,\\|^~$#%&`"\u0000-\u001f\u007f-\u009f]/u

export const ITEM_READER_RESOURCE: RegExp =
  /^arn:aws(?:-[a-z]+)*:states:::s3:(?:getObject|listObjectsV2)$/

export const RESULT_WRITER_RESOURCE: RegExp = /^arn:aws(?:-[a-z]+)*:states:::s3:putObject$/

export function checkMap(c: Checker, ctx: StateCtx, state: JsonRecord): void {
  const { path, name, language } = ctx
  exclusive(c, ctx, state, ['ItemProcessor', 'Iterator'])
  exclusive(c, ctx, state, ['Parameters', 'ItemSelector'])
  exclusive(c, ctx, state, ['MaxConcurrency', 'MaxConcurrencyPath'])
  exclusive(c, ctx, state, ['ToleratedFailureCount', 'ToleratedFailureCountPath'])
  exclusive(c, ctx, state, ['ToleratedFailurePercentage', 'ToleratedFailurePercentagePath'])
  const processorField = has(state, 'ItemProcessor')
    ? 'ItemProcessor'
    : has(state, 'Iterator')
      ? 'Iterator'
      : undefined
  let distributed = false
  if (processorField === undefined) {
    c.report('SFN202', path, 'These fields are required: [ItemProcessor]')
  } else {
    const processor = state[processorField]
    const processorPath: Path = path.concat(processorField)
    if (isRecord(processor) && has(processor, 'ProcessorConfig')) {
      distributed = checkProcessorConfig(c, ctx, processor['ProcessorConfig'], [
        ...processorPath,
        'ProcessorConfig',
      ])
    }
    checkSubMachine(c, ctx, processor, processorPath, true, distributed)
  }
  if (language === 'JSONPath') {
    if (has(state, 'ItemsPath'))
      checkPathValue(c, ctx, state['ItemsPath'], path.concat('ItemsPath'), 'ItemsPath', 'reference')
    for (const field of [
      'MaxConcurrencyPath',
      'ToleratedFailureCountPath',
      'ToleratedFailurePercentagePath',
    ]) {
      if (has(state, field))
        checkPathValue(c, ctx, state[field], path.concat(field), field, 'reference')
    }
    if (has(state, 'ItemSelector'))
      checkPayloadTemplate(c, ctx, state['ItemSelector'], path.concat('ItemSelector'))
  } else {
    if (has(state, 'Items')) checkJsonataValue(c, ctx, state['Items'], path.concat('Items'), [])
    if (has(state, 'ItemSelector'))
      checkJsonataValue(c, ctx, state['ItemSelector'], path.concat('ItemSelector'), [])
  }
  checkIntegerField(c, ctx, state, 'MaxConcurrency', 0, MAX_INT)
  checkIntegerField(c, ctx, state, 'ToleratedFailureCount', 0, MAX_INT)
  if (has(state, 'ToleratedFailurePercentage')) {
    const value = state['ToleratedFailurePercentage']
    const valuePath: Path = path.concat('ToleratedFailurePercentage')
    if (!isExpression(c, ctx, value, valuePath)) {
      if (typeof value !== 'number')
        c.report(
          'SFN204',
          valuePath,
          `The field 'ToleratedFailurePercentage' of state '${name}' must be a number.`,
        )
      else if (value < 0 || value > 100)
        c.report(
          'SFN232',
          valuePath,
          `The field 'ToleratedFailurePercentage' of state '${name}' must be between 0 and 100; it is ${value}.`,
        )
    }
  }
  if (has(state, 'Label')) checkLabel(c, ctx, state['Label'], path.concat('Label'))
  if (has(state, 'ItemReader'))
    checkItemReader(c, ctx, state['ItemReader'], path.concat('ItemReader'))
  if (has(state, 'ItemBatcher'))
    checkItemBatcher(c, ctx, state['ItemBatcher'], path.concat('ItemBatcher'))
  if (has(state, 'ResultWriter'))
    checkResultWriter(c, ctx, state['ResultWriter'], path.concat('ResultWriter'))
  if (distributed && c.type === 'EXPRESS') {
    c.report(
      'SFN227',
      path,
      `Express state machine does not support Distributed Map state '${name}'; use an INLINE Map or a STANDARD state machine.`,
    )
  }
}

/** Returns true when the processor runs in DISTRIBUTED mode. */
export function checkProcessorConfig(
  c: Checker,
  ctx: StateCtx,
  config: unknown,
  path: Path,
): boolean {
  if (!isRecord(config)) {
    c.report(
      'SFN204',
      path,
      `The field 'ProcessorConfig' of state '${ctx.name}' must be an object.`,
    )
    return false
  }
  for (const key of Object.keys(config)) {
    if (key !== 'Mode' && key !== 'ExecutionType')
      c.report('SFN203', path, `Field '${key}' is not supported`)
  }
  if (has(config, 'Mode'))
    checkEnum(c, config['Mode'], path.concat('Mode'), 'Mode', ['INLINE', 'DISTRIBUTED'])
  if (has(config, 'ExecutionType')) {
    checkEnum(c, config['ExecutionType'], path.concat('ExecutionType'), 'ExecutionType', [
      'STANDARD',
      'EXPRESS',
    ])
  }
  const distributed = config['Mode'] === 'DISTRIBUTED'
  // Child workflows of a Distributed Map need a type; AWS (and CDK) require it in that mode.
  if (distributed && !has(config, 'ExecutionType')) {
    c.report('SFN202', path, 'These fields are required: [ExecutionType]')
  }
  return distributed
}

export function checkLabel(c: Checker, ctx: StateCtx, label: unknown, path: Path): void {
  if (typeof label !== 'string') {
    c.report('SFN204', path, `The field 'Label' of state '${ctx.name}' must be a string.`)
    return
  }
  if (label.length === 0) {
    c.report(
      'SFN225',
      path,
      `The Label of Map state '${ctx.name}' cannot be empty; remove it or give it a name.`,
    )
    return
  }
  const bad = LABEL_FORBIDDEN.exec(label)
  if (bad !== null) {
    const shown = JSON.stringify(bad[0]).slice(1, -1)
    c.report(
      'SFN225',
      path,
      `Label contains invalid character: '${shown}'. Map state '${ctx.name}' needs a Label without whitespace, control characters or any of ? * < > { } [ ] : ; , \\ | ^ ~ $ # % & \` ".`,
    )
  }
  if ([...label].length > LABEL_MAX) {
    c.report(
      'SFN225',
      path,
      `The Label of Map state '${ctx.name}' is longer than ${LABEL_MAX} characters; shorten it.`,
    )
  }
  const first = c.labels.get(label)
  if (first !== undefined) c.report('SFN226', path, `Duplicate Label name: ${label}`)
  else c.labels.set(label, path)
}

/**
 * The shape ItemReader and ResultWriter share: an object of `Resource`, its config field, and
 * `Parameters` (JSONPath) or `Arguments` (JSONata). Returns the object, or undefined when it is not one.
 */
function checkS3Stage(
  c: Checker,
  ctx: StateCtx,
  value: unknown,
  path: Path,
  field: 'ItemReader' | 'ResultWriter',
  configKey: 'ReaderConfig' | 'WriterConfig',
): Record<string, unknown> | undefined {
  if (!isRecord(value)) {
    c.report('SFN204', path, `The field '${field}' of state '${ctx.name}' must be an object.`)
    return undefined
  }
  for (const key of Object.keys(value)) {
    if (key === 'Resource' || key === configKey) continue
    const mode = key === 'Parameters' ? 'JSONPath' : key === 'Arguments' ? 'JSONata' : undefined
    if (mode === undefined) c.report('SFN203', path, `Field '${key}' is not supported`)
    else if (mode !== ctx.language) {
      c.report(
        'SFN221',
        path,
        `The QueryLanguage is set to '${ctx.language}', but field '${key}' is only supported for the '${mode}' QueryLanguage`,
      )
    }
  }
  return value
}

export function checkItemReader(c: Checker, ctx: StateCtx, value: unknown, path: Path): void {
  const reader = checkS3Stage(c, ctx, value, path, 'ItemReader', 'ReaderConfig')
  if (reader === undefined) return
  const resource = reader['Resource']
  if (!has(reader, 'Resource')) c.report('SFN202', path, 'These fields are required: [Resource]')
  else if (typeof resource === 'string' && !ITEM_READER_RESOURCE.test(resource)) {
    c.report(
      'SFN204',
      path.concat('Resource'),
      "The field 'Resource' does not match any of the allowed values. Examples: [arn:aws:states:::s3:getObject, arn:aws:states:::s3:listObjectsV2]",
    )
  } else if (typeof reader['Resource'] !== 'string')
    c.report('SFN204', path.concat('Resource'), "The field 'Resource' must be an ARN string.")
  if (ctx.language === 'JSONPath' && has(reader, 'Parameters'))
    checkPayloadTemplate(c, ctx, reader['Parameters'], path.concat('Parameters'))
  if (ctx.language === 'JSONata' && has(reader, 'Arguments'))
    checkJsonataValue(c, ctx, reader['Arguments'], path.concat('Arguments'), [])
  if (!has(reader, 'ReaderConfig')) return
  const config = reader['ReaderConfig']
  const configPath: Path = path.concat('ReaderConfig')
  if (!isRecord(config)) {
    c.report('SFN204', configPath, "The field 'ReaderConfig' must be an object.")
    return
  }
  const enums: Record<string, readonly string[]> = {
    InputType: ['MANIFEST', 'JSON', 'CSV', 'JSONL', 'PARQUET'],
    CSVHeaderLocation: ['FIRST_ROW', 'GIVEN'],
    CSVDelimiter: ['COMMA', 'PIPE', 'SEMICOLON', 'SPACE', 'TAB'],
    ManifestType: ['ATHENA_DATA', 'S3_INVENTORY'],
    Transformation: ['NONE', 'LOAD_AND_FLATTEN'],
  }
  for (const key of Object.keys(config)) {
    const values = enums[key]
    if (values !== undefined && has(enums, key))
      checkEnum(c, config[key], configPath.concat(key), key, values)
    else if (key === 'MaxItemsPath') {
      if (ctx.language === 'JSONPath')
        checkPathValue(c, ctx, config[key], configPath.concat(key), key, 'reference')
      else
        c.report(
          'SFN221',
          configPath,
          "The QueryLanguage is set to 'JSONata', but field 'MaxItemsPath' is only supported for the 'JSONPath' QueryLanguage",
        )
    } else if (!['CSVHeaders', 'MaxItems', 'ItemsPointer'].includes(key)) {
      c.report('SFN203', configPath, `Field '${key}' is not supported`)
    }
  }
  exclusive(c, ctx, config, ['MaxItems', 'MaxItemsPath'])
  if (has(config, 'MaxItems')) {
    const value = config['MaxItems']
    if (!isExpression(c, ctx, value, configPath.concat('MaxItems'))) {
      checkIntegerLiteral(c, value, configPath.concat('MaxItems'), 'MaxItems', 0, 100_000_000)
    }
  }
}

export function checkItemBatcher(c: Checker, ctx: StateCtx, batcher: unknown, path: Path): void {
  if (!isRecord(batcher)) {
    c.report('SFN204', path, `The field 'ItemBatcher' of state '${ctx.name}' must be an object.`)
    return
  }
  const pathFields = ['MaxItemsPerBatchPath', 'MaxInputBytesPerBatchPath']
  for (const key of Object.keys(batcher)) {
    if (['MaxItemsPerBatch', 'MaxInputBytesPerBatch', 'BatchInput'].includes(key)) continue
    if (pathFields.includes(key)) {
      if (ctx.language === 'JSONPath')
        checkPathValue(c, ctx, batcher[key], path.concat(key), key, 'reference')
      else
        c.report(
          'SFN221',
          path,
          `The QueryLanguage is set to 'JSONata', but field '${key}' is only supported for the 'JSONPath' QueryLanguage`,
        )
      continue
    }
    c.report('SFN203', path, `Field '${key}' is not supported`)
  }
  exclusive(c, ctx, batcher, ['MaxItemsPerBatch', 'MaxItemsPerBatchPath'])
  exclusive(c, ctx, batcher, ['MaxInputBytesPerBatch', 'MaxInputBytesPerBatchPath'])
  for (const [field, max] of [
    ['MaxItemsPerBatch', MAX_INT],
    ['MaxInputBytesPerBatch', 262_144],
  ] as const) {
    if (!has(batcher, field)) continue
    const value = batcher[field]
    if (!isExpression(c, ctx, value, path.concat(field)))
      checkIntegerLiteral(c, value, path.concat(field), field, 1, max)
  }
  if (has(batcher, 'BatchInput')) {
    if (ctx.language === 'JSONPath')
      checkPayloadTemplate(c, ctx, batcher['BatchInput'], path.concat('BatchInput'))
    else checkJsonataValue(c, ctx, batcher['BatchInput'], path.concat('BatchInput'), [])
  }
}

export function checkResultWriter(c: Checker, ctx: StateCtx, value: unknown, path: Path): void {
  const writer = checkS3Stage(c, ctx, value, path, 'ResultWriter', 'WriterConfig')
  if (writer === undefined) return
  const resource = writer['Resource']
  if (
    has(writer, 'Resource') &&
    (typeof resource !== 'string' || !RESULT_WRITER_RESOURCE.test(resource))
  ) {
    c.report(
      'SFN204',
      path.concat('Resource'),
      "The field 'Resource' does not match the allowed value arn:aws:states:::s3:putObject",
    )
  }
  if (ctx.language === 'JSONPath' && has(writer, 'Parameters'))
    checkPayloadTemplate(c, ctx, writer['Parameters'], path.concat('Parameters'))
  if (ctx.language === 'JSONata' && has(writer, 'Arguments'))
    checkJsonataValue(c, ctx, writer['Arguments'], path.concat('Arguments'), [])
  if (has(writer, 'WriterConfig')) {
    const config = writer['WriterConfig']
    const configPath: Path = path.concat('WriterConfig')
    if (!isRecord(config)) {
      c.report('SFN204', configPath, "The field 'WriterConfig' must be an object.")
      return
    }
    for (const key of Object.keys(config)) {
      if (key === 'OutputType')
        checkEnum(c, config[key], configPath.concat(key), key, ['JSON', 'JSONL'])
      else if (key === 'Transformation')
        checkEnum(c, config[key], configPath.concat(key), key, ['NONE', 'COMPACT', 'FLATTEN'])
      else c.report('SFN203', configPath, `Field '${key}' is not supported`)
    }
  }
}
