import type { AslTaskState, JsonValue, TaskHandler, TaskHandlerContext } from '@statewright/asl'
import {
  addEvent,
  asVerbatim,
  isHalted,
  locateError,
  type Frame,
  type StateContext,
} from '../env.ts'
import { StatesError } from '../errors.ts'
import { JsonText, type HistoryEventType } from '../events.ts'
import { jsonata, jsonataScope, payload, referencePath, selectIoPath } from '../io.ts'
import { payloadSize } from '../json.ts'
import { randomUuid } from '../random.ts'
import { answerResult, mockedAnswer, type MockedResponse } from '../mocks.ts'
import { callHandler, findHandler, isThenable, lambdaInvokeEnvelope } from '../tasks/invoke.ts'
import { builtinHandler, isBuiltin } from '../tasks/builtins.ts'
import { parameterProblems } from '../tasks/parameters.ts'
import { parseResource, type TaskResource } from '../tasks/resource.ts'
import { type StateHandler, type StateOutcome } from './index.ts'
import { jsonataResult, jsonPathResult } from './result.ts'

/** AWS's default Task timeout (ASL-SPEC §16: 99999999 s, not the spec's 60). */
const resources = new WeakMap<AslTaskState, TaskResource>()

/** The parsed Resource of a Task state (parsed once per definition). */
function resourceOf(state: AslTaskState): TaskResource {
  let resource = resources.get(state)
  if (resource === undefined) {
    resource = parseResource(state.Resource)
    resources.set(state, resource)
  }
  return resource
}

/** Abort reason once a task has settled (cheaper than the default DOMException). */
const SETTLED = 'settled'

/**
 * Task (ASL-SPEC §3.1, §6.3, §12): input processing, the integration (a local handler) under
 * TimeoutSeconds/HeartbeatSeconds, `.waitForTaskToken` callbacks, then result processing. PERF: a
 * JSONPath Task whose handler answers synchronously completes without a promise.
 */
export const runTask: StateHandler<AslTaskState> = (state, input, ctx) => {
  if (ctx.language === 'JSONata') return runJsonataTask(state, input, ctx)
  const resource = taskResource(state, ctx)
  const effective = selectIoPath(ctx, state.InputPath, input)
  const parameters =
    state.Parameters === undefined
      ? effective
      : payload(ctx, state.Parameters, effective, 'Parameters')
  const timeoutSeconds = secondsField(
    ctx,
    state.TimeoutSeconds,
    state.TimeoutSecondsPath,
    'TimeoutSecondsPath',
    input,
  )
  const heartbeatSeconds = secondsField(
    ctx,
    state.HeartbeatSeconds,
    state.HeartbeatSecondsPath,
    'HeartbeatSecondsPath',
    input,
  )
  checkParameters(ctx, resource, parameters)
  // Credentials (ASL-SPEC §3.1): no local effect, but history names the role the task assumed.
  const credentials =
    state.Credentials === undefined
      ? undefined
      : payload(ctx, state.Credentials, input, 'Credentials')
  const raw = invoke(
    ctx,
    state,
    resource,
    parameters,
    timeoutSeconds,
    heartbeatSeconds,
    credentials,
  )
  return isThenable(raw)
    ? raw.then((settled) => jsonPathResult(state, input, ctx, settled))
    : jsonPathResult(state, input, ctx, raw)
}

async function runJsonataTask(
  state: AslTaskState,
  input: JsonValue,
  ctx: StateContext,
): Promise<StateOutcome> {
  const resource = taskResource(state, ctx)
  const scope = jsonataScope(ctx, input)
  const parameters =
    state.Arguments === undefined ? input : await jsonata(ctx, state.Arguments, scope, 'Arguments')
  let timeoutSeconds: number | undefined
  let heartbeatSeconds: number | undefined
  if (state.TimeoutSeconds !== undefined) {
    timeoutSeconds = positiveInteger(
      ctx,
      await jsonata(ctx, state.TimeoutSeconds, scope, 'TimeoutSeconds'),
      'TimeoutSeconds',
    )
  }
  if (state.HeartbeatSeconds !== undefined) {
    heartbeatSeconds = positiveInteger(
      ctx,
      await jsonata(ctx, state.HeartbeatSeconds, scope, 'HeartbeatSeconds'),
      'HeartbeatSeconds',
    )
  }
  checkParameters(ctx, resource, parameters)
  const credentials =
    state.Credentials === undefined
      ? undefined
      : await jsonata(ctx, state.Credentials, scope, 'Credentials')
  const raw = await invoke(
    ctx,
    state,
    resource,
    parameters,
    timeoutSeconds,
    heartbeatSeconds,
    credentials,
  )
  return jsonataResult(state, input, ctx, raw)
}

/** The Task's parsed resource; a callback or activity task gets its token first ($$.Task.Token). */
function taskResource(state: AslTaskState, ctx: StateContext): TaskResource {
  const resource = resourceOf(state)
  if (
    (resource.kind === 'service' && resource.pattern !== 'request-response') ||
    resource.kind === 'activity'
  ) {
    ctx.taskToken = randomUuid(ctx.env.random)
    ctx.contextCache = undefined
  }
  return resource
}

function checkParameters(ctx: StateContext, resource: TaskResource, parameters: JsonValue): void {
  const problems = parameterProblems(resource, parameters)
  if (problems.length > 0) {
    throw locateError(
      ctx,
      new StatesError(
        'States.Runtime',
        `The Parameters '${JSON.stringify(parameters)}' could not be used to start the Task: [${problems.join(', ')}]`,
      ),
    )
  }
}

function positiveInteger(ctx: StateContext, value: JsonValue, field: string): number {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value
  throw locateError(
    ctx,
    new StatesError(
      'States.QueryEvaluationError',
      `The JSONata expression specified for the field '${field}' returned an unexpected result type. Expected 'integer', but was '${typeof value}' for value: ${JSON.stringify(value)}`,
    ),
  )
}

function secondsField(
  ctx: StateContext,
  literal: number | string | undefined,
  path: string | undefined,
  field: string,
  input: JsonValue,
): number | undefined {
  if (typeof literal === 'number') return literal
  if (path === undefined) return undefined
  const found = referencePath(ctx, path, input)
  if (!found.found) {
    throw locateError(
      ctx,
      new StatesError('States.Runtime', `Invalid path '${path}' : ${found.description}`),
    )
  }
  if (typeof found.value !== 'number' || !Number.isInteger(found.value) || found.value <= 0) {
    throw locateError(
      ctx,
      new StatesError(
        'States.Runtime',
        `The ${field} field refers to value ${JSON.stringify(JSON.stringify(found.value))} which is not a valid positive integer: ${path}`,
      ),
    )
  }
  return found.value
}

interface TaskEvents {
  readonly prefix: 'Task' | 'LambdaFunction' | 'Activity'
  readonly base: Record<string, unknown>
}

/** `{ truncated: false }`, shared by the events of every task (PERF). */
const NOT_TRUNCATED: { readonly truncated: false } = Object.freeze({ truncated: false })

const taskEvents = new WeakMap<TaskResource, TaskEvents>()

/** Event names and details for the three families of task events (once per resource: PERF). */
function eventsFor(resource: TaskResource): TaskEvents {
  let events = taskEvents.get(resource)
  if (events === undefined) {
    events = taskEventsOf(resource)
    taskEvents.set(resource, events)
  }
  return events
}

function taskEventsOf(resource: TaskResource): TaskEvents {
  if (resource.kind === 'lambda-function') return { prefix: 'LambdaFunction', base: {} }
  if (resource.kind === 'activity') return { prefix: 'Activity', base: {} }
  if (resource.kind === 'service') {
    return {
      prefix: 'Task',
      base: { resourceType: resource.resourceType, resource: resource.resource },
    }
  }
  return { prefix: 'Task', base: { resourceType: 'local', resource: resource.arn } }
}

function invoke(
  ctx: StateContext,
  state: AslTaskState,
  resource: TaskResource,
  parameters: JsonValue,
  timeoutSeconds: number | undefined,
  heartbeatSeconds: number | undefined,
  credentials: JsonValue | undefined,
): JsonValue | Promise<JsonValue> {
  const { env, frame } = ctx
  const { prefix, base } = eventsFor(resource)
  const roleArn =
    credentials !== null && typeof credentials === 'object' && !Array.isArray(credentials)
      ? credentials.RoleArn
      : undefined
  // PERF: members set one by one, in AWS's order (no spread of conditional literals per task).
  const scheduled: Record<string, unknown> =
    prefix === 'Task'
      ? { ...base, region: env.region, parameters: new JsonText(parameters) }
      : { resource: resource.arn, input: new JsonText(parameters), inputDetails: NOT_TRUNCATED }
  if (timeoutSeconds !== undefined) scheduled.timeoutInSeconds = timeoutSeconds
  if (heartbeatSeconds !== undefined) scheduled.heartbeatInSeconds = heartbeatSeconds
  if (typeof roleArn === 'string') scheduled.taskCredentials = { roleArn }
  taskEvent(ctx, prefix, 'Scheduled', scheduled)

  const callback = resource.kind === 'service' && resource.pattern === 'waitForTaskToken'
  const mock = Object.hasOwn(env.mocks, ctx.name) ? env.mocks[ctx.name] : undefined
  const handler =
    mock !== undefined
      ? mockHandler(ctx, mock)
      : (findHandler(env.handlers, ctx.name, resource, parameters) ??
        builtinHandler(env, resource, env.startChild))
  if (handler === undefined && !callback && resource.kind !== 'activity') {
    const nested = resource.kind === 'service' && resource.resourceType === 'states'
    const error = new StatesError(
      'States.Runtime',
      nested
        ? `No state machine to start for the Task state '${ctx.name}' (resource '${resource.arn}'). Register the child in the stateMachines option, keyed by its ARN or name, or pass a handler keyed by the state name.`
        : `No local handler for the Task state '${ctx.name}' (resource '${resource.arn}'). Pass one in the handlers option, keyed by the state name, the function name or the resource ARN.`,
    )
    throw locateError(ctx, error)
  }
  // Lambda functions report no started details; activities name no worker here.
  taskEvent(
    ctx,
    prefix,
    'Started',
    prefix === 'Task' ? { ...base } : prefix === 'Activity' ? {} : (undefined as never),
  )

  const signals = new TaskSignals(frame)
  const call: TaskCall = { ctx, resource, prefix, base, mocked: mock !== undefined, callback }
  let work: JsonValue | Promise<JsonValue> | undefined
  try {
    work = perform(ctx, handler, resource, parameters, callback, signals, heartbeatSeconds, () => {
      if (prefix === 'Task') {
        taskEvent(ctx, prefix, 'Submitted', {
          ...base,
          output: new JsonText(null),
          outputDetails: { truncated: false },
        })
      }
    })
    // PERF: a synchronous handler needs no promise, no race, no timers and no abort listener.
    if (!isThenable(work)) return succeeded(call, work)
  } catch (error) {
    throw failed(call, error)
  } finally {
    if (!isThenable(work)) signals.close()
  }
  if (!isBuiltin(handler)) env.clock.track?.(work)
  return settle(call, work, timeoutSeconds, signals)
}

/** What the end of a task needs to know about it. */
interface TaskCall {
  readonly ctx: StateContext
  readonly resource: TaskResource
  readonly prefix: 'Task' | 'LambdaFunction' | 'Activity'
  readonly base: Record<string, unknown>
  readonly mocked: boolean
  readonly callback: boolean
}

/** An asynchronous handler's answer, raced against TimeoutSeconds and the frame's stop. */
async function settle(
  call: TaskCall,
  work: Promise<JsonValue>,
  timeoutSeconds: number | undefined,
  signals: TaskSignals,
): Promise<JsonValue> {
  try {
    const racers: Promise<JsonValue>[] = [work]
    // No timer for AWS's default timeout: it is longer than any test runs.
    if (timeoutSeconds !== undefined) {
      racers.push(
        call.ctx.env.clock.sleep(timeoutSeconds * 1000, signals.timers()).then(() => {
          throw asVerbatim(new StatesError('States.Timeout'))
        }),
      )
    }
    racers.push(new Promise<never>((_, reject) => signals.listen(reject)))
    return succeeded(call, await Promise.race(racers))
  } catch (error) {
    throw failed(call, error)
  } finally {
    signals.close()
  }
}

/** The integration answered: its result (Lambda envelope, payload quota) and TaskSucceeded. */
function succeeded(call: TaskCall, answer: JsonValue): JsonValue {
  const { ctx, resource, prefix, base } = call
  let result = answer
  if (
    !call.mocked &&
    resource.kind === 'service' &&
    resource.resourceType === 'lambda' &&
    resource.action === 'invoke' &&
    !call.callback
  ) {
    result = lambdaInvokeEnvelope(result, randomUuid(ctx.env.random))
  }
  // The integration's answer itself is held to the payload quota: the task fails (catchably) with
  // the resource named (corpus: error_handling/test_states_errors).
  if (ctx.env.maxPayloadBytes !== Infinity && payloadSize(result) > ctx.env.maxPayloadBytes) {
    const label = resource.kind === 'service' ? resource.resourceType : resource.arn
    throw new StatesError(
      'States.DataLimitExceeded',
      `The state/task '${label}' returned a result with a size exceeding the maximum number of bytes service limit.`,
    )
  }
  taskEvent(
    ctx,
    prefix,
    'Succeeded',
    prefix === 'Task'
      ? { ...base, output: new JsonText(result), outputDetails: NOT_TRUNCATED }
      : { output: new JsonText(result), outputDetails: NOT_TRUNCATED },
  )
  return result
}

/** The task failed, timed out or was stopped: records that and returns what to throw. */
function failed(call: TaskCall, error: unknown): unknown {
  const { ctx, prefix, base } = call
  const { env, frame } = ctx
  if (!(error instanceof StatesError) && isHalted(frame) && error === frame.signal.reason) {
    addEvent(env, frame, 'TaskStateAborted', undefined)
    return error
  }
  if (!(error instanceof StatesError)) return error
  if (error.error === 'States.Timeout') {
    taskEvent(ctx, prefix, 'TimedOut', {
      ...(prefix === 'Task' ? base : {}),
      error: 'States.Timeout',
      ...(error.cause !== undefined ? { cause: error.cause } : {}),
    })
  } else {
    taskEvent(ctx, prefix, 'Failed', {
      ...(prefix === 'Task' ? base : {}),
      ...(error.error !== '' ? { error: error.error } : {}),
      ...(error.cause !== undefined ? { cause: error.cause } : {}),
    })
  }
  return asVerbatim(error)
}

/** What a handler gets besides its input (a class: its `signal` is made on first read). */
class HandlerContext implements TaskHandlerContext {
  readonly stateName: string
  readonly resource: string
  readonly retryCount: number
  declare readonly taskToken?: string
  readonly #signals: TaskSignals

  constructor(ctx: StateContext, resource: string, signals: TaskSignals) {
    this.stateName = ctx.name
    this.resource = resource
    this.retryCount = ctx.retryCount
    if (ctx.taskToken !== undefined) (this as { taskToken?: string }).taskToken = ctx.taskToken
    this.#signals = signals
  }

  get signal(): AbortSignal {
    return this.#signals.handler()
  }
}

/** Records a `Task…`, `LambdaFunction…` or `Activity…` event. */
function taskEvent(
  ctx: StateContext,
  prefix: 'Task' | 'LambdaFunction' | 'Activity',
  type: string,
  details: Record<string, unknown> | undefined,
): number {
  return addEvent(ctx.env, ctx.frame, `${prefix}${type}` as HistoryEventType, details)
}

/**
 * A task's abort signal (for its handler), its timers, and the link to its frame's stop, each made
 * only when needed (PERF: most handlers are synchronous and never look at their signal).
 */
class TaskSignals {
  readonly #frame: Frame
  #controller: AbortController | undefined
  #timers: AbortController | undefined
  #reject: ((reason: unknown) => void) | undefined
  #listening = false

  constructor(frame: Frame) {
    this.#frame = frame
  }

  /** The handler's `context.signal`. */
  handler(): AbortSignal {
    this.#controller ??= new AbortController()
    if (isHalted(this.#frame) && !this.#controller.signal.aborted) {
      this.#controller.abort(this.#frame.signal.reason)
    }
    return this.#controller.signal
  }

  /** Aborted when the task settles: cancels its timeout and heartbeat timers. */
  timers(): AbortSignal {
    return (this.#timers ??= new AbortController()).signal
  }

  /** Rejects through `reject` when the frame stops (execution stopped, sibling failed). */
  listen(reject: (reason: unknown) => void): void {
    this.#reject = reject
    if (isHalted(this.#frame)) reject(this.#frame.signal.reason)
    else {
      this.#frame.signal.addEventListener('abort', this, { once: true })
      this.#listening = true
    }
  }

  /** EventListener interface: the frame stopped. */
  handleEvent(): void {
    this.#controller?.abort(this.#frame.signal.reason)
    this.#reject?.(this.#frame.signal.reason)
  }

  close(): void {
    // A reason avoids building a DOMException (with its stack) for every task.
    this.#timers?.abort(SETTLED)
    this.#controller?.abort(SETTLED)
    if (this.#listening) this.#frame.signal.removeEventListener('abort', this)
  }
}

/**
 * A mocked state answers from its MockedResponse by invocation count; a callback or activity task gets
 * its answer at once (Step Functions Local does the same).
 */
function mockHandler(ctx: StateContext, response: MockedResponse): TaskHandler & { mocked: true } {
  const handler = (): JsonValue => {
    const invocation = ctx.env.mockInvocations.get(ctx.name) ?? 0
    ctx.env.mockInvocations.set(ctx.name, invocation + 1)
    return answerResult(ctx.name, mockedAnswer(ctx.name, response, invocation))
  }
  return Object.assign(handler, { mocked: true as const })
}

function perform(
  ctx: StateContext,
  handler: TaskHandler | undefined,
  resource: TaskResource,
  parameters: JsonValue,
  callback: boolean,
  signals: TaskSignals,
  heartbeatSeconds: number | undefined,
  submitted: () => void,
): JsonValue | Promise<JsonValue> {
  const lambdaStyle =
    resource.kind === 'lambda-function' ||
    (resource.kind === 'service' && resource.resourceType === 'lambda')
  const handlerInput =
    resource.kind === 'service' &&
    resource.resourceType === 'lambda' &&
    resource.action === 'invoke'
      ? parameters !== null &&
        typeof parameters === 'object' &&
        !Array.isArray(parameters) &&
        'Payload' in parameters
        ? (parameters.Payload ?? null)
        : {}
      : parameters
  const context = new HandlerContext(ctx, resource.arn, signals)
  const submits =
    callback || (resource.kind === 'service' && resource.pattern !== 'request-response')
  if (handler !== undefined && 'mocked' in handler) {
    // The first call succeeded (TaskSubmitted); the mocked answer is what the job or callback gave.
    if (submits) submitted()
    return callHandler(handler, handlerInput, context, false)
  }
  // An activity with a registered worker (a handler) gets its answer from it, like GetActivityTask
  // followed by SendTaskSuccess/Failure; without one, the test answers through the task token.
  if (!callback && (resource.kind !== 'activity' || handler !== undefined)) {
    if (submits) submitted()
    return callHandler(handler!, handlerInput, context, lambdaStyle, () =>
      randomUuid(ctx.env.random),
    )
  }
  return waitForCallback(
    ctx,
    handler,
    handlerInput,
    context,
    lambdaStyle,
    heartbeatSeconds,
    signals,
    submitted,
  )
}

/** `.waitForTaskToken` and activities: the answer comes from sendTaskSuccess/Failure (ASL-SPEC §12.2). */
async function waitForCallback(
  ctx: StateContext,
  handler: TaskHandler | undefined,
  handlerInput: JsonValue,
  context: TaskHandlerContext,
  lambdaStyle: boolean,
  heartbeatSeconds: number | undefined,
  signals: TaskSignals,
  submitted: () => void,
): Promise<JsonValue> {
  // Register the token first, so a handler may answer synchronously.
  const token = ctx.taskToken!
  let heartbeatTimer: AbortController | undefined
  let rejectHeartbeat: (error: StatesError) => void = () => {}
  const heartbeatMissed = new Promise<never>((_, reject) => {
    rejectHeartbeat = reject
  })
  const armHeartbeat = (): void => {
    if (heartbeatSeconds === undefined) return
    heartbeatTimer?.abort(SETTLED)
    heartbeatTimer = new AbortController()
    const local = heartbeatTimer
    signals.timers().addEventListener('abort', () => local.abort(SETTLED), { once: true })
    ctx.env.clock.sleep(heartbeatSeconds * 1000, local.signal).then(
      () => rejectHeartbeat(asVerbatim(new StatesError('States.Timeout'))),
      () => {},
    )
  }
  const waiting = ctx.env.tokens.wait(token, armHeartbeat)
  // A task that times out or is stopped never sees its answer arrive, so the `finally` below would not
  // run: retire the token when the task settles, so a late SendTaskSuccess is refused as on AWS.
  signals.timers().addEventListener('abort', waiting.cancel, { once: true })
  try {
    if (handler !== undefined)
      await callHandler(handler, handlerInput, context, lambdaStyle, () =>
        randomUuid(ctx.env.random),
      )
    submitted()
    armHeartbeat()
    return await Promise.race([waiting.answer, heartbeatMissed])
  } finally {
    waiting.cancel()
    heartbeatTimer?.abort(SETTLED)
  }
}
