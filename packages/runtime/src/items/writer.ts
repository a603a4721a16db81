import type { AslResultWriter, JsonValue } from '@statewright/asl'
import { isoTimestamp } from '../clock.ts'
import type { StateContext } from '../env.ts'
import { StatesError } from '../errors.ts'
import { jsonata, jsonataScope, payload } from '../io.ts'
import type { JsonObject } from '../json.ts'
import { randomUuid } from '../random.ts'
import type { S3StandIn } from '../s3.ts'

/** What one child execution of a Distributed Map did. */
export interface ChildRun {
  readonly input: JsonValue
  readonly output?: JsonValue
  readonly error?: StatesError
}

function childResult(ctx: StateContext, run: ChildRun | undefined, mapRunArn: string): JsonObject {
  const now = isoTimestamp(ctx.env.clock.now())
  // Children belong to the Map Run's own state machine: <machine>/<label>, named by a UUID.
  const machineArn = mapRunArn
    .slice(0, mapRunArn.lastIndexOf(':'))
    .replace(':mapRun:', ':stateMachine:')
  const name = randomUuid(ctx.env.random)
  const status =
    run?.error !== undefined ? 'FAILED' : run?.output !== undefined ? 'SUCCEEDED' : 'ABORTED'
  const result: JsonObject = {
    ExecutionArn: `${machineArn.replace(':stateMachine:', ':execution:')}:${name}`,
    Input: JSON.stringify(run?.input ?? null),
    InputDetails: { Included: true },
    Name: name,
    RedriveCount: 0,
    RedriveStatus: 'NOT_REDRIVABLE',
    StartDate: now,
    StateMachineArn: machineArn,
    Status: status,
    StopDate: now,
  }
  if (run?.output !== undefined) {
    result.Output = JSON.stringify(run.output)
    result.OutputDetails = { Included: true }
  }
  if (run?.error !== undefined) {
    if (run.error.error !== '') result.Error = run.error.error
    if (run.error.cause !== undefined) result.Cause = run.error.cause
  }
  return result
}

function transform(
  results: JsonObject[],
  runs: readonly (ChildRun | undefined)[],
  how: string,
): JsonValue[] {
  if (how === 'FLATTEN') {
    return runs.filter((r) => r?.output !== undefined).map((r) => r!.output!)
  }
  if (how === 'COMPACT') {
    return results.map((r, i) => {
      const run = runs[i]
      const compact: JsonObject = { Input: run?.input ?? null, Status: r.Status! }
      if (run?.output !== undefined) compact.Output = run.output
      if (r.Error !== undefined) compact.Error = r.Error
      if (r.Cause !== undefined) compact.Cause = r.Cause
      return compact
    })
  }
  return results
}

/**
 * ResultWriter (ASL-SPEC §3.9): child results grouped by status into `<Prefix>/<map run id>/`
 * (`SUCCEEDED_0.json`, `FAILED_0.json`, `manifest.json`) in the S3 stand-in; the Map's result is then
 * `{ MapRunArn, ResultWriterDetails: { Bucket, Key } }`. With only WriterConfig, the transformed
 * results are the Map's result.
 */
export async function writeResults(
  ctx: StateContext,
  writer: AslResultWriter,
  runs: readonly (ChildRun | undefined)[],
  mapRunArn: string,
  input: JsonValue,
  effective: JsonValue,
  s3: S3StandIn | undefined,
): Promise<JsonValue> {
  const results = runs.map((run) => childResult(ctx, run, mapRunArn))
  const config = writer.WriterConfig ?? {}
  const transformed = transform(results, runs, config.Transformation ?? 'NONE')
  if (writer.Resource === undefined) return transformed
  const parameters = (
    ctx.language === 'JSONata'
      ? writer.Arguments === undefined
        ? {}
        : await jsonata(ctx, writer.Arguments, jsonataScope(ctx, input), 'ResultWriter/Arguments')
      : writer.Parameters === undefined
        ? {}
        : payload(ctx, writer.Parameters, effective, 'ResultWriter/Parameters')
  ) as JsonObject
  if (s3 === undefined) {
    throw new StatesError(
      'States.ResultWriterFailed',
      `The Map state '${ctx.name}' writes results to S3; pass an S3 stand-in in the s3 option (InMemoryS3 or LocalFolderS3).`,
    )
  }
  const bucket = String(parameters.Bucket ?? '')
  const prefix = String(parameters.Prefix ?? '')
  const runId = mapRunArn.slice(mapRunArn.lastIndexOf(':') + 1)
  const folder = `${prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`}${runId}/`
  const jsonl = config.OutputType === 'JSONL'
  const files: Record<string, JsonObject[]> = { FAILED: [], PENDING: [], SUCCEEDED: [] }
  for (const status of ['SUCCEEDED', 'FAILED'] as const) {
    const chosen = transformed.filter(
      (_, i) => (results[i]!.Status === 'FAILED') === (status === 'FAILED'),
    )
    if (chosen.length === 0) continue
    const key = `${folder}${status}_0.${jsonl ? 'jsonl' : 'json'}`
    const body = jsonl ? chosen.map((r) => JSON.stringify(r)).join('\n') : JSON.stringify(chosen)
    s3.putObject(bucket, key, body)
    files[status]!.push({ Key: key, Size: new TextEncoder().encode(body).length })
  }
  const manifestKey = `${folder}manifest.json`
  s3.putObject(
    bucket,
    manifestKey,
    JSON.stringify({ DestinationBucket: bucket, MapRunArn: mapRunArn, ResultFiles: files }),
  )
  return { MapRunArn: mapRunArn, ResultWriterDetails: { Bucket: bucket, Key: manifestKey } }
}
