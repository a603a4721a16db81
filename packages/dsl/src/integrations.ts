import type { TaskHandler, TaskHandlerContext } from '@statewright/asl'
import type { z, ZodType } from 'zod'
import type { HandlerResult, TaskDefinition } from './define-task.ts'
import { DslError } from './errors.ts'
import type { TaskResource } from './ir/task-node.ts'
import { createRef, type ValueRef } from './ref.ts'
import { toValueNode } from './template.ts'

/** Options every integration helper takes. */
export interface IntegrationOptions<TInput, TOutput> {
  /** The Task state's name (default: a name derived from the integration). */
  readonly name?: string
  /** A local stand-in for the service, run by `run()` in tests. */
  readonly handler?: (input: TInput, context: TaskHandlerContext) => HandlerResult<TOutput>
}

// `never` types: the caller's signature says what the definition accepts and returns.
const definition = (
  stateName: string,
  resource: TaskResource,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  options: IntegrationOptions<any, any>,
  preset?: Record<string, unknown>,
): TaskDefinition<never, never> =>
  Object.freeze({
    stateName: options.name ?? stateName,
    resource: Object.freeze(resource),
    ...(options.handler === undefined ? {} : { handler: options.handler as TaskHandler }),
    ...(preset === undefined ? {} : { parameters: toValueNode(preset) }),
  })

const pascal = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)

/**
 * Any AWS SDK action (`arn:aws:states:::aws-sdk:<service>:<action>`), typed by the request and response you
 * declare (as TS types, or zod schemas given as `input`/`output`).
 * @example
 * const list = awsSdk<{ Bucket: string }, { Contents?: { Key: string }[] }>('s3', 'listObjectsV2')
 * // "Resource": "arn:aws:states:::aws-sdk:s3:listObjectsV2"
 */
export function awsSdk<TRequest, TResponse>(
  service: string,
  action: string,
  options: IntegrationOptions<TRequest, TResponse> & {
    readonly input?: ZodType
    readonly output?: ZodType
  } = {},
): TaskDefinition<TRequest, TResponse> {
  if (!/^[a-z0-9-]+$/.test(service) || !/^[a-z][A-Za-z0-9]*$/.test(action)) {
    throw new DslError(
      'SFN104',
      `awsSdk('${service}', '${action}'): the service is lower-case (like 's3') and the action camelCase (like 'listObjectsV2').`,
    )
  }
  const made = definition(
    `${pascal(service)}${pascal(action)}`,
    { kind: 'arn', arn: `arn:aws:states:::aws-sdk:${service}:${action}` },
    options,
  )
  return Object.freeze({
    ...made,
    ...(options.input === undefined ? {} : { input: options.input }),
    ...(options.output === undefined ? {} : { output: options.output }),
  })
}

/** SQS SendMessage request (the fields Step Functions passes through). */
export interface SqsSendMessageRequest<TBody> {
  readonly QueueUrl: string
  readonly MessageBody: TBody
  readonly DelaySeconds?: number
  readonly MessageGroupId?: string
  readonly MessageDeduplicationId?: string
  readonly MessageAttributes?: Record<string, { DataType: string; StringValue?: string }>
}
export interface SqsSendMessageResponse {
  readonly MessageId: string
  readonly MD5OfMessageBody: string
  readonly SequenceNumber?: string
}

/**
 * SQS SendMessage (`arn:aws:states:::sqs:sendMessage`). Build the request with `parameters()`; `queueUrl`
 * fixes `QueueUrl`.
 * @example
 * start.task(sqsSendMessage<Order>({ queueUrl }), (t) => t.parameters((s) => ({ MessageBody: s })))
 * // "Parameters": { "QueueUrl": "https://…", "MessageBody.$": "$" }
 */
export function sqsSendMessage<TBody>(
  options: IntegrationOptions<SqsSendMessageRequest<TBody>, SqsSendMessageResponse> & {
    readonly queueUrl: string
  },
): TaskDefinition<Omit<SqsSendMessageRequest<TBody>, 'QueueUrl'>, SqsSendMessageResponse> {
  return definition(
    'SendMessage',
    { kind: 'arn', arn: 'arn:aws:states:::sqs:sendMessage' },
    options as IntegrationOptions<unknown, unknown>,
    { QueueUrl: options.queueUrl },
  )
}

export interface SnsPublishRequest {
  readonly TopicArn?: string
  readonly Message: unknown
  readonly Subject?: string
  readonly MessageGroupId?: string
  readonly MessageAttributes?: Record<string, { DataType: string; StringValue?: string }>
}
export interface SnsPublishResponse {
  readonly MessageId: string
  readonly SequenceNumber?: string
}

/**
 * SNS Publish (`arn:aws:states:::sns:publish`); `topicArn` fixes `TopicArn`.
 * @example
 * start.task(snsPublish({ topicArn }), (t) => t.parameters((s) => ({ Message: format('Order {} shipped', s.id) })))
 * // "Parameters": { "TopicArn": "arn:aws:sns:…", "Message.$": "States.Format('Order {} shipped', $.id)" }
 */
export function snsPublish(
  options: IntegrationOptions<SnsPublishRequest, SnsPublishResponse> & {
    readonly topicArn: string
  },
): TaskDefinition<Omit<SnsPublishRequest, 'TopicArn'>, SnsPublishResponse> {
  return definition(
    'Publish',
    { kind: 'arn', arn: 'arn:aws:states:::sns:publish' },
    options as IntegrationOptions<unknown, unknown>,
    { TopicArn: options.topicArn },
  )
}

/** A DynamoDB attribute value in the service's JSON shape (`{ "S": "x" }`, `{ "N": "1" }`, …). */
export type AttributeValue =
  | { readonly S: string }
  | { readonly N: string }
  | { readonly BOOL: boolean }
  | { readonly NULL: true }
  | { readonly SS: readonly string[] }
  | { readonly NS: readonly string[] }
  | { readonly L: readonly AttributeValue[] }
  | { readonly M: Readonly<Record<string, AttributeValue>> }

/** A DynamoDB item or key: attribute name → attribute value. */
export type DynamoItem = Readonly<Record<string, AttributeValue>>

export interface DynamoGetItemRequest {
  readonly Key: DynamoItem
  readonly ConsistentRead?: boolean
  readonly ProjectionExpression?: string
  readonly ExpressionAttributeNames?: Readonly<Record<string, string>>
}
export interface DynamoPutItemRequest {
  readonly Item: DynamoItem
  readonly ConditionExpression?: string
  readonly ExpressionAttributeNames?: Readonly<Record<string, string>>
  readonly ExpressionAttributeValues?: DynamoItem
}
export interface DynamoUpdateItemRequest {
  readonly Key: DynamoItem
  readonly UpdateExpression: string
  readonly ConditionExpression?: string
  readonly ExpressionAttributeNames?: Readonly<Record<string, string>>
  readonly ExpressionAttributeValues?: DynamoItem
  readonly ReturnValues?: 'NONE' | 'ALL_OLD' | 'UPDATED_OLD' | 'ALL_NEW' | 'UPDATED_NEW'
}

/**
 * DynamoDB GetItem (`arn:aws:states:::dynamodb:getItem`); the result's `Item` is typed as `TItem`.
 * @example
 * start.task(dynamoGetItem<{ id: { S: string } }>({ tableName: 'Orders' }), (t) =>
 *   t.parameters((s) => ({ Key: { id: { S: s.orderId } } })))
 * // "Parameters": { "TableName": "Orders", "Key": { "id": { "S.$": "$.orderId" } } }
 */
export function dynamoGetItem<TItem extends DynamoItem = DynamoItem>(
  options: IntegrationOptions<DynamoGetItemRequest, { Item?: TItem }> & {
    readonly tableName: string
  },
): TaskDefinition<DynamoGetItemRequest, { Item?: TItem }> {
  return definition(
    'GetItem',
    { kind: 'arn', arn: 'arn:aws:states:::dynamodb:getItem' },
    options as IntegrationOptions<unknown, unknown>,
    { TableName: options.tableName },
  )
}

/**
 * DynamoDB PutItem (`arn:aws:states:::dynamodb:putItem`).
 * @example
 * start.task(dynamoPutItem({ tableName: 'Orders' }), (t) => t.parameters((s) => ({ Item: { id: { S: s.id } } })))
 * // "Parameters": { "TableName": "Orders", "Item": { "id": { "S.$": "$.id" } } }
 */
export function dynamoPutItem(
  options: IntegrationOptions<DynamoPutItemRequest, Record<string, unknown>> & {
    readonly tableName: string
  },
): TaskDefinition<DynamoPutItemRequest, Record<string, unknown>> {
  return definition(
    'PutItem',
    { kind: 'arn', arn: 'arn:aws:states:::dynamodb:putItem' },
    options as IntegrationOptions<unknown, unknown>,
    { TableName: options.tableName },
  )
}

/**
 * DynamoDB UpdateItem (`arn:aws:states:::dynamodb:updateItem`); `Attributes` holds what `ReturnValues` asks.
 * @example
 * start.task(dynamoUpdateItem({ tableName: 'Orders' }), (t) => t.parameters((s) => ({
 *   Key: { id: { S: s.id } }, UpdateExpression: 'SET #s = :s',
 *   ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':s': { S: 'PAID' } } })))
 */
export function dynamoUpdateItem<TAttributes extends DynamoItem = DynamoItem>(
  options: IntegrationOptions<DynamoUpdateItemRequest, { Attributes?: TAttributes }> & {
    readonly tableName: string
  },
): TaskDefinition<DynamoUpdateItemRequest, { Attributes?: TAttributes }> {
  return definition(
    'UpdateItem',
    { kind: 'arn', arn: 'arn:aws:states:::dynamodb:updateItem' },
    options as IntegrationOptions<unknown, unknown>,
    { TableName: options.tableName },
  )
}

/** One EventBridge event entry. */
export interface EventEntry<TDetail> {
  readonly Detail: TDetail
  readonly DetailType: string
  readonly Source: string
  readonly EventBusName?: string
  readonly Resources?: readonly string[]
}
export interface PutEventsResponse {
  readonly Entries: readonly { readonly EventId?: string; readonly ErrorCode?: string }[]
  readonly FailedEntryCount: number
}

/**
 * EventBridge PutEvents (`arn:aws:states:::events:putEvents`), typed by the events' detail.
 * @example
 * start.task(eventBridgePutEvents<Order>(), (t) => t.parameters((s) => ({
 *   Entries: [{ Detail: s, DetailType: 'OrderPlaced', Source: 'shop' }] })))
 */
export function eventBridgePutEvents<TDetail>(
  options: IntegrationOptions<{ Entries: readonly EventEntry<TDetail>[] }, PutEventsResponse> = {},
): TaskDefinition<{ readonly Entries: readonly EventEntry<TDetail>[] }, PutEventsResponse> {
  return definition(
    'PutEvents',
    { kind: 'arn', arn: 'arn:aws:states:::events:putEvents' },
    options as IntegrationOptions<unknown, unknown>,
  )
}

/** What a child workflow looks like to `startExecution`: its name and types (a `Workflow` fits). */
export interface ChildWorkflow<TInput, TOutput> {
  readonly '~types'?: { readonly input: TInput; readonly output: TOutput }
  readonly name: string
  toIr(): {
    readonly target: {
      readonly region?: string
      readonly account?: string
      readonly partition?: string
    }
  }
}

/** The result of `states:startExecution.sync:2`: the child's output as JSON. */
export interface SyncExecutionResult<TOutput> {
  readonly ExecutionArn: string
  readonly Output: TOutput
  readonly Status: 'SUCCEEDED'
  readonly StartDate: number
  readonly StopDate: number
  readonly StateMachineArn: string
}

/** What `states:startExecution` receives. */
export interface StartExecutionRequest<TInput> {
  readonly StateMachineArn: string
  readonly Input: TInput
  readonly Name?: string
}

/** The result of `states:startExecution` (request-response): the execution started. */
export interface StartExecutionResult {
  readonly ExecutionArn: string
  readonly StartDate: string
}

/**
 * Starts a child workflow (`arn:aws:states:::states:startExecution`). With `sync: true` it waits for the
 * child (`.sync:2`) and the result's `Output` is typed by the child's output; otherwise it returns at once.
 * `Input` must fit the child's input.
 * @example
 * start.task(startExecution(shipping, { sync: true }), (t) => t.parameters((s) => ({ Input: s.order })))
 * // "Resource": "arn:aws:states:::states:startExecution.sync:2",
 * // "Parameters": { "StateMachineArn": "arn:aws:states:…:stateMachine:Shipping", "Input.$": "$.order" }
 */
export function startExecution<TInput, TOutput>(
  child: ChildWorkflow<TInput, TOutput>,
  options: IntegrationOptions<
    StartExecutionRequest<TInput>,
    Partial<SyncExecutionResult<TOutput>>
  > & {
    readonly sync: true
  },
): TaskDefinition<{ readonly Input: TInput; readonly Name?: string }, SyncExecutionResult<TOutput>>
export function startExecution<TInput, TOutput>(
  child: ChildWorkflow<TInput, TOutput>,
  options?: IntegrationOptions<StartExecutionRequest<TInput>, Partial<StartExecutionResult>> & {
    readonly sync?: false
  },
): TaskDefinition<{ readonly Input: TInput; readonly Name?: string }, StartExecutionResult>
export function startExecution(
  child: ChildWorkflow<unknown, unknown>,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  options: IntegrationOptions<any, unknown> & { readonly sync?: boolean } = {},
): TaskDefinition<unknown, unknown> {
  const target = child.toIr().target
  const arn =
    target.region === undefined || target.account === undefined
      ? `\${${child.name.replace(/[^A-Za-z0-9]/g, '')}StateMachineArn}`
      : `arn:${target.partition ?? 'aws'}:states:${target.region}:${target.account}:stateMachine:${child.name}`
  const resource = `arn:aws:states:::states:startExecution${options.sync === true ? '.sync:2' : ''}`
  return definition(`Start${pascal(child.name)}`, { kind: 'arn', arn: resource }, options, {
    StateMachineArn: arn,
  })
}

/** The HTTP Task's response (ASL-SPEC §12.6). */
export interface HttpResponse<TBody> {
  readonly ResponseBody: TBody
  readonly StatusCode: number
  readonly StatusText: string
  readonly Headers: Readonly<Record<string, string>>
}
export interface HttpRequest {
  readonly Headers?: Readonly<Record<string, string>>
  readonly QueryParameters?: Readonly<Record<string, string>>
  readonly RequestBody?: unknown
  readonly Transform?: {
    readonly RequestBodyEncoding?: 'NONE' | 'URL_ENCODED'
    readonly RequestEncodingOptions?: {
      readonly ArrayFormat?: 'INDICES' | 'REPEAT' | 'COMMAS' | 'BRACKETS'
    }
  }
}

/**
 * An HTTP Task (`arn:aws:states:::http:invoke`) calling a third-party API through an EventBridge connection.
 * @example
 * start.task(httpInvoke<{ id: string }>({ apiEndpoint: 'https://api.example.com/orders', method: 'POST',
 *   connectionArn }), (t) => t.parameters((s) => ({ RequestBody: s.order })))
 */
export function httpInvoke<TResponseBody>(
  options: IntegrationOptions<HttpRequest, HttpResponse<TResponseBody>> & {
    readonly apiEndpoint: string
    readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS'
    readonly connectionArn: string
  },
): TaskDefinition<HttpRequest, HttpResponse<TResponseBody>> {
  return definition(
    'CallApi',
    { kind: 'arn', arn: 'arn:aws:states:::http:invoke' },
    options as IntegrationOptions<unknown, unknown>,
    {
      ApiEndpoint: options.apiEndpoint,
      Method: options.method,
      Authentication: { ConnectionArn: options.connectionArn },
    },
  )
}

/**
 * An activity worker task (`arn:aws:states:<region>:<account>:activity:<name>`), typed by zod schemas. Its
 * task token is `taskToken()`.
 * @example
 * const review = activity('ManualReview', { input: Order, output: z.object({ approved: z.boolean() }) })
 * // "Resource": "arn:aws:states:us-east-1:123456789012:activity:ManualReview"
 */
export function activity<TInputSchema extends ZodType, TOutputSchema extends ZodType>(
  activityName: string,
  options: IntegrationOptions<z.output<TInputSchema>, z.input<TOutputSchema>> & {
    readonly input: TInputSchema
    readonly output: TOutputSchema
  },
): TaskDefinition<z.input<TInputSchema>, z.output<TOutputSchema>> {
  return Object.freeze({
    ...definition(
      activityName.slice(activityName.lastIndexOf(':') + 1),
      { kind: 'activity', activityName },
      options as IntegrationOptions<unknown, unknown>,
    ),
    input: options.input,
    output: options.output,
  })
}

declare const taskTokenBrand: unique symbol
/**
 * A task token: a string only callback tasks and activities receive (`$$.Task.Token`).
 * @example
 * const Message = z.object({ token: z.string().transform((t) => t as TaskToken) })
 */
export type TaskToken = string & { readonly [taskTokenBrand]: true }

/**
 * The task token of a `.waitForTaskToken` task (`$$.Task.Token` / `$states.context.Task.Token`), as a typed
 * reference to put in the request; using it in any other task is refused (SFN107).
 * @example
 * t.parameters((s) => ({ MessageBody: { order: s, token: taskToken() } }))
 * // "MessageBody": { "order.$": "$", "token.$": "$$.Task.Token" }
 */
export const taskToken = (): ValueRef<TaskToken> =>
  createRef<TaskToken>('context', ['Task', 'Token'])

/**
 * The callback form of an integration (`<resource>.waitForTaskToken`): the task pauses until someone calls
 * SendTaskSuccess with the token; the result is what they send, typed by `output`.
 * @example
 * const askApproval = waitForTaskToken(sqsSendMessage({ queueUrl }), { output: Approval })
 * // "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken"
 */
export function waitForTaskToken<TInput, TResponse, TOutputSchema extends ZodType>(
  definition: TaskDefinition<TInput, TResponse>,
  options: {
    /** What the callback sends back with SendTaskSuccess: the task's result. */
    readonly output: TOutputSchema
    /**
     * A local stand-in for the service call (e.g. sending the message): it answers as the service does
     * (SQS SendMessage's `{ MessageId, … }`), or returns nothing. That response is not the task's result,
     * as on AWS: the task waits, and its result is what `sendTaskSuccess(token, …)` sends.
     */
    readonly handler?: (
      input: TInput,
      context: TaskHandlerContext,
    ) => NoInfer<TResponse> | void | Promise<NoInfer<TResponse> | void>
  },
): TaskDefinition<TInput, z.output<TOutputSchema>> {
  const { resource } = definition
  if (
    resource.kind !== 'arn' ||
    !resource.arn.startsWith('arn:aws:states:::') ||
    /\.(sync|waitForTaskToken)/.test(resource.arn)
  ) {
    throw new DslError(
      'SFN104',
      'waitForTaskToken() needs a service integration (sqsSendMessage(), snsPublish(), awsSdk(), lambdaInvoke(), …) without .sync or .waitForTaskToken already.',
    )
  }
  return Object.freeze({
    ...definition,
    resource: Object.freeze({ kind: 'arn', arn: `${resource.arn}.waitForTaskToken` }),
    output: options.output,
    ...(options.handler === undefined ? {} : { handler: options.handler as TaskHandler }),
  }) as TaskDefinition<TInput, z.output<TOutputSchema>>
}
