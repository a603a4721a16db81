import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { validateStateMachine } from '@statewright/asl'
import { compile } from '@statewright/compiler'
import { InMemoryS3, LocalFolderS3, run, type S3StandIn } from '@statewright/runtime'
import { afterAll, describe, expect, test } from 'vitest'
import { countEvents, expectSchemaAndAslValidatorAccept, statePath } from '../testing.ts'
import type { CleanRecord } from './tasks.ts'
import type { QueryLanguage } from '@statewright/asl'
import { dataPipeline, pipeline } from './workflow.ts'

const input = JSON.parse(readFileSync(new URL('./input.json', import.meta.url), 'utf8'))
const samples = new URL('./s3', import.meta.url).pathname
const csv = readFileSync(join(samples, 'pipeline-data', 'incoming', 'orders.csv'), 'utf8')

const expected = {
  Comment: 'Transforms every row of a CSV file in S3 and writes the results back to S3',
  QueryLanguage: 'JSONPath',
  StartAt: 'TransformRecords',
  States: {
    TransformRecords: {
      Type: 'Map',
      ItemReader: {
        Resource: 'arn:aws:states:::s3:getObject',
        ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' },
        Parameters: { 'Bucket.$': '$.bucket', 'Key.$': '$.key' },
      },
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
        StartAt: 'TransformRecord',
        States: {
          TransformRecord: {
            Type: 'Task',
            Resource: '${TransformRecordFunctionArn}',
            End: true,
          },
        },
      },
      MaxConcurrency: 50,
      ToleratedFailurePercentage: 10,
      Label: 'TransformRecords',
      ResultPath: '$.results',
      ResultWriter: {
        Resource: 'arn:aws:states:::s3:putObject',
        Parameters: { 'Bucket.$': '$.bucket', 'Prefix.$': '$.outputPrefix' },
      },
      End: true,
    },
  },
}

// In JSONata the reader and writer take Arguments, and one Output places the Map's result.
const expectedJsonata = {
  Comment: 'Transforms every row of a CSV file in S3 and writes the results back to S3',
  QueryLanguage: 'JSONata',
  StartAt: 'TransformRecords',
  States: {
    TransformRecords: {
      Type: 'Map',
      ItemReader: {
        Resource: 'arn:aws:states:::s3:getObject',
        ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' },
        Arguments: { Bucket: '{% $states.input.bucket %}', Key: '{% $states.input.key %}' },
      },
      ItemProcessor: expected.States.TransformRecords.ItemProcessor,
      MaxConcurrency: 50,
      ToleratedFailurePercentage: 10,
      Label: 'TransformRecords',
      ResultWriter: {
        Resource: 'arn:aws:states:::s3:putObject',
        Arguments: {
          Bucket: '{% $states.input.bucket %}',
          Prefix: '{% $states.input.outputPrefix %}',
        },
      },
      Output: '{% $merge([$states.input, {"results": $states.result}]) %}',
      End: true,
    },
  },
}

const languages: readonly QueryLanguage[] = ['JSONPath', 'JSONata']

interface ChildResult {
  readonly Input: string
  readonly Output?: string
  readonly Status: string
  readonly Error?: string
  readonly Cause?: string
}

/** What the ResultWriter wrote: the manifest the Map's result points to, and the result files it lists. */
function written(s3: S3StandIn, output: unknown) {
  const details = (output as { results: { ResultWriterDetails: { Bucket: string; Key: string } } })
    .results.ResultWriterDetails
  const manifest = JSON.parse(s3.getObject(details.Bucket, details.Key) ?? 'null') as {
    ResultFiles: Record<'SUCCEEDED' | 'FAILED' | 'PENDING', { Key: string }[]>
  }
  const read = (status: 'SUCCEEDED' | 'FAILED'): ChildResult[] =>
    manifest.ResultFiles[status].flatMap(
      (file) => JSON.parse(s3.getObject(details.Bucket, file.Key) ?? '[]') as ChildResult[],
    )
  return { details, manifest, succeeded: read('SUCCEEDED'), failed: read('FAILED') }
}

const temp: string[] = []
afterAll(() => {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true })
})

describe('data-pipeline: compile', () => {
  test('compiles to the expected Distributed Map, with no diagnostics', () => {
    const compiled = compile(dataPipeline)

    expect(compiled.diagnostics).toStrictEqual([])
    expect(compiled.asl).toStrictEqual(expected)
  })

  test('compiles to the expected JSONata definition, with no diagnostics', () => {
    const compiled = compile(pipeline('JSONata'))

    expect(compiled.diagnostics).toStrictEqual([])
    expect(compiled.asl).toStrictEqual(expectedJsonata)
  })

  test.each(languages)('the %s ASL passes our validator and asl-validator', (language) => {
    const aws = { region: 'us-east-1', account: '123456789012' }
    const { asl } = compile(pipeline(language), aws)

    expect(validateStateMachine(asl)).toStrictEqual([])
    expectSchemaAndAslValidatorAccept(asl)
  })
})

describe.each(languages)('data-pipeline: run in %s', (language) => {
  const flow = pipeline(language)

  test('reads the CSV rows from S3, transforms each one and writes the results to S3', async () => {
    const s3 = new InMemoryS3({ 'pipeline-data': { 'incoming/orders.csv': csv } })

    const result = await run(flow, input, { s3 })

    expect(statePath(result)).toStrictEqual(['TransformRecords', 'SUCCEEDED'])
    expect(countEvents(result, 'MapRunStarted')).toBe(1)
    const { details, succeeded, failed } = written(s3, result.output)
    expect(details.Bucket).toBe('pipeline-data')
    expect(details.Key).toMatch(/^processed\/[0-9a-f-]{36}\/manifest\.json$/)
    const clean = succeeded
      .map((child) => JSON.parse(child.Output!) as CleanRecord)
      .sort((a, b) => a.orderId.localeCompare(b.orderId))
    expect(clean).toHaveLength(9)
    expect(clean.slice(0, 3)).toStrictEqual([
      { orderId: 'o-1001', customer: 'Ada Lovelace', amountCents: 1250, currency: 'EUR' },
      { orderId: 'o-1002', customer: 'Alan Turing', amountCents: 9999, currency: 'GBP' },
      { orderId: 'o-1003', customer: 'Grace Hopper', amountCents: 500, currency: 'USD' },
    ])
    // One bad row in ten is within the tolerated 10%: its child execution failed, the Map did not.
    expect(failed).toHaveLength(1)
    expect(JSON.parse(failed[0]!.Input)).toMatchObject({ orderId: 'o-1004', amount: 'n/a' })
    expect(failed[0]).toMatchObject({ Status: 'FAILED', Error: 'InvalidRecord' })
    expect(failed[0]!.Cause).toContain("amount 'n/a' is not a number")
  })

  test('more failed rows than tolerated fail the Map with States.ExceedToleratedFailureThreshold', async () => {
    const twoBad = csv.replace('99.99,GBP', '99.99,JPY')
    const s3 = new InMemoryS3({ 'pipeline-data': { 'incoming/orders.csv': twoBad } })

    const result = await run(flow, input, { s3 })

    expect(statePath(result)).toStrictEqual(['TransformRecords', 'FAILED'])
    expect(result).toMatchObject({
      status: 'FAILED',
      error: 'States.ExceedToleratedFailureThreshold',
    })
  })

  test('a local folder per bucket works as S3 too: the results land in files', async () => {
    const root = mkdtempSync(join(tmpdir(), 'statewright-pipeline-'))
    temp.push(root)
    cpSync(samples, root, { recursive: true })
    const s3 = new LocalFolderS3(root)

    const result = await run(flow, input, { s3 })

    expect(result.status).toBe('SUCCEEDED')
    const { details, succeeded } = written(s3, result.output)
    expect(existsSync(join(root, details.Bucket, details.Key))).toBe(true)
    expect(succeeded).toHaveLength(9)
  })

  test('a missing input object fails the Map with States.ItemReaderFailed', async () => {
    const s3 = new InMemoryS3({ 'pipeline-data': {} })

    const result = await run(flow, input, { s3 })

    expect(result).toMatchObject({ status: 'FAILED', error: 'States.ItemReaderFailed' })
  })
})
