import { describe, expect, it } from 'vitest'
import { main as callbacks } from '../examples/callbacks.ts'
import { main as distributedMap } from '../examples/distributed-map.ts'
import { main as nested } from '../examples/nested-executions.ts'

describe('runtime examples', () => {
  it('callbacks: an approval answered through the task token', async () => {
    const approved = await callbacks(true)
    const rejected = await callbacks(false)

    expect(approved.status).toBe('SUCCEEDED')
    expect(approved.output).toMatchObject({ approval: { approved: true, by: 'alice' } })
    expect(rejected).toMatchObject({ status: 'FAILED', error: 'OrderRejected' })
  })

  it('nested executions: the child runs in process on the same virtual clock', async () => {
    const result = await nested()

    expect(result.output).toMatchObject({
      invoice: {
        total: 13,
        child: 'arn:aws:states:us-east-1:111111111111:execution:Invoice:invoice-42',
      },
    })
    expect(result.elapsedMs).toBe(86_400_000)
  })

  it('distributed map: CSV in, batches processed, results written to the S3 stand-in', async () => {
    const { result, s3 } = await distributedMap()

    expect(result.status).toBe('SUCCEEDED')
    const keys = s3.keys('results')
    expect(keys.some((k) => k.endsWith('/manifest.json'))).toBe(true)
    const succeeded = keys.find((k) => k.endsWith('SUCCEEDED_0.json'))!
    const outputs = (JSON.parse(s3.getObject('results', succeeded)!) as { Output: string }[]).map(
      (r) => JSON.parse(r.Output) as unknown,
    )
    expect(outputs).toEqual([
      { imported: ['1', '2'], from: 'uploads' },
      { imported: ['3'], from: 'uploads' },
    ])
  })
})
