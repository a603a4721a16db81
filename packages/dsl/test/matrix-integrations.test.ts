// Coverage matrix (COVERAGE.md): every integration helper, lowered whole in JSONPath and JSONata and executed
// by the runtime in both, with local stand-ins for the services (what each receives is asserted).
import type { QueryLanguage } from '@statewright/asl'
import { run, startExecution as start } from '@statewright/runtime'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import {
  activity,
  awsSdk,
  dynamoGetItem,
  dynamoPutItem,
  dynamoUpdateItem,
  eventBridgePutEvents,
  httpInvoke,
  lambdaInvoke,
  snsPublish,
  sqsSendMessage,
  startExecution,
  taskToken,
  waitForTaskToken,
  workflow,
} from '../src/index.ts'
import { enteredStates } from './history.ts'

const aws = { region: 'us-east-1', account: '111111111111' } as const
const languages: readonly QueryLanguage[] = ['JSONPath', 'JSONata']
const Order = z.object({ id: z.string(), email: z.string() })
const order = { id: 'o1', email: 'a@b.c' }
const queueUrl = 'https://sqs.us-east-1.amazonaws.com/111111111111/orders'
const topicArn = 'arn:aws:sns:us-east-1:111111111111:orders'
const connectionArn = 'arn:aws:events:us-east-1:111111111111:connection/api/1'
const scoreArn = 'arn:aws:lambda:us-east-1:111111111111:function:ScoreFunction'

describe('request-response integrations: lambda:invoke, aws-sdk, SQS, SNS, DynamoDB, EventBridge, HTTP', () => {
  const services = (language: QueryLanguage, requests: [string, unknown][]) => {
    const record =
      <T>(name: string, response: T) =>
      (request: unknown): T => {
        requests.push([name, request])
        return response
      }
    return workflow('Services', { input: Order, queryLanguage: language, ...aws }, (chain) =>
      chain
        .task(
          lambdaInvoke('ScoreFunction', {
            input: Order,
            output: z.object({ score: z.number() }),
            handler: (o) => ({ score: o.id.length }),
          }),
          (t) =>
            t
              .resultSelector((r) => ({ score: r.Payload.score, status: r.StatusCode }))
              .resultPath('scored'),
        )
        .task(
          awsSdk<{ Bucket: string; Prefix: string }, { KeyCount: number }>('s3', 'listObjectsV2', {
            handler: record('s3', { KeyCount: 2 }),
          }),
          (t) =>
            t
              .parameters((s) => ({ Bucket: 'orders', Prefix: s.id }))
              .resultSelector((r) => ({ count: r.KeyCount }))
              .resultPath('listing'),
        )
        .task(
          sqsSendMessage<{ id: string }>({
            queueUrl,
            handler: record('sqs', { MessageId: 'm-1', MD5OfMessageBody: 'x' }),
          }),
          (t) => t.parameters((s) => ({ MessageBody: { id: s.id } })).resultPath(null),
        )
        .task(snsPublish({ topicArn, handler: record('sns', { MessageId: 'n-1' }) }), (t) =>
          t.parameters((s) => ({ Message: s.email, Subject: 'Order' })).resultPath(null),
        )
        .task(
          dynamoGetItem<{ id: { S: string }; status: { S: string } }>({
            tableName: 'Orders',
            handler: record('get', { Item: { id: { S: 'o1' }, status: { S: 'NEW' } } }),
          }),
          (t) =>
            t
              .parameters((s) => ({ Key: { id: { S: s.id } } }))
              .resultSelector((r) => ({ status: r.Item.status.S }))
              .resultPath('stored'),
        )
        .task(dynamoPutItem({ tableName: 'Orders', handler: record('put', {}) }), (t) =>
          t
            .parameters((s) => ({ Item: { id: { S: s.id }, status: { S: 'SEEN' } } }))
            .resultPath(null),
        )
        .task(
          dynamoUpdateItem({
            tableName: 'Orders',
            handler: record('update', { Attributes: { status: { S: 'PAID' } } }),
          }),
          (t) =>
            t
              .parameters((s) => ({
                Key: { id: { S: s.id } },
                UpdateExpression: 'SET #s = :s',
                ExpressionAttributeNames: { '#s': 'status' },
                ExpressionAttributeValues: { ':s': { S: 'PAID' } },
              }))
              .resultPath(null),
        )
        .task(
          eventBridgePutEvents<{ id: string }>({
            handler: record('events', { Entries: [{ EventId: 'e-1' }], FailedEntryCount: 0 }),
          }),
          (t) =>
            t
              .parameters((s) => ({
                Entries: [{ Detail: { id: s.id }, DetailType: 'OrderPaid', Source: 'shop' }],
              }))
              .resultSelector((r) => ({ failed: r.FailedEntryCount }))
              .resultPath('events'),
        )
        .task(
          httpInvoke<{ ok: boolean }>({
            apiEndpoint: 'https://api.example.com/orders',
            method: 'POST',
            connectionArn,
            handler: record('http', {
              ResponseBody: { ok: true },
              StatusCode: 200,
              StatusText: 'OK',
              Headers: {},
            }),
          }),
          (t) =>
            t
              .parameters((s) => ({ RequestBody: { id: s.id } }))
              .resultSelector((r) => ({ ok: r.ResponseBody.ok, code: r.StatusCode }))
              .resultPath('http'),
        ),
    )
  }

  test('lower whole to JSONPath', () => {
    expect(services('JSONPath', []).toAsl()).toStrictEqual({
      StartAt: 'Score',
      States: {
        Score: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: scoreArn, 'Payload.$': '$' },
          ResultSelector: { 'score.$': '$.Payload.score', 'status.$': '$.StatusCode' },
          ResultPath: '$.scored',
          Next: 'S3ListObjectsV2',
        },
        S3ListObjectsV2: {
          Type: 'Task',
          Resource: 'arn:aws:states:::aws-sdk:s3:listObjectsV2',
          Parameters: { Bucket: 'orders', 'Prefix.$': '$.id' },
          ResultSelector: { 'count.$': '$.KeyCount' },
          ResultPath: '$.listing',
          Next: 'SendMessage',
        },
        SendMessage: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sqs:sendMessage',
          Parameters: { QueueUrl: queueUrl, MessageBody: { 'id.$': '$.id' } },
          ResultPath: null,
          Next: 'Publish',
        },
        Publish: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sns:publish',
          Parameters: { TopicArn: topicArn, 'Message.$': '$.email', Subject: 'Order' },
          ResultPath: null,
          Next: 'GetItem',
        },
        GetItem: {
          Type: 'Task',
          Resource: 'arn:aws:states:::dynamodb:getItem',
          Parameters: { TableName: 'Orders', Key: { id: { 'S.$': '$.id' } } },
          ResultSelector: { 'status.$': '$.Item.status.S' },
          ResultPath: '$.stored',
          Next: 'PutItem',
        },
        PutItem: {
          Type: 'Task',
          Resource: 'arn:aws:states:::dynamodb:putItem',
          Parameters: {
            TableName: 'Orders',
            Item: { id: { 'S.$': '$.id' }, status: { S: 'SEEN' } },
          },
          ResultPath: null,
          Next: 'UpdateItem',
        },
        UpdateItem: {
          Type: 'Task',
          Resource: 'arn:aws:states:::dynamodb:updateItem',
          Parameters: {
            TableName: 'Orders',
            Key: { id: { 'S.$': '$.id' } },
            UpdateExpression: 'SET #s = :s',
            ExpressionAttributeNames: { '#s': 'status' },
            ExpressionAttributeValues: { ':s': { S: 'PAID' } },
          },
          ResultPath: null,
          Next: 'PutEvents',
        },
        PutEvents: {
          Type: 'Task',
          Resource: 'arn:aws:states:::events:putEvents',
          Parameters: {
            Entries: [{ Detail: { 'id.$': '$.id' }, DetailType: 'OrderPaid', Source: 'shop' }],
          },
          ResultSelector: { 'failed.$': '$.FailedEntryCount' },
          ResultPath: '$.events',
          Next: 'CallApi',
        },
        CallApi: {
          Type: 'Task',
          Resource: 'arn:aws:states:::http:invoke',
          Parameters: {
            ApiEndpoint: 'https://api.example.com/orders',
            Method: 'POST',
            Authentication: { ConnectionArn: connectionArn },
            RequestBody: { 'id.$': '$.id' },
          },
          ResultSelector: { 'ok.$': '$.ResponseBody.ok', 'code.$': '$.StatusCode' },
          ResultPath: '$.http',
          End: true,
        },
      },
      QueryLanguage: 'JSONPath',
    })
  })

  test('lower whole to JSONata', () => {
    const input = '{% $states.input %}'
    expect(services('JSONata', []).toAsl()).toStrictEqual({
      StartAt: 'Score',
      States: {
        Score: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Arguments: { FunctionName: scoreArn, Payload: input },
          Output:
            '{% $merge([$states.input, {"scored": {"score": $states.result.Payload.score, "status": $states.result.StatusCode}}]) %}',
          Next: 'S3ListObjectsV2',
        },
        S3ListObjectsV2: {
          Type: 'Task',
          Resource: 'arn:aws:states:::aws-sdk:s3:listObjectsV2',
          Arguments: { Bucket: 'orders', Prefix: '{% $states.input.id %}' },
          Output: '{% $merge([$states.input, {"listing": {"count": $states.result.KeyCount}}]) %}',
          Next: 'SendMessage',
        },
        SendMessage: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sqs:sendMessage',
          Arguments: { QueueUrl: queueUrl, MessageBody: { id: '{% $states.input.id %}' } },
          Output: input,
          Next: 'Publish',
        },
        Publish: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sns:publish',
          Arguments: { TopicArn: topicArn, Message: '{% $states.input.email %}', Subject: 'Order' },
          Output: input,
          Next: 'GetItem',
        },
        GetItem: {
          Type: 'Task',
          Resource: 'arn:aws:states:::dynamodb:getItem',
          Arguments: { TableName: 'Orders', Key: { id: { S: '{% $states.input.id %}' } } },
          Output:
            '{% $merge([$states.input, {"stored": {"status": $states.result.Item.status.S}}]) %}',
          Next: 'PutItem',
        },
        PutItem: {
          Type: 'Task',
          Resource: 'arn:aws:states:::dynamodb:putItem',
          Arguments: {
            TableName: 'Orders',
            Item: { id: { S: '{% $states.input.id %}' }, status: { S: 'SEEN' } },
          },
          Output: input,
          Next: 'UpdateItem',
        },
        UpdateItem: {
          Type: 'Task',
          Resource: 'arn:aws:states:::dynamodb:updateItem',
          Arguments: {
            TableName: 'Orders',
            Key: { id: { S: '{% $states.input.id %}' } },
            UpdateExpression: 'SET #s = :s',
            ExpressionAttributeNames: { '#s': 'status' },
            ExpressionAttributeValues: { ':s': { S: 'PAID' } },
          },
          Output: input,
          Next: 'PutEvents',
        },
        PutEvents: {
          Type: 'Task',
          Resource: 'arn:aws:states:::events:putEvents',
          Arguments: {
            Entries: [
              { Detail: { id: '{% $states.input.id %}' }, DetailType: 'OrderPaid', Source: 'shop' },
            ],
          },
          Output:
            '{% $merge([$states.input, {"events": {"failed": $states.result.FailedEntryCount}}]) %}',
          Next: 'CallApi',
        },
        CallApi: {
          Type: 'Task',
          Resource: 'arn:aws:states:::http:invoke',
          Arguments: {
            ApiEndpoint: 'https://api.example.com/orders',
            Method: 'POST',
            Authentication: { ConnectionArn: connectionArn },
            RequestBody: { id: '{% $states.input.id %}' },
          },
          Output:
            '{% $merge([$states.input, {"http": {"ok": $states.result.ResponseBody.ok, "code": $states.result.StatusCode}}]) %}',
          End: true,
        },
      },
      QueryLanguage: 'JSONata',
    })
  })

  test.each(languages)(
    'in %s, each service gets its request and its typed response is selected and placed',
    async (language) => {
      const requests: [string, unknown][] = []

      const result = await run(services(language, requests), order)

      expect(result.status).toBe('SUCCEEDED')
      expect(enteredStates(result.history)).toStrictEqual([
        'Score',
        'S3ListObjectsV2',
        'SendMessage',
        'Publish',
        'GetItem',
        'PutItem',
        'UpdateItem',
        'PutEvents',
        'CallApi',
      ])
      expect(requests).toStrictEqual([
        ['s3', { Bucket: 'orders', Prefix: 'o1' }],
        ['sqs', { QueueUrl: queueUrl, MessageBody: { id: 'o1' } }],
        ['sns', { TopicArn: topicArn, Message: 'a@b.c', Subject: 'Order' }],
        ['get', { TableName: 'Orders', Key: { id: { S: 'o1' } } }],
        ['put', { TableName: 'Orders', Item: { id: { S: 'o1' }, status: { S: 'SEEN' } } }],
        [
          'update',
          {
            TableName: 'Orders',
            Key: { id: { S: 'o1' } },
            UpdateExpression: 'SET #s = :s',
            ExpressionAttributeNames: { '#s': 'status' },
            ExpressionAttributeValues: { ':s': { S: 'PAID' } },
          },
        ],
        [
          'events',
          { Entries: [{ Detail: { id: 'o1' }, DetailType: 'OrderPaid', Source: 'shop' }] },
        ],
        [
          'http',
          {
            ApiEndpoint: 'https://api.example.com/orders',
            Method: 'POST',
            Authentication: { ConnectionArn: connectionArn },
            RequestBody: { id: 'o1' },
          },
        ],
      ])
      expect(result.output).toStrictEqual({
        ...order,
        scored: { score: 2, status: 200 },
        listing: { count: 2 },
        stored: { status: 'NEW' },
        events: { failed: 0 },
        http: { ok: true, code: 200 },
      })
    },
  )
})

describe('callbacks and child workflows: activity, .waitForTaskToken, startExecution (async and .sync:2), lambda:invoke unwrapped', () => {
  const Shipment = z.object({ id: z.string() })
  const child = workflow('Shipping', { input: Shipment, ...aws }, (chain) =>
    chain.pass('Ship', (p) => p.parameters((s) => ({ shipped: s.id }))),
  )
  const callbacks = (language: QueryLanguage, sent: unknown[]) => {
    const review = activity('ManualReview', {
      input: Order,
      output: z.object({ ok: z.boolean() }),
      handler: (o) => ({ ok: o.id === 'o1' }),
    })
    const approval = waitForTaskToken(snsPublish({ topicArn }), {
      output: z.object({ approved: z.boolean() }),
      handler: (request) => {
        sent.push(request)
        return { MessageId: 'n-1' }
      },
    })
    const score = lambdaInvoke('ScoreFunction', {
      input: Order,
      output: z.object({ score: z.number() }),
      unwrap: true,
      handler: (o) => ({ score: o.email.length }),
    })
    return workflow('Callbacks', { input: Order, queryLanguage: language, ...aws }, (chain) =>
      chain
        .task(review, (t) => t.resultPath('review'))
        .task(approval, (t) =>
          t
            .parameters((s) => ({ Message: { token: taskToken(), id: s.id } }))
            .resultPath('approval')
            .timeout(3600)
            .heartbeat(60),
        )
        .task(startExecution(child, { name: 'StartAsync' }), (t) =>
          t
            .parameters((s) => ({ Input: { id: s.id } }))
            .resultSelector((r) => ({ arn: r.ExecutionArn }))
            .resultPath('started'),
        )
        .task(startExecution(child, { sync: true }), (t) =>
          t
            .parameters((s) => ({ Input: { id: s.id } }))
            .resultSelector((r) => ({ shipped: r.Output.shipped }))
            .resultPath('shipping'),
        )
        .task(score),
    )
  }
  const childArn = 'arn:aws:states:us-east-1:111111111111:stateMachine:Shipping'

  test('lower whole to JSONPath', () => {
    expect(callbacks('JSONPath', []).toAsl()).toStrictEqual({
      StartAt: 'ManualReview',
      States: {
        ManualReview: {
          Type: 'Task',
          Resource: 'arn:aws:states:us-east-1:111111111111:activity:ManualReview',
          ResultPath: '$.review',
          Next: 'Publish',
        },
        Publish: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sns:publish.waitForTaskToken',
          Parameters: {
            TopicArn: topicArn,
            Message: { 'token.$': '$$.Task.Token', 'id.$': '$.id' },
          },
          ResultPath: '$.approval',
          TimeoutSeconds: 3600,
          HeartbeatSeconds: 60,
          Next: 'StartAsync',
        },
        StartAsync: {
          Type: 'Task',
          Resource: 'arn:aws:states:::states:startExecution',
          Parameters: { StateMachineArn: childArn, Input: { 'id.$': '$.id' } },
          ResultSelector: { 'arn.$': '$.ExecutionArn' },
          ResultPath: '$.started',
          Next: 'StartShipping',
        },
        StartShipping: {
          Type: 'Task',
          Resource: 'arn:aws:states:::states:startExecution.sync:2',
          Parameters: { StateMachineArn: childArn, Input: { 'id.$': '$.id' } },
          ResultSelector: { 'shipped.$': '$.Output.shipped' },
          ResultPath: '$.shipping',
          Next: 'Score',
        },
        Score: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: scoreArn, 'Payload.$': '$' },
          OutputPath: '$.Payload',
          End: true,
        },
      },
      QueryLanguage: 'JSONPath',
    })
  })

  test('lower whole to JSONata', () => {
    expect(callbacks('JSONata', []).toAsl()).toStrictEqual({
      StartAt: 'ManualReview',
      States: {
        ManualReview: {
          Type: 'Task',
          Resource: 'arn:aws:states:us-east-1:111111111111:activity:ManualReview',
          Output: '{% $merge([$states.input, {"review": $states.result}]) %}',
          Next: 'Publish',
        },
        Publish: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sns:publish.waitForTaskToken',
          Arguments: {
            TopicArn: topicArn,
            Message: { token: '{% $states.context.Task.Token %}', id: '{% $states.input.id %}' },
          },
          Output: '{% $merge([$states.input, {"approval": $states.result}]) %}',
          TimeoutSeconds: 3600,
          HeartbeatSeconds: 60,
          Next: 'StartAsync',
        },
        StartAsync: {
          Type: 'Task',
          Resource: 'arn:aws:states:::states:startExecution',
          Arguments: { StateMachineArn: childArn, Input: { id: '{% $states.input.id %}' } },
          Output:
            '{% $merge([$states.input, {"started": {"arn": $states.result.ExecutionArn}}]) %}',
          Next: 'StartShipping',
        },
        StartShipping: {
          Type: 'Task',
          Resource: 'arn:aws:states:::states:startExecution.sync:2',
          Arguments: { StateMachineArn: childArn, Input: { id: '{% $states.input.id %}' } },
          Output:
            '{% $merge([$states.input, {"shipping": {"shipped": $states.result.Output.shipped}}]) %}',
          Next: 'Score',
        },
        Score: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Arguments: { FunctionName: scoreArn, Payload: '{% $states.input %}' },
          Output: '{% $states.result.Payload %}',
          End: true,
        },
      },
      QueryLanguage: 'JSONata',
    })
  })

  test.each(languages)(
    'in %s, the activity answers, the callback waits for its token, both children run, the Payload is unwrapped',
    async (language) => {
      const sent: unknown[] = []
      const outputs: unknown[] = []
      const execution = start(callbacks(language, sent), order, {
        stateMachines: { Shipping: child },
        onEvent: (event) => {
          const details = event.stateExitedEventDetails
          if (details !== undefined) outputs.push(JSON.parse(String(details['output'])))
        },
      })

      const token = await execution.nextTaskToken()
      execution.sendTaskSuccess(token, { approved: true })
      const result = await execution.done

      expect(result.status).toBe('SUCCEEDED')
      expect(sent).toStrictEqual([{ TopicArn: topicArn, Message: { token, id: 'o1' } }])
      expect(enteredStates(result.history)).toStrictEqual([
        'ManualReview',
        'Publish',
        'StartAsync',
        'StartShipping',
        'Score',
      ])
      expect(outputs.at(-2)).toStrictEqual({
        ...order,
        review: { ok: true },
        approval: { approved: true },
        started: { arn: expect.stringContaining(':execution:Shipping:') },
        shipping: { shipped: 'o1' },
      })
      expect(result.output).toStrictEqual({ score: 5 })
    },
  )

  test.each(languages)(
    'in %s, a callback nobody answers fails after HeartbeatSeconds with States.Timeout (as AWS reports it)',
    async (language) => {
      const result = await run(callbacks(language, []), order, {
        stateMachines: { Shipping: child },
      })

      expect(result).toMatchObject({ status: 'FAILED', error: 'States.Timeout' })
      expect(result.elapsedMs).toBe(60_000)
      expect(enteredStates(result.history)).toStrictEqual(['ManualReview', 'Publish'])
    },
  )
})
