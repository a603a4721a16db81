// Runs the pipeline on the sample data in ./s3 (one folder per bucket) without touching it: the input
// objects are copied into an in-memory S3 stand-in, and what the ResultWriter writes is printed.
// `statewright run` has no S3 option yet, so this script is how to run the example from a shell:
//   pnpm exec tsx --conditions=@statewright/source examples/data-pipeline/run-local.ts
import { readFileSync } from 'node:fs'
import { InMemoryS3, LocalFolderS3, run } from '@statewright/runtime'
import { dataPipeline } from './workflow.ts'

const input = JSON.parse(readFileSync(new URL('./input.json', import.meta.url), 'utf8'))
const samples = new LocalFolderS3(new URL('./s3', import.meta.url).pathname)
const s3 = new InMemoryS3()
for (const object of samples.listObjects(input.bucket, '') ?? []) {
  s3.putObject(input.bucket, object.Key, samples.getObject(input.bucket, object.Key) ?? '')
}

const result = await run(dataPipeline, input, { s3 })
console.log(
  `${result.status}${result.error === undefined ? '' : ` ${result.error}: ${result.cause}`}`,
)
for (const key of s3.keys(input.bucket).filter((k) => k.startsWith(`${input.outputPrefix}/`))) {
  console.log(`\ns3://${input.bucket}/${key}\n${s3.getObject(input.bucket, key)}`)
}
process.exitCode = result.status === 'SUCCEEDED' ? 0 : 1
