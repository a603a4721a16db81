/**
 * TestState (AWS's API for testing one state on its own): the state runs once, through the runtime's
 * own input/output processing (io.ts), expression layer and state handlers, with a mocked service
 * answer where one is given; Retry and Catch are not carried out but reported (RETRIABLE,
 * CAUGHT_ERROR), and each step of the data flow is recorded for inspectionData.
 */
import {
  isStateMachineSource,
  type AslMapState,
  type AslParallelState,
  type AslPassState,
  type AslState,
  type AslTaskState,
  type JsonValue,
} from '@statewright/asl'
import { isoTimestamp, VirtualClock } from '../clock.ts'
import type { ExecutionEnv, Frame, StateContext } from '../env.ts'
import { InternalError, StatesError } from '../errors.ts'
import { History, HISTORY_EVENT_LIMIT } from '../events.ts'
import { HANDLERS, nextOf, type StateOutcome } from '../handlers/index.ts'
import {
  evaluateAssign,
  jsonata,
  jsonataScope,
  payload,
  referencePath,
  resultPath,
  selectIoPath,
} from '../io.ts'
import { isJsonObject, type JsonObject } from '../json.ts'
import { randomUuid, seededRandom, type RandomSource } from '../random.ts'
import { catchError, matchesError } from '../run-state.ts'
import { TaskTokens } from '../task-tokens.ts'
import { batchItems } from '../items/batcher.ts'
import { readItems } from '../items/reader.ts'
import type { S3StandIn } from '../s3.ts'
import { parseResource } from '../tasks/resource.ts'
import { prepareTestState, TESTED_STATE_NAME, type TestStatePlan } from './request.ts'
import type {
  InspectionData,
  TestStateOptions,
  TestStateRequest,
  TestStateResult,
} from './types.ts'

type Inspection = { -readonly [K in keyof InspectionData]: InspectionData[K] }
/** The fields of JSONPath result processing (Pass has no ResultSelector; it reads as absent). */
interface ResultProcessing {
  readonly Assign?: JsonObject
  readonly ResultSelector?: JsonObject
  readonly ResultPath?: string | null
  readonly OutputPath?: string | null
  readonly Next?: string
  readonly End?: boolean
}
type Handler = (s: AslState, i: JsonValue, c: StateContext) => Promise<StateOutcome>

/** Retry and Catch apply to these states only (ASL-SPEC §9). */
const RECOVERABLE = new Set(['Task', 'Map', 'Parallel'])

/**
 * Tests one state the way AWS's TestState API does: runs it once with `input` (and an optional mocked
 * service answer, variables, Context Object, …) and reports SUCCEEDED, FAILED, CAUGHT_ERROR or
 * RETRIABLE with the output, the next state and, at DEBUG/TRACE, the data after each processing step.
 * Rejects with TestStateRejected (AWS's ValidationException or InvalidDefinition and message) when AWS
 * would refuse the call.
 *
 * @example
 * const result = await testState({
 *   definition: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:111111111111:function:sum',
 *     Parameters: { 'values.$': '$.items' }, ResultSelector: { 'total.$': '$.sum' }, End: true },
 *   input: { items: [1, 2] },
 *   mock: { result: '{"sum": 3}' },
 *   inspectionLevel: 'DEBUG',
 * })
 * result.status // 'SUCCEEDED'
 * result.output // { total: 3 }
 * result.inspectionData?.afterParameters // { values: [1, 2] }
 */
export async function testState(
  given: TestStateRequest,
  givenOptions: TestStateOptions = {},
): Promise<TestStateResult> {
  const { request, options } = fromSource(given, givenOptions)
  const plan = prepareTestState(request, { handlers: options.handlers !== undefined })
  const { ctx, frame, stop } = contextFor(plan, request, options)
  const inspection: Inspection = { input: plan.input }
  const detailed = request.inspectionLevel === 'DEBUG' || request.inspectionLevel === 'TRACE'
  const withInspection = (result: Omit<TestStateResult, 'inspectionData'>): TestStateResult =>
    detailed ? { ...result, inspectionData: inspection } : result
  const state = plan.state
  let outcome: StateOutcome
  try {
    const running = runTested(ctx, state, plan, inspection)
    // A Wait state's time is simulated, not limited (TestState reports its next state at once).
    outcome = state.Type === 'Wait' ? await running : await withinTimeLimit(ctx, stop, running)
  } catch (error) {
    if (!(error instanceof StatesError)) throw error
    const failure = unlocated(error)
    const failed = withErrorCause({ status: 'FAILED' as const }, failure)
    if (!RECOVERABLE.has(state.Type) || failure.error === 'States.Runtime') {
      return withInspection(failed)
    }
    const recoverable = state as AslTaskState | AslMapState | AslParallelState
    const retryIndex = (recoverable.Retry ?? []).findIndex((r) =>
      matchesError(r.ErrorEquals, failure.error),
    )
    const retrier = recoverable.Retry?.[retryIndex]
    if (retrier !== undefined && plan.retryCount < (retrier.MaxAttempts ?? 3)) {
      inspection.errorDetails = {
        retryIndex,
        retryBackoffIntervalSeconds: backoffSeconds(retrier, plan.retryCount),
      }
      return withInspection(withErrorCause({ status: 'RETRIABLE' as const }, failure))
    }
    // An exhausted retrier is still named (AWS: errorDetails { retryIndex } on the failure).
    if (retrier !== undefined) inspection.errorDetails = { retryIndex }
    const catchIndex = (recoverable.Catch ?? []).findIndex((c) =>
      matchesError(c.ErrorEquals, failure.error),
    )
    const catcher = recoverable.Catch?.[catchIndex]
    if (catcher === undefined) return withInspection(failed)
    let caught: StateOutcome
    try {
      caught = await catchError(ctx, catcher, plan.input, failure)
    } catch (catchFailure) {
      if (!(catchFailure instanceof StatesError)) throw catchFailure
      return withInspection(withErrorCause({ status: 'FAILED' as const }, unlocated(catchFailure)))
    }
    inspection.errorDetails = { ...inspection.errorDetails, catchIndex }
    recordVariables(inspection, frame, caught.assigned)
    return withInspection({
      ...withErrorCause({ status: 'CAUGHT_ERROR' as const }, failure),
      output: caught.output,
      nextState: catcher.Next,
    })
  }
  recordVariables(inspection, frame, outcome.assigned)
  return withInspection({
    status: 'SUCCEEDED',
    output: outcome.output,
    ...(outcome.next !== undefined ? { nextState: outcome.next } : {}),
  })
}

/**
 * A Statewright workflow (or any StateMachineSource) as the definition: its ASL, with its local task
 * handlers under the ones given in `options`.
 */
function fromSource(
  request: TestStateRequest,
  options: TestStateOptions,
): { request: TestStateRequest; options: TestStateOptions } {
  if (!isStateMachineSource(request.definition)) return { request, options }
  const source = request.definition.toStateMachine()
  const handlers = { ...source.handlers, ...options.handlers }
  return {
    request: { ...request, definition: source.definition },
    options: Object.keys(handlers).length > 0 ? { ...options, handlers } : options,
  }
}

/** How long AWS lets TestState run a state before it fails with States.Timeout. */
const TIME_LIMIT_MS = 5 * 60 * 1000

/**
 * Races the state against TestState's five-minute limit (on the test's clock: a virtual clock reaches
 * it at once when nothing else can run, e.g. a `.waitForTaskToken` task nobody answers) and stops
 * the state's work when the limit wins.
 */
async function withinTimeLimit<T>(
  ctx: StateContext,
  stop: AbortController,
  work: Promise<T>,
): Promise<T> {
  const timer = new AbortController()
  const limit = ctx.env.clock.sleep(TIME_LIMIT_MS, timer.signal).then(() => {
    throw new StatesError(
      'States.Timeout',
      'The state did not finish within the 5 minutes TestState allows.',
    )
  })
  try {
    return await Promise.race([work, limit])
  } catch (error) {
    if (!stop.signal.aborted) stop.abort(error)
    throw error
  } finally {
    timer.abort()
    limit.catch(() => {})
  }
}

/** One run of the tested state, recording each processing step in `inspection`. */
async function runTested(
  ctx: StateContext,
  state: AslState,
  plan: TestStatePlan,
  inspection: Inspection,
): Promise<StateOutcome> {
  const input = plan.input
  const jsonataMode = ctx.language === 'JSONata'
  switch (state.Type) {
    case 'Pass':
      if (jsonataMode) return (HANDLERS.Pass as Handler)(state, input, ctx)
      return runPass(ctx, state, input, inspection)
    case 'Task':
      return runTask(ctx, state, plan, inspection)
    case 'Map':
      return runMap(ctx, state, plan, inspection)
    case 'Parallel':
      return runParallel(ctx, state, plan, inspection)
    default:
      // Choice, Wait, Succeed, Fail: AWS reports only the input after InputPath.
      if (!jsonataMode) {
        const inputPath = (state as { InputPath?: string | null }).InputPath
        inspection.afterInputPath = selectIoPath(ctx, inputPath, input)
      }
      return (HANDLERS[state.Type] as Handler)(state, input, ctx)
  }
}

/** Pass (JSONPath): AWS reports `result` for a Result, otherwise InputPath and Parameters. */
async function runPass(
  ctx: StateContext,
  state: AslPassState,
  input: JsonValue,
  inspection: Inspection,
): Promise<StateOutcome> {
  let result: JsonValue
  if (state.Result !== undefined) {
    result = state.Result
    inspection.result = result
  } else {
    const effective = selectIoPath(ctx, state.InputPath, input)
    inspection.afterInputPath = effective
    result =
      state.Parameters === undefined
        ? effective
        : payload(ctx, state.Parameters, effective, 'Parameters')
    inspection.afterParameters = result
  }
  return finishJsonPath(ctx, state, input, result, inspection)
}

async function runTask(
  ctx: StateContext,
  state: AslTaskState,
  plan: TestStatePlan,
  inspection: Inspection,
): Promise<StateOutcome> {
  const input = plan.input
  const resource = parseResource(state.Resource)
  // The task token exists before input processing, so Parameters/Arguments can pass it on.
  if (
    plan.context === undefined &&
    ((resource.kind === 'service' && resource.pattern !== 'request-response') ||
      resource.kind === 'activity')
  ) {
    ctx.taskToken = randomUuid(ctx.env.random)
    ctx.contextCache = undefined
  }
  if (ctx.language === 'JSONata') {
    const args =
      state.Arguments === undefined
        ? input
        : await jsonata(ctx, state.Arguments, jsonataScope(ctx, input), 'Arguments')
    inspection.afterArguments = args
    const result = await taskResult(ctx, state, args, plan)
    inspection.result = result
    return finishJsonata(ctx, state, input, result)
  }
  const effective = selectIoPath(ctx, state.InputPath, input)
  inspection.afterInputPath = effective
  const parameters =
    state.Parameters === undefined
      ? effective
      : payload(ctx, state.Parameters, effective, 'Parameters')
  inspection.afterParameters = parameters
  const result = await taskResult(ctx, state, parameters, plan)
  inspection.result = result
  return finishJsonPath(ctx, state, input, result, inspection)
}

/**
 * The service's answer: the mock, or the runtime's own Task handler (local handlers, the Lambda
 * envelope, timeouts) run on the already-processed parameters.
 */
async function taskResult(
  ctx: StateContext,
  state: AslTaskState,
  parameters: JsonValue,
  plan: TestStatePlan,
): Promise<JsonValue> {
  if (plan.mockError !== undefined)
    throw new StatesError(plan.mockError.error, plan.mockError.cause)
  if (plan.mockResult !== undefined) return plan.mockResult
  const timeout = await seconds(
    ctx,
    state.TimeoutSeconds,
    state.TimeoutSecondsPath,
    'TimeoutSeconds',
    plan.input,
  )
  const heartbeat = await seconds(
    ctx,
    state.HeartbeatSeconds,
    state.HeartbeatSecondsPath,
    'HeartbeatSeconds',
    plan.input,
  )
  const bare: AslTaskState = {
    Type: 'Task',
    QueryLanguage: 'JSONPath',
    Resource: state.Resource,
    End: true,
    ...(timeout !== undefined ? { TimeoutSeconds: timeout } : {}),
    ...(heartbeat !== undefined ? { HeartbeatSeconds: heartbeat } : {}),
  }
  const outcome = await (HANDLERS.Task as Handler)(bare, parameters, {
    ...ctx,
    state: bare,
    language: 'JSONPath',
  })
  return outcome.output
}

/** A Task's TimeoutSeconds/HeartbeatSeconds: a number, a `…Path` (JSONPath) or an expression (JSONata). */
async function seconds(
  ctx: StateContext,
  value: number | string | undefined,
  path: string | undefined,
  field: string,
  input: JsonValue,
): Promise<number | undefined> {
  if (typeof value === 'number') return value
  if (typeof value === 'string') {
    return numberOf(await jsonata(ctx, value, jsonataScope(ctx, input), field), field)
  }
  if (path !== undefined) return numberOf(pathValue(ctx, path, input), `${field}Path`)
  return undefined
}

async function runMap(
  ctx: StateContext,
  state: AslMapState,
  plan: TestStatePlan,
  inspection: Inspection,
): Promise<StateOutcome> {
  const input = plan.input
  const jsonataMode = ctx.language === 'JSONata'
  const readsItems = state.ItemReader === undefined
  let items: JsonValue
  let effective: JsonValue = input
  let count: number | undefined
  let percentage: number | undefined
  if (jsonataMode) {
    const scope = jsonataScope(ctx, input)
    items = state.Items === undefined ? input : await jsonata(ctx, state.Items, scope, 'Items')
    if (readsItems && !Array.isArray(items)) {
      throw new StatesError(
        'States.QueryEvaluationError',
        typeof state.Items === 'string'
          ? `The JSONata expression '${body(state.Items)}' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was '${typeName(items)}' for value: ${JSON.stringify(items)}`
          : `Map state input must be an array but was: ${JSON.stringify(items)}`,
      )
    }
    const value = async (
      field: 'MaxConcurrency' | 'ToleratedFailureCount' | 'ToleratedFailurePercentage',
    ): Promise<number | undefined> => {
      const expression = state[field]
      if (expression === undefined) return undefined
      return numberOf(await jsonata(ctx, expression, scope, field), field)
    }
    inspection.maxConcurrency = (await value('MaxConcurrency')) ?? 0
    count = await value('ToleratedFailureCount')
    percentage = await value('ToleratedFailurePercentage')
  } else {
    effective = selectIoPath(ctx, state.InputPath, input)
    inspection.afterInputPath = effective
    items = state.ItemsPath === undefined ? effective : pathValue(ctx, state.ItemsPath, effective)
    if (readsItems && !Array.isArray(items)) {
      // AWS names a context path by its '$'-relative form here ("$$.x" reads "$.x").
      const shown = (state.ItemsPath ?? '$').replace(/^\$\$/, '$')
      throw new StatesError('States.Runtime', `Reference path "${shown}" must point to array.`)
    }
    inspection.afterItemsPath = items
    inspection.maxConcurrency =
      state.MaxConcurrencyPath !== undefined
        ? numberOf(pathValue(ctx, state.MaxConcurrencyPath, effective), 'MaxConcurrencyPath')
        : typeof state.MaxConcurrency === 'number'
          ? state.MaxConcurrency
          : 0
    count =
      state.ToleratedFailureCountPath !== undefined
        ? numberOf(
            pathValue(ctx, state.ToleratedFailureCountPath, effective),
            'ToleratedFailureCountPath',
          )
        : typeof state.ToleratedFailureCount === 'number'
          ? state.ToleratedFailureCount
          : undefined
    percentage =
      state.ToleratedFailurePercentagePath !== undefined
        ? numberOf(
            pathValue(ctx, state.ToleratedFailurePercentagePath, effective),
            'ToleratedFailurePercentagePath',
          )
        : typeof state.ToleratedFailurePercentage === 'number'
          ? state.ToleratedFailurePercentage
          : undefined
  }
  if (count !== undefined) inspection.toleratedFailureCount = count
  if (percentage !== undefined) inspection.toleratedFailurePercentage = percentage
  if (state.ItemReader !== undefined && ctx.env.s3 !== undefined) {
    // Distributed Map: the items as its ItemReader reads them (mapItemReaderData, or the s3 option).
    items = await readItems(ctx, state.ItemReader, input, effective, ctx.env.s3)
  }
  const selector = state.ItemSelector ?? (jsonataMode ? undefined : state.Parameters)
  let selected: JsonValue[] | undefined
  if (selector !== undefined && Array.isArray(items)) {
    // Each iteration's input, with $$.Map.Item (ASL-SPEC §3.8).
    selected = []
    for (const [index, item] of items.entries()) {
      const mapItem: JsonObject = { Index: index, Value: item }
      selected.push(
        jsonataMode
          ? await jsonata(ctx, selector, jsonataScope(ctx, input, { mapItem }), 'ItemSelector')
          : payload(ctx, selector, effective, 'ItemSelector', mapItem),
      )
    }
    inspection.afterItemSelector = selected
  }
  if (state.ItemBatcher !== undefined && Array.isArray(items)) {
    const inputs = selected
    inspection.afterItemBatcher = await batchItems(
      ctx,
      state.ItemBatcher,
      items,
      input,
      effective,
      async (item, index) => inputs?.[index] ?? item,
    )
  }

  // A Map is tested only with a mock (AWS refuses one without); the iterations do not run.
  const result = mockedResult(plan)
  const iterations = Array.isArray(result) ? result.length : 0
  const failures = plan.mapIterationFailureCount ?? 0
  if (exceedsTolerance(failures, iterations, count, percentage)) {
    throw new StatesError(
      'States.ExceedToleratedFailureThreshold',
      'The specified tolerated failure threshold was exceeded',
    )
  }
  return jsonataMode
    ? finishJsonata(ctx, state, input, result)
    : finishJsonPath(ctx, state, input, result, inspection)
}

function body(expression: string): string {
  return expression.replace(/^\{%\s*/, '').replace(/\s*%\}$/, '')
}

function typeName(value: JsonValue): string {
  if (value === null) return 'null'
  return Array.isArray(value) ? 'array' : typeof value
}

async function runParallel(
  ctx: StateContext,
  state: AslParallelState,
  plan: TestStatePlan,
  inspection: Inspection,
): Promise<StateOutcome> {
  const input = plan.input
  const jsonataMode = ctx.language === 'JSONata'
  // Input processing still runs (and can fail); AWS does not report its steps for Parallel.
  if (jsonataMode) {
    if (state.Arguments !== undefined)
      await jsonata(ctx, state.Arguments, jsonataScope(ctx, input), 'Arguments')
  } else {
    const effective = selectIoPath(ctx, state.InputPath, input)
    if (state.Parameters !== undefined) payload(ctx, state.Parameters, effective, 'Parameters')
  }
  // A Parallel state is tested only with a mock (AWS refuses one without): branches do not run.
  const result = mockedResult(plan)
  return jsonataMode
    ? finishJsonata(ctx, state, input, result)
    : finishJsonPath(ctx, state, input, result, inspection)
}

/** The mocked answer of a Map or Parallel state: its result, or the error an iteration/branch raised. */
function mockedResult(plan: TestStatePlan): JsonValue {
  if (plan.mockError !== undefined)
    throw new StatesError(plan.mockError.error, plan.mockError.cause)
  if (plan.mockResult === undefined) {
    throw new InternalError('A Map or Parallel state reached testState without a mock.')
  }
  return plan.mockResult
}

/** ResultSelector → ResultPath → OutputPath (ASL-SPEC §6.3), each step recorded. */
async function finishJsonPath(
  ctx: StateContext,
  state: ResultProcessing,
  input: JsonValue,
  result: JsonValue,
  inspection: Inspection,
): Promise<StateOutcome> {
  const assigned = await evaluateAssign(ctx, state.Assign, result)
  const selected =
    state.ResultSelector === undefined
      ? result
      : payload(ctx, state.ResultSelector, result, 'ResultSelector')
  inspection.afterResultSelector = selected
  const combined = resultPath(ctx, input, state.ResultPath, selected)
  inspection.afterResultPath = combined
  return {
    output: selectIoPath(ctx, state.OutputPath, combined),
    next: nextOf(state),
    assigned,
  }
}

/** JSONata: Output and Assign see `$states.result` (ASL-SPEC §5). */
async function finishJsonata(
  ctx: StateContext,
  state: AslTaskState | AslMapState | AslParallelState,
  input: JsonValue,
  result: JsonValue,
): Promise<StateOutcome> {
  const output =
    state.Output === undefined
      ? result
      : await jsonata(ctx, state.Output, jsonataScope(ctx, input, { result }), 'Output')
  const assigned = await evaluateAssign(ctx, state.Assign, input, { result })
  return { output, next: nextOf(state), assigned }
}

function pathValue(ctx: StateContext, path: string, input: JsonValue): JsonValue {
  const found = referencePath(ctx, path, input)
  if (found.found) return found.value
  throw new StatesError('States.Runtime', `Invalid path '${path}' : ${found.description}`)
}

function numberOf(value: JsonValue, field: string): number {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  if (typeof number === 'number' && Number.isFinite(number)) return number
  throw new StatesError(
    field.endsWith('Path') ? 'States.Runtime' : 'States.QueryEvaluationError',
    `The ${field} field refers to value ${JSON.stringify(value)} which is not a valid number.`,
  )
}

/**
 * Whether `failures` of `iterations` exceed the Map's tolerance. Without ToleratedFailureCount or
 * ToleratedFailurePercentage AWS's TestState applies no threshold to a mocked result (corpus:
 * test_map_state_failure_count[…BASE_MAP_STATE]).
 */
function exceedsTolerance(
  failures: number,
  iterations: number,
  count: number | undefined,
  percentage: number | undefined,
): boolean {
  if (failures === 0 || (count === undefined && percentage === undefined)) return false
  if (count !== undefined && failures <= count) return false
  if (percentage !== undefined && (failures / Math.max(1, iterations)) * 100 <= percentage)
    return false
  return true
}

/** The wait before retry number `retryCount + 1` (ASL-SPEC §9.2) in whole seconds, without jitter. */
function backoffSeconds(
  retrier: { IntervalSeconds?: number; BackoffRate?: number; MaxDelaySeconds?: number },
  retryCount: number,
): number {
  const seconds = (retrier.IntervalSeconds ?? 1) * (retrier.BackoffRate ?? 2) ** retryCount
  const capped =
    retrier.MaxDelaySeconds === undefined ? seconds : Math.min(seconds, retrier.MaxDelaySeconds)
  // The API reports an integer.
  return Math.trunc(capped)
}

/** TestState has no event ids: causes are reported without the execution's location prefix. */
function unlocated(error: StatesError): StatesError {
  const cause = error.cause?.replace(
    /^An error occurred while executing the state '(?:[^'\\]|\\.)*' \(entered at the event id #\d+\)\. /,
    '',
  )
  return cause === error.cause ? error : new StatesError(error.error, cause)
}

function withErrorCause<T extends object>(
  base: T,
  error: StatesError,
): T & { error?: string; cause?: string } {
  return {
    ...base,
    ...(error.error !== '' ? { error: error.error } : {}),
    ...(error.cause !== undefined ? { cause: error.cause } : {}),
  }
}

function recordVariables(
  inspection: Inspection,
  frame: Frame,
  assigned: JsonObject | undefined,
): void {
  const variables = { ...frame.variables, ...assigned }
  if (Object.keys(variables).length > 0) inspection.variables = variables
}

function randomFrom(option: TestStateOptions['random']): RandomSource {
  if (typeof option === 'function') return option
  if (typeof option === 'number') return seededRandom(option)
  return Math.random
}

/**
 * The execution the tested state pretends to run in: an EXPRESS execution of a state machine made up
 * for the call, as AWS does (context `Execution`, `StateMachine`; the state is named `StateName`).
 */
function contextFor(
  plan: TestStatePlan,
  request: TestStateRequest,
  options: TestStateOptions,
): { ctx: StateContext; frame: Frame; stop: AbortController } {
  const clock = options.clock ?? new VirtualClock(Date.now())
  const random = randomFrom(options.random)
  const region = options.region ?? 'us-east-1'
  const accountId = options.accountId ?? '111111111111'
  const machineName = `TestState-${randomUuid(random)}`
  const executionName = randomUuid(random)
  const stop = new AbortController()
  const given = plan.context !== undefined
  const machineArn = `arn:aws:states:${region}:${accountId}:stateMachine:${machineName}`
  const env: ExecutionEnv = {
    clock,
    history: new History(),
    random,
    handlers: options.handlers ?? {},
    rootLanguage: plan.rootLanguage,
    // With a given Context Object, its sections also stand behind $$.Map.Item lookups.
    execution: given
      ? sectionOf(plan.context, 'Execution')
      : {
          Id: `arn:aws:states:${region}:${accountId}:express:${machineName}:${executionName}`,
          Input: plan.input,
          Name: executionName,
          RoleArn: request.roleArn ?? null,
          StartTime: isoTimestamp(clock.now()),
        },
    stateMachine: given
      ? sectionOf(plan.context, 'StateMachine')
      : { Id: machineArn, Name: machineName },
    region,
    accountId,
    stateMachineType: 'EXPRESS',
    maxPayloadBytes: 262_144,
    maxHistoryEvents: HISTORY_EVENT_LIMIT,
    tokens: new TaskTokens(),
    mocks: {},
    mockInvocations: new Map(),
    signal: stop.signal,
    s3: plan.mapItemReaderData !== undefined ? readerData(plan.mapItemReaderData) : options.s3,
  }
  const frame: Frame = { variables: plan.variables, lastEventId: 0, signal: env.signal }
  const ctx: StateContext = {
    env,
    frame,
    name: TESTED_STATE_NAME,
    state: plan.state,
    language: plan.state.QueryLanguage ?? plan.rootLanguage,
    enteredEventId: 0,
    enteredTime: clock.now(),
    retryCount: plan.retryCount,
  }
  // A given Context Object replaces the made-up one entirely (corpus: …context_object_edge_cases).
  if (plan.context !== undefined) ctx.contextCache = plan.context
  return { ctx, frame, stop }
}

/** An S3 stand-in whose every object is `data`: what the tested ItemReader reads (mapItemReaderData). */
function readerData(data: string): S3StandIn {
  return {
    getObject: () => data,
    putObject: () => {},
    listObjects: () => undefined,
  }
}

function sectionOf(context: JsonObject | undefined, name: string): JsonObject {
  const section = context?.[name]
  return isJsonObject(section) ? section : {}
}
