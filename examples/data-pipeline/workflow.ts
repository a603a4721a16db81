import type { QueryLanguage } from '@statewright/asl'
import { lambda, workflow } from '@statewright/dsl'
import { CleanRecord, CsvRecord, PipelineInput, transformRecord } from './tasks.ts'

const TransformRecord = lambda('TransformRecordFunction', {
  input: CsvRecord,
  output: CleanRecord,
  handler: transformRecord,
})

/**
 * A Distributed Map over the rows of a CSV object in S3: each row is transformed by a Lambda in its own
 * child execution, up to 10% of the rows may fail, and the results are written back to S3
 * (`<outputPrefix>/<map run id>/SUCCEEDED_0.json`, `FAILED_0.json`, `manifest.json`). The same workflow
 * written in either query language.
 */
export const pipeline = (queryLanguage: QueryLanguage = 'JSONPath') =>
  workflow(
    'DataPipeline',
    {
      input: PipelineInput,
      comment: 'Transforms every row of a CSV file in S3 and writes the results back to S3',
      queryLanguage,
    },
    (start) =>
      start.map(
        'TransformRecords',
        {
          itemSchema: CsvRecord,
          process: (row) => row.task(TransformRecord),
          maxConcurrency: 50,
          distributed: {
            executionType: 'EXPRESS',
            itemReader: {
              resource: 'arn:aws:states:::s3:getObject',
              readerConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' },
              parameters: (s) => ({ Bucket: s.bucket, Key: s.key }),
            },
            resultWriter: {
              resource: 'arn:aws:states:::s3:putObject',
              parameters: (s) => ({ Bucket: s.bucket, Prefix: s.outputPrefix }),
            },
            toleratedFailurePercentage: 10,
            label: 'TransformRecords',
          },
        },
        (m) => m.resultPath('results'),
      ),
  )

/** The pipeline in JSONPath, what `statewright run` and `statewright build` pick up. */
export const dataPipeline = pipeline()
