import type { JsonValue, TaskHandler } from '@statewright/asl'
import type { ExecutionEnv } from '../env.ts'
import { StatesError } from '../errors.ts'
import { isJsonObject, parseJson, type JsonObject } from '../json.ts'
import { randomUuid } from '../random.ts'
import type { TaskResource } from './resource.ts'

/**
 * @internal Starts a registered state machine in process (set by execution.ts, which owns executions;
 * kept as a hook so this module does not import it back).
 */
export interface ChildStarter {
  (
    env: ExecutionEnv,
    stateMachineArn: string,
    input: JsonValue,
    name: string,
  ): { executionArn: string; startMs: number; done: Promise<ChildOutcome> } | undefined
}

export interface ChildOutcome {
  readonly status: string
  readonly output?: JsonValue
  readonly error?: string
  readonly cause?: string
  readonly stopMs: number
}

/**
 * Integrations the runtime serves itself when no handler or mock is given: nested executions
 * (`states:startExecution`, `.sync`, `.sync:2`, `aws-sdk:sfn:startExecution`) of registered state
 * machines, and `aws-sdk:sfn:sendTaskSuccess/Failure/Heartbeat` answering this run's task tokens.
 */
export function builtinHandler(
  env: ExecutionEnv,
  resource: TaskResource,
  startChild: ChildStarter | undefined,
): TaskHandler | undefined {
  if (resource.kind !== 'service') return undefined
  const { resourceType, action, pattern } = resource
  if (
    (resourceType === 'states' || resourceType === 'aws-sdk:sfn') &&
    action === 'startExecution'
  ) {
    if (
      startChild === undefined ||
      (resourceType === 'aws-sdk:sfn' && pattern !== 'request-response')
    ) {
      return undefined
    }
    return markBuiltin((parameters: unknown) =>
      startExecution(env, resource, parameters, startChild),
    )
  }
  if (resourceType === 'aws-sdk:sfn' && pattern === 'request-response') {
    if (action === 'sendTaskSuccess') {
      return markBuiltin((p: unknown) => {
        const { TaskToken, Output } = p as { TaskToken?: string; Output?: unknown }
        answer(() => env.tokens.success(String(TaskToken), parseMaybe(Output)))
        return {}
      })
    }
    if (action === 'sendTaskFailure') {
      return markBuiltin((p: unknown) => {
        const {
          TaskToken,
          Error: error,
          Cause,
        } = p as { TaskToken?: string; Error?: string; Cause?: string }
        answer(() => env.tokens.failure(String(TaskToken), error, Cause))
        return {}
      })
    }
    if (action === 'sendTaskHeartbeat') {
      return markBuiltin((p: unknown) => {
        answer(() => env.tokens.heartbeat(String((p as { TaskToken?: string }).TaskToken)))
        return {}
      })
    }
  }
  return undefined
}

function answer(send: () => void): void {
  try {
    send()
  } catch {
    throw new StatesError(
      'Sfn.TaskTimedOutException',
      'Task Timed Out: the task token is not waiting for an answer (Service: Sfn, Status Code: 400)',
    )
  }
}

function parseMaybe(value: unknown): JsonValue {
  if (typeof value !== 'string') return (value ?? null) as JsonValue
  try {
    return parseJson(value)
  } catch {
    return value
  }
}

async function startExecution(
  env: ExecutionEnv,
  resource: Extract<TaskResource, { kind: 'service' }>,
  parameters: unknown,
  startChild: ChildStarter,
): Promise<JsonValue> {
  const p = (isJsonObject(parameters as JsonValue) ? parameters : {}) as JsonObject
  const arn = String(p.StateMachineArn ?? '')
  const input = p.Input === undefined ? {} : parseMaybe(p.Input)
  const name = typeof p.Name === 'string' ? p.Name : randomUuid(env.random)
  const child = startChild(env, arn, input, name)
  const sdk = resource.resourceType === 'aws-sdk:sfn'
  if (child === undefined) {
    throw sdk
      ? new StatesError(
          'Sfn.StateMachineDoesNotExistException',
          `State Machine Does Not Exist: '${arn}' (Service: Sfn, Status Code: 400, Request ID: ${randomUuid(env.random)})`,
        )
      : new StatesError(
          'StepFunctions.StateMachineDoesNotExistException',
          `State Machine Does Not Exist: '${arn}' (Service: AWSStepFunctions; Status Code: 400; Error Code: StateMachineDoesNotExist; Request ID: ${randomUuid(env.random)}; Proxy: null)`,
        )
  }
  if (resource.pattern === 'request-response') {
    // The child runs on by itself; the task returns at once, as StartExecution does.
    child.done.catch(() => {})
    if (sdk)
      return { ExecutionArn: child.executionArn, StartDate: new Date(child.startMs).toISOString() }
    return { ExecutionArn: child.executionArn, StartDate: child.startMs }
  }
  const outcome = await child.done
  const parsed = resource.pattern === 'sync:2'
  const description: JsonObject = {}
  if (outcome.cause !== undefined) description.Cause = outcome.cause
  if (outcome.error !== undefined) description.Error = outcome.error
  description.ExecutionArn = child.executionArn
  description.Input = parsed ? input : JSON.stringify(input)
  description.InputDetails = { Included: true }
  description.Name = name
  if (outcome.status === 'SUCCEEDED') {
    description.Output = parsed ? (outcome.output ?? null) : JSON.stringify(outcome.output ?? null)
    description.OutputDetails = { Included: true }
    description.RedriveCount = 0
    description.RedriveStatus = 'NOT_REDRIVABLE'
    description.RedriveStatusReason = 'Execution is SUCCEEDED and cannot be redriven'
  }
  description.StartDate = child.startMs
  description.StateMachineArn = arn
  description.Status = outcome.status
  description.StopDate = outcome.stopMs
  if (outcome.status === 'SUCCEEDED') return description
  // A failed, timed-out or aborted child fails the task with its description as the cause (ASL-SPEC §9.1).
  throw new StatesError('States.TaskFailed', JSON.stringify(description))
}

/** Built-in handlers run on the execution's own clock: the virtual clock must not wait for them. */
export function markBuiltin(handler: TaskHandler): TaskHandler {
  return Object.assign(handler, { builtin: true as const })
}

export function isBuiltin(handler: TaskHandler | undefined): boolean {
  return handler !== undefined && 'builtin' in handler
}
