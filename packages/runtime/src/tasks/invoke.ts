import type { JsonValue, TaskHandler, TaskHandlerContext } from '@statewright/asl'
import { StatesError } from '../errors.ts'
import { isJsonObject, NotJsonError, toJsonValue, toMeasuredJsonValue } from '../json.ts'
import type { TaskResource } from './resource.ts'

/**
 * The handler for a Task: by state name, then Lambda function name (or `FunctionName` of
 * `lambda:invoke`), then the full resource ARN, then the resource without its pattern suffix.
 */
export function findHandler(
  handlers: Readonly<Record<string, TaskHandler>>,
  stateName: string,
  resource: TaskResource,
  parameters: JsonValue,
): TaskHandler | undefined {
  const candidates: string[] = [stateName]
  if (resource.kind === 'lambda-function') candidates.push(resource.functionName)
  if (resource.kind === 'activity') candidates.push(resource.name)
  if (
    resource.kind === 'service' &&
    resource.resourceType === 'lambda' &&
    isJsonObject(parameters)
  ) {
    const fn = parameters.FunctionName
    if (typeof fn === 'string') {
      candidates.push(fn)
      const name = /:function:([^:]+)/.exec(fn)?.[1]
      if (name !== undefined) candidates.push(name)
    }
  }
  candidates.push(resource.arn)
  if (resource.kind === 'service') {
    candidates.push(
      resource.arn.slice(0, resource.arn.length - resource.resource.length) + resource.action,
    )
  }
  for (const key of candidates) {
    if (Object.hasOwn(handlers, key)) return handlers[key]
  }
  return undefined
}

/** Calls `handler` and turns whatever it returns or throws into JSON or a StatesError. */
export function callHandler(
  handler: TaskHandler,
  input: JsonValue,
  context: TaskHandlerContext,
  lambdaStyle: boolean,
  requestId?: () => string,
): JsonValue | Promise<JsonValue> {
  let value: unknown
  try {
    // Handlers get their own copy: mutating it cannot change the execution's data.
    value = handler(toJsonValue(input), context)
  } catch (error) {
    throw handlerError(error, lambdaStyle, requestId?.())
  }
  // PERF: a synchronous handler's result is used at once (no promise, no race, no timers).
  if (isThenable(value)) {
    return Promise.resolve(value).then(
      (settled) => handlerResult(settled, context),
      (error: unknown) => {
        throw handlerError(error, lambdaStyle, requestId?.())
      },
    )
  }
  return handlerResult(value, context)
}

export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  )
}

function handlerResult(value: unknown, context: TaskHandlerContext): JsonValue {
  try {
    // Measured while copied: the task checks the result against the payload quota next.
    return toMeasuredJsonValue(value)
  } catch (error) {
    if (error instanceof NotJsonError) {
      throw new StatesError(
        'States.Runtime',
        `The task handler for '${context.stateName}' returned a value that is not JSON (${error.message}).`,
      )
    }
    throw error
  }
}

/**
 * A thrown handler error as AWS reports it. A StatesError passes through (mocks raise exact AWS errors);
 * for Lambda, Error is the error's type and Cause the JSON the Lambda runtime writes.
 */
export function handlerError(
  error: unknown,
  lambdaStyle: boolean,
  requestId?: string,
): StatesError {
  if (error instanceof StatesError) return error
  let errorType = 'Error'
  let errorMessage: string
  let stack: string[] = []
  if (error instanceof Error) {
    errorType = error.name || 'Error'
    errorMessage = error.message
    stack = (error.stack ?? '')
      .split('\n')
      .slice(1)
      .map((line) => line.trim())
      .filter(Boolean)
  } else if (
    isJsonObject(error as JsonValue) &&
    typeof (error as { errorType?: unknown }).errorType === 'string'
  ) {
    const e = error as { errorType: string; errorMessage?: unknown }
    errorType = e.errorType
    errorMessage = String(e.errorMessage ?? '')
  } else if (typeof error === 'string') {
    errorType = 'string'
    errorMessage = error
  } else {
    errorMessage = safeString(error)
  }
  if (!lambdaStyle) return new StatesError(errorType, errorMessage)
  // The Lambda error payload, in the order AWS records it (corpus: error_handling/test_task_lambda).
  return new StatesError(
    errorType,
    JSON.stringify({
      errorMessage,
      errorType,
      ...(requestId !== undefined ? { requestId } : {}),
      stackTrace: stack,
    }),
  )
}

function safeString(value: unknown): string {
  try {
    return typeof value === 'object' ? JSON.stringify(value) : String(value)
  } catch {
    return Object.prototype.toString.call(value)
  }
}

/** `arn:aws:states:::lambda:invoke` wraps the function's return value (ASL-SPEC §12.3). */
export function lambdaInvokeEnvelope(payload: JsonValue, requestId: string): JsonValue {
  return {
    ExecutedVersion: '$LATEST',
    Payload: payload,
    SdkHttpMetadata: {
      AllHttpHeaders: {
        'X-Amz-Executed-Version': ['$LATEST'],
        'x-amzn-Remapped-Content-Length': ['0'],
        Connection: ['keep-alive'],
        'x-amzn-RequestId': [requestId],
        'Content-Length': [String(JSON.stringify(payload).length)],
        Date: ['Thu, 01 Jan 1970 00:00:00 GMT'],
        'X-Amzn-Trace-Id': ['Root=1-00000000-000000000000000000000000;Sampled=0'],
        'Content-Type': ['application/json'],
      },
      HttpHeaders: {
        Connection: 'keep-alive',
        'Content-Length': String(JSON.stringify(payload).length),
        'Content-Type': 'application/json',
        Date: 'Thu, 01 Jan 1970 00:00:00 GMT',
        'X-Amz-Executed-Version': '$LATEST',
        'x-amzn-Remapped-Content-Length': '0',
        'x-amzn-RequestId': requestId,
        'X-Amzn-Trace-Id': 'Root=1-00000000-000000000000000000000000;Sampled=0',
      },
      HttpStatusCode: 200,
    },
    SdkResponseMetadata: { RequestId: requestId },
    StatusCode: 200,
  }
}
