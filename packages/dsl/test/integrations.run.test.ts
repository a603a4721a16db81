// Integrations executed by the runtime, with local stand-ins for the services.
import type { QueryLanguage } from '@statewright/asl'
import { InMemoryS3, run, startExecution as start } from '@statewright/runtime'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import {
  dynamoGetItem,
  snsPublish,
  sqsSendMessage,
  startExecution,
  taskToken,
  waitForTaskToken,
  workflow,
} from '../src/index.ts'

const languages: readonly QueryLanguage[] = ['JSONPath', 'JSONata']
const Order = z.object({ id: z.string(), email: z.string() })
const queueUrl = 'https://sqs.us-east-1.amazonaws.com/123456789012/orders'

describe.each(languages)('integrations in %s', (language) => {
  test('request-response services get their request and hand back their response', async () => {
    const requests: unknown[] = []
    const flow = workflow('Services', { input: Order, queryLanguage: language }, (chain) =>
      chain
        .task(
          dynamoGetItem<{ id: { S: string }; status: { S: string } }>({
            tableName: 'Orders',
            handler: (request) => {
              requests.push(request)
              return { Item: { id: { S: 'o1' }, status: { S: 'NEW' } } }
            },
          }),
          (t) =>
            t
              .parameters((s) => ({ Key: { id: { S: s.id } } }))
              .resultSelector((r) => ({ status: r.Item.status.S }))
              .resultPath('stored'),
        )
        .task(
          snsPublish({
            topicArn: 'arn:aws:sns:us-east-1:123456789012:orders',
            handler: (request) => {
              requests.push(request)
              return { MessageId: 'm-1' }
            },
          }),
          (t) => t.parameters((s) => ({ Message: s.stored.status })).resultPath('published'),
        ),
    )

    const result = await run(flow, { id: 'o1', email: 'a@b.c' })

    expect(result.status).toBe('SUCCEEDED')
    expect(requests).toStrictEqual([
      { TableName: 'Orders', Key: { id: { S: 'o1' } } },
      { TopicArn: 'arn:aws:sns:us-east-1:123456789012:orders', Message: 'NEW' },
    ])
    expect(result.output).toStrictEqual({
      id: 'o1',
      email: 'a@b.c',
      stored: { status: 'NEW' },
      published: { MessageId: 'm-1' },
    })
  })

  test('a waitForTaskToken task pauses until the test sends the typed answer with its token', async () => {
    const sent: unknown[] = []
    const approval = waitForTaskToken(sqsSendMessage<{ token: string; id: string }>({ queueUrl }), {
      output: z.object({ approved: z.boolean() }),
      // SendMessage's own response: not the task's result, which is what sendTaskSuccess sends.
      handler: (request) => {
        sent.push(request)
        return { MessageId: 'm-1', MD5OfMessageBody: 'd41d8cd98f00b204e9800998ecf8427e' }
      },
    })
    const flow = workflow('Approval', { input: Order, queryLanguage: language }, (chain) =>
      chain.task(approval, (t) =>
        t
          .parameters((s) => ({ MessageBody: { token: taskToken(), id: s.id } }))
          .timeout(3600)
          .resultPath('approval'),
      ),
    )

    const execution = start(flow, { id: 'o1', email: 'a@b.c' })
    const token = await execution.nextTaskToken()
    execution.sendTaskSuccess(token, { approved: true })
    const result = await execution.done

    expect(sent).toStrictEqual([{ QueueUrl: queueUrl, MessageBody: { token, id: 'o1' } }])
    expect(result.output).toStrictEqual({ id: 'o1', email: 'a@b.c', approval: { approved: true } })
  })

  test('a Distributed Map with a ResultWriter outputs where its results are, typed', async () => {
    const s3 = new InMemoryS3({ out: {} })
    const Ids = z.object({ ids: z.array(z.string()) })
    const flow = workflow('Written', { input: Ids, queryLanguage: language }, (chain) =>
      chain
        .map('EachId', {
          items: (s) => s.ids,
          process: (id) => id.pass('Keep'),
          distributed: {
            resultWriter: {
              resource: 'arn:aws:states:::s3:putObject',
              parameters: () => ({ Bucket: 'out', Prefix: 'results' }),
            },
          },
        })
        .pass('Where', (p) =>
          p.parameters((s) => ({
            bucket: s.ResultWriterDetails.Bucket,
            manifest: s.ResultWriterDetails.Key,
            mapRun: s.MapRunArn,
          })),
        ),
    )

    const result = await run(flow, { ids: ['a', 'b'] }, { s3 })

    const output = result.output as { bucket: string; manifest: string; mapRun: string }
    expect(output.bucket).toBe('out')
    expect(output.manifest).toMatch(/^results\/[^/]+\/manifest\.json$/)
    expect(JSON.parse(s3.getObject('out', output.manifest) ?? 'null')).toMatchObject({
      DestinationBucket: 'out',
      MapRunArn: output.mapRun,
    })
  })

  test("a nested .sync:2 execution's typed Output is read by the parent", async () => {
    const child = workflow('Child', { input: z.object({ id: z.string() }) }, (chain) =>
      chain.pass('Ship', (p) => p.parameters((s) => ({ shipped: s.id }))),
    )
    const flow = workflow('Parent', { input: Order, queryLanguage: language }, (chain) =>
      chain.task(
        startExecution(child, {
          sync: true,
          handler: async (request) => {
            const inner = await run(child, request.Input)
            return {
              Output: inner.output as { shipped: string },
              Status: 'SUCCEEDED',
              ExecutionArn: inner.executionArn,
            }
          },
        }),
        (t) =>
          t
            .parameters((s) => ({ Input: { id: s.id } }))
            .resultSelector((r) => ({ shipped: r.Output.shipped })),
      ),
    )

    expect((await run(flow, { id: 'o7', email: 'a@b.c' })).output).toStrictEqual({ shipped: 'o7' })
  })
})
