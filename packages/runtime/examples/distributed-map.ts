/**
 * A Distributed Map that reads a CSV from an in-memory S3 stand-in, processes rows in batches of two,
 * and writes its results back with ResultWriter.
 * Run it: pnpm exec tsx --conditions=@statewright/source packages/runtime/examples/distributed-map.ts
 */
import { pathToFileURL } from 'node:url'
import type { AslStateMachine } from '@statewright/asl'
import { InMemoryS3, run, type ExecutionResult } from '../src/index.ts'

export const importUsers: AslStateMachine = {
  StartAt: 'EachBatch',
  States: {
    EachBatch: {
      Type: 'Map',
      Label: 'ImportUsers',
      MaxConcurrency: 10,
      ItemReader: {
        Resource: 'arn:aws:states:::s3:getObject',
        ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' },
        Parameters: { 'Bucket.$': '$.bucket', Key: 'users.csv' },
      },
      ItemBatcher: { MaxItemsPerBatch: 2, BatchInput: { 'source.$': '$.bucket' } },
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
        StartAt: 'Import',
        States: {
          Import: {
            Type: 'Task',
            Resource: 'arn:aws:lambda:us-east-1:111111111111:function:importUsers',
            End: true,
          },
        },
      },
      ToleratedFailurePercentage: 10,
      ResultWriter: {
        Resource: 'arn:aws:states:::s3:putObject',
        Parameters: { Bucket: 'results', Prefix: 'imports' },
      },
      End: true,
    },
  },
}

export async function main(): Promise<{ result: ExecutionResult; s3: InMemoryS3 }> {
  const s3 = new InMemoryS3({
    uploads: { 'users.csv': 'id,email\n1,a@example.com\n2,b@example.com\n3,c@example.com\n' },
    results: {},
  })
  const importBatch = (batch: {
    Items: { id: string; email: string }[]
    BatchInput: { source: string }
  }) => ({
    imported: batch.Items.map((u) => u.id),
    from: batch.BatchInput.source,
  })
  const result = await run(
    importUsers,
    { bucket: 'uploads' },
    { s3, handlers: { importUsers: importBatch } },
  )
  return { result, s3 }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { result, s3 } = await main()
  console.log(result.status, JSON.stringify(result.output))
  for (const key of s3.keys('results')) console.log(key, s3.getObject('results', key))
}
