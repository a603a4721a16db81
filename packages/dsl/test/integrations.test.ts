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
  lambda,
  snsPublish,
  sqsSendMessage,
  startExecution,
  task,
  taskToken,
  waitForTaskToken,
  workflow,
} from '../src/index.ts'
import { substitutionsOf } from '../src/ir/index.ts'

const aws = { region: 'us-east-1', account: '123456789012' } as const
const Order = z.object({ id: z.string(), email: z.string(), total: z.number() })
const queueUrl = 'https://sqs.us-east-1.amazonaws.com/123456789012/orders'

describe('service integrations', () => {
  test('SQS, SNS, DynamoDB and EventBridge helpers write their resource and fixed parameters', () => {
    const flow = workflow('Services', { input: Order, ...aws }, (start) =>
      start
        .task(sqsSendMessage<{ id: string }>({ queueUrl }), (t) =>
          t.parameters((s) => ({ MessageBody: { id: s.id } })).resultPath(null),
        )
        .task(snsPublish({ topicArn: 'arn:aws:sns:us-east-1:123456789012:orders' }), (t) =>
          t.parameters((s) => ({ Message: s.email, Subject: 'Order' })).resultPath(null),
        )
        .task(dynamoGetItem<{ id: { S: string } }>({ tableName: 'Orders' }), (t) =>
          t.parameters((s) => ({ Key: { id: { S: s.id } } })).resultPath('existing'),
        )
        .task(dynamoPutItem({ tableName: 'Orders' }), (t) =>
          t.parameters((s) => ({ Item: { id: { S: s.id } } })).resultPath(null),
        )
        .task(dynamoUpdateItem({ tableName: 'Orders' }), (t) =>
          t
            .parameters((s) => ({
              Key: { id: { S: s.id } },
              UpdateExpression: 'SET #s = :s',
              ExpressionAttributeNames: { '#s': 'status' },
              ExpressionAttributeValues: { ':s': { S: 'PAID' } },
            }))
            .resultPath(null),
        )
        .task(eventBridgePutEvents<{ id: string }>(), (t) =>
          t.parameters((s) => ({
            Entries: [{ Detail: { id: s.id }, DetailType: 'OrderPaid', Source: 'shop' }],
          })),
        ),
    )

    expect(flow.toAsl().States).toStrictEqual({
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
        Parameters: {
          TopicArn: 'arn:aws:sns:us-east-1:123456789012:orders',
          'Message.$': '$.email',
          Subject: 'Order',
        },
        ResultPath: null,
        Next: 'GetItem',
      },
      GetItem: {
        Type: 'Task',
        Resource: 'arn:aws:states:::dynamodb:getItem',
        Parameters: { TableName: 'Orders', Key: { id: { 'S.$': '$.id' } } },
        ResultPath: '$.existing',
        Next: 'PutItem',
      },
      PutItem: {
        Type: 'Task',
        Resource: 'arn:aws:states:::dynamodb:putItem',
        Parameters: { TableName: 'Orders', Item: { id: { 'S.$': '$.id' } } },
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
        End: true,
      },
    })
  })

  test('aws-sdk, HTTP Task, activity and a nested .sync:2 execution', () => {
    const child = workflow('Shipping', { input: z.object({ id: z.string() }), ...aws }, (start) =>
      start.pass('Ship'),
    )
    const review = activity('ManualReview', { input: Order, output: z.object({ ok: z.boolean() }) })
    const flow = workflow('More', { input: Order, queryLanguage: 'JSONata', ...aws }, (start) =>
      start
        .task(
          awsSdk<{ Bucket: string }, { Contents: { Key: string }[] }>('s3', 'listObjectsV2'),
          (t) => t.parameters(() => ({ Bucket: 'in' })).resultPath('listing'),
        )
        .task(
          httpInvoke<{ ok: boolean }>({
            apiEndpoint: 'https://api.example.com/orders',
            method: 'POST',
            connectionArn: 'arn:aws:events:us-east-1:123456789012:connection/api/1',
          }),
          (t) => t.parameters((s) => ({ RequestBody: { id: s.id } })).resultPath('http'),
        )
        .task(startExecution(child, { sync: true }), (t) =>
          t.parameters((s) => ({ Input: { id: s.id } })).resultPath('shipping'),
        )
        .task(review, (t) => t.parameters((s) => ({ id: s.id, email: s.email, total: s.total }))),
    )

    expect(flow.toAsl().States).toStrictEqual({
      S3ListObjectsV2: {
        Type: 'Task',
        Resource: 'arn:aws:states:::aws-sdk:s3:listObjectsV2',
        Arguments: { Bucket: 'in' },
        Output: '{% $merge([$states.input, {"listing": $states.result}]) %}',
        Next: 'CallApi',
      },
      CallApi: {
        Type: 'Task',
        Resource: 'arn:aws:states:::http:invoke',
        Arguments: {
          ApiEndpoint: 'https://api.example.com/orders',
          Method: 'POST',
          Authentication: {
            ConnectionArn: 'arn:aws:events:us-east-1:123456789012:connection/api/1',
          },
          RequestBody: { id: '{% $states.input.id %}' },
        },
        Output: '{% $merge([$states.input, {"http": $states.result}]) %}',
        Next: 'StartShipping',
      },
      StartShipping: {
        Type: 'Task',
        Resource: 'arn:aws:states:::states:startExecution.sync:2',
        Arguments: {
          StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Shipping',
          Input: { id: '{% $states.input.id %}' },
        },
        Output: '{% $merge([$states.input, {"shipping": $states.result}]) %}',
        Next: 'ManualReview',
      },
      ManualReview: {
        Type: 'Task',
        Resource: 'arn:aws:states:us-east-1:123456789012:activity:ManualReview',
        Arguments: {
          id: '{% $states.input.id %}',
          email: '{% $states.input.email %}',
          total: '{% $states.input.total %}',
        },
        End: true,
      },
    })
  })

  test('waitForTaskToken() passes the typed task token; other tasks may not', () => {
    const askApproval = waitForTaskToken(
      sqsSendMessage<{ token: string; id: string }>({ queueUrl }),
      {
        output: z.object({ approved: z.boolean() }),
      },
    )
    const flow = workflow('Approval', { input: Order, ...aws }, (start) =>
      start.task(askApproval, (t) =>
        t.parameters((s) => ({ MessageBody: { token: taskToken(), id: s.id } })).timeout(86_400),
      ),
    )

    expect(flow.toAsl().States['SendMessage']).toStrictEqual({
      Type: 'Task',
      Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
      Parameters: {
        QueueUrl: queueUrl,
        MessageBody: { 'token.$': '$$.Task.Token', 'id.$': '$.id' },
      },
      TimeoutSeconds: 86_400,
      End: true,
    })
    expect(() =>
      task(sqsSendMessage<{ token: string }>({ queueUrl })).parameters(() => ({
        MessageBody: { token: taskToken() },
      })),
    ).toThrow(
      "SFN107: 'SendMessage' passes the task token, but only .waitForTaskToken tasks and activities get one: wrap the definition with waitForTaskToken().",
    )
  })
})

describe('substitutions', () => {
  test('lists the Lambda, activity and child state machine ARNs a workflow without region/account leaves open', () => {
    const child = workflow('Child', { input: z.object({ id: z.string() }) }, (start) =>
      start.pass('Done'),
    )
    const review = activity('Review', { input: Order, output: Order })
    const notify = lambda('NotifyFunction', { input: Order, output: Order })
    const flow = workflow('Open', { input: Order }, (start) =>
      start
        .task(startExecution(child), (t) =>
          t.parameters((s) => ({ Input: { id: s.id } })).resultPath(null),
        )
        .next(task(review))
        .next(task(notify)),
    )

    expect(substitutionsOf(flow.toIr())).toStrictEqual({
      ChildStateMachineArn: { kind: 'state-machine-arn', functionName: 'Child' },
      ReviewActivityArn: { kind: 'activity-arn', functionName: 'Review' },
      NotifyFunctionArn: { kind: 'lambda-function-arn', functionName: 'NotifyFunction' },
    })
  })
})
