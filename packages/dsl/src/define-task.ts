import type { TaskHandler, TaskHandlerContext } from '@statewright/asl'
import type { z, ZodType } from 'zod'
import type { TaskResource } from './ir/task-node.ts'
import type { ValueNode } from './ir/value-node.ts'

/**
 * Something a Task can call, with its data contract: the input it accepts and the result it returns, as zod
 * schemas, plus an optional local handler (the real code) that tests run in process.
 * @example
 * const charge: TaskDefinition<Order, Payment> = lambda('ChargeFunction', { input: Order, output: Payment })
 */
export interface TaskDefinition<TInput, TOutput> {
  readonly '~types'?: { readonly input: TInput; readonly output: TOutput }
  /** The state name `task(definition)` uses unless given another. */
  readonly stateName: string
  readonly resource: TaskResource
  /** The input schema, when the task declares one with zod (integration helpers declare TS types only). */
  readonly input?: ZodType
  readonly output?: ZodType
  readonly handler?: TaskHandler
  /** Fixed Parameters/Arguments the integration needs (e.g. `FunctionName`), set before the user's own. */
  readonly parameters?: ValueNode
}

/** What a local handler may return: the result or a promise of it. */
export type HandlerResult<T> = T | Promise<T>

/** Options of `lambda()`. */
export interface LambdaOptions<TInputSchema extends ZodType, TOutputSchema extends ZodType> {
  /** What the function accepts; the previous state's output must fit it. */
  readonly input: TInputSchema
  /** What the function returns. */
  readonly output: TOutputSchema
  /** The function's code, run in place of AWS Lambda by `run()` in tests. */
  readonly handler?: (
    input: z.output<TInputSchema>,
    context: TaskHandlerContext,
  ) => HandlerResult<z.input<TOutputSchema>>
  /** The Task state's name; by default the function name without a trailing `Function`. */
  readonly stateName?: string
}

/** Drops a trailing `Function` (`ProcessPaymentFunction` → `ProcessPayment`), the usual CFN naming. */
const defaultStateName = (functionName: string): string => {
  const base = functionName.slice(functionName.lastIndexOf(':') + 1)
  return /^.+Function$/.test(base) ? base.slice(0, -'Function'.length) : base
}

/**
 * A Lambda function called directly by its ARN (`arn:aws:lambda:<region>:<account>:function:<Name>`), whose
 * result becomes the state's result as is. The ARN's region and account come from the workflow's options, or
 * stay `${<Name>Arn}` substitutions for the deployment tool.
 * @example
 * const processPayment = lambda('ProcessPaymentFunction', {
 *   input: Order,
 *   output: z.object({ paymentId: z.string() }),
 *   handler: async (order) => ({ paymentId: await charge(order) }),
 * })
 * task(processPayment)
 * // "ProcessPayment": { "Type": "Task", "Resource": "arn:aws:lambda:…:function:ProcessPaymentFunction", … }
 */
export function lambda<TInputSchema extends ZodType, TOutputSchema extends ZodType>(
  functionName: string,
  options: LambdaOptions<TInputSchema, TOutputSchema>,
): TaskDefinition<z.input<TInputSchema>, z.output<TOutputSchema>> {
  return lambdaDefinition(functionName, options, 'arn')
}

/**
 * The envelope `arn:aws:states:::lambda:invoke` returns (ASL-SPEC §12.3): the function's result is `Payload`.
 * @example
 * task(reserve).resultSelector((r) => ({ ok: r.Payload.ok })) // r: Ref<LambdaInvokeResult<{ ok: boolean }>>
 */
export interface LambdaInvokeResult<TPayload> {
  readonly Payload: TPayload
  readonly StatusCode: number
  readonly ExecutedVersion: string
  readonly SdkHttpMetadata?: unknown
  readonly SdkResponseMetadata?: unknown
}

/**
 * A Lambda function called through the optimized integration `arn:aws:states:::lambda:invoke`, with the whole
 * state input as its `Payload`. The state's result is the invoke envelope, so the next state reads
 * `Payload` — unless `unwrap: true`, which hands on `Payload` itself (`OutputPath`/`ResultSelector` in
 * JSONPath, `$states.result.Payload` in JSONata) and types the result as the output schema.
 * @example
 * const check = lambdaInvoke('CheckInventoryFunction', { input: Order, output: Stock })
 * task(check)
 * // { "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
 * //   "Parameters": { "FunctionName": "arn:aws:lambda:…:function:CheckInventoryFunction", "Payload.$": "$" }, … }
 */
export function lambdaInvoke<TInputSchema extends ZodType, TOutputSchema extends ZodType>(
  functionName: string,
  options: LambdaOptions<TInputSchema, TOutputSchema> & { readonly unwrap: true },
): TaskDefinition<z.input<TInputSchema>, z.output<TOutputSchema>>
export function lambdaInvoke<TInputSchema extends ZodType, TOutputSchema extends ZodType>(
  functionName: string,
  options: LambdaOptions<TInputSchema, TOutputSchema> & { readonly unwrap?: false },
): TaskDefinition<z.input<TInputSchema>, LambdaInvokeResult<z.output<TOutputSchema>>>
export function lambdaInvoke(
  functionName: string,
  options: LambdaOptions<ZodType, ZodType> & { readonly unwrap?: boolean },
): TaskDefinition<unknown, unknown> {
  return lambdaDefinition(functionName, options, 'invoke', options.unwrap === true)
}

function lambdaDefinition<TInput, TOutput>(
  functionName: string,
  options: LambdaOptions<ZodType, ZodType>,
  form: 'arn' | 'invoke',
  unwrap = false,
): TaskDefinition<TInput, TOutput> {
  return Object.freeze({
    stateName: options.stateName ?? defaultStateName(functionName),
    resource: Object.freeze({ kind: 'lambda', functionName, form, ...(unwrap ? { unwrap } : {}) }),
    input: options.input,
    output: options.output,
    ...(options.handler === undefined ? {} : { handler: options.handler as TaskHandler }),
  })
}

/** Options of `defineTask()`. */
export interface DefineTaskOptions<TInputSchema extends ZodType, TOutputSchema extends ZodType> {
  /** The Task state's name when `task(definition)` is not given another. */
  readonly name: string
  /** The `Resource` ARN, written as is. */
  readonly resource: string
  readonly input: TInputSchema
  readonly output: TOutputSchema
  readonly handler?: (
    input: z.output<TInputSchema>,
    context: TaskHandlerContext,
  ) => HandlerResult<z.input<TOutputSchema>>
}

/**
 * A task for any resource ARN (an activity, a service integration), typed by zod schemas.
 * @example
 * const approve = defineTask({
 *   name: 'Approve',
 *   resource: 'arn:aws:states:us-east-1:123456789012:activity:approve',
 *   input: Order,
 *   output: z.object({ approved: z.boolean() }),
 * })
 * // "Approve": { "Type": "Task", "Resource": "arn:aws:states:us-east-1:123456789012:activity:approve", … }
 */
export function defineTask<TInputSchema extends ZodType, TOutputSchema extends ZodType>(
  options: DefineTaskOptions<TInputSchema, TOutputSchema>,
): TaskDefinition<z.input<TInputSchema>, z.output<TOutputSchema>> {
  return Object.freeze({
    stateName: options.name,
    resource: Object.freeze({ kind: 'arn', arn: options.resource }),
    input: options.input,
    output: options.output,
    ...(options.handler === undefined ? {} : { handler: options.handler as TaskHandler }),
  })
}
