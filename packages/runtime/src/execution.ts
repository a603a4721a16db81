import {
  isStateMachineSource,
  validateStateMachine,
  type AslStateMachine,
  type JsonValue,
  type QueryLanguage,
  type StateMachineSource,
  type TaskHandler,
} from '@statewright/asl'
import { RealClock, VirtualClock, isoTimestamp, type Clock } from './clock.ts'
import { HistoryLimitError, type ExecutionEnv, type Frame } from './env.ts'
import { DefinitionError, StatesError } from './errors.ts'
import { History, HISTORY_EVENT_LIMIT, JsonText, type HistoryEvent } from './events.ts'
import { runStates } from './interpret.ts'
import type { ChildStarter } from './tasks/builtins.ts'
import { mocksFromConfig, type MockedResponse } from './mocks.ts'
import {
  NotJsonError,
  parseJson,
  payloadSize,
  toJsonValue,
  toMeasuredJsonValue,
  type JsonObject,
} from './json.ts'
import type { ExecutionResult, ExecutionStatus, RunOptions } from './options.ts'
import { randomUuid, seededRandom, type RandomSource } from './random.ts'
import type { S3StandIn } from './s3.ts'
import { TaskTokens } from './task-tokens.ts'
import { checkShape, type DefinitionProblem } from './validate-basic.ts'

/** What `run()` and `startExecution()` accept as a state machine. */
export type Runnable = AslStateMachine | string | StateMachineSource

/** A running execution: await it, answer its callbacks, stream its events, or stop it. */
export interface ExecutionHandle {
  readonly executionArn: string
  /** Resolves when the execution ends; never rejects for an execution failure. */
  readonly done: Promise<ExecutionResult>
  /** Answers a `.waitForTaskToken` task (SendTaskSuccess). */
  sendTaskSuccess(taskToken: string, output: unknown): void
  /** Fails a `.waitForTaskToken` task (SendTaskFailure). */
  sendTaskFailure(taskToken: string, error?: string, cause?: string): void
  /** Resets a waiting task's heartbeat clock (SendTaskHeartbeat). */
  sendTaskHeartbeat(taskToken: string): void
  /** Tokens of tasks waiting for an answer right now. */
  pendingTaskTokens(): string[]
  /** Resolves with the next task token the execution hands out (or one already waiting). */
  nextTaskToken(): Promise<string>
  /** Stops the execution (StopExecution): status ABORTED. */
  stop(error?: string, cause?: string): void
  /** The history so far. */
  history(): HistoryEvent[]
  /** Every event as it is recorded, until the execution ends. */
  events(): AsyncIterable<HistoryEvent>
}

class Aborted extends Error {
  readonly error: string | undefined
  override readonly cause: string | undefined
  constructor(error?: string, cause?: string) {
    super('The execution was stopped.')
    this.name = 'Aborted'
    this.error = error
    this.cause = cause
  }
}

class TimedOut extends Error {
  constructor() {
    super('The execution timed out.')
    this.name = 'TimedOut'
  }
}

function clockFrom(option: RunOptions['clock'], start: number): Clock {
  if (option === 'real') return new RealClock()
  if (option === undefined || option === 'virtual') return new VirtualClock(start)
  return option
}

function randomFrom(option: RunOptions['random']): RandomSource {
  if (typeof option === 'function') return option
  if (typeof option === 'number') return seededRandom(option)
  return Math.random
}

interface PreparedMachine {
  readonly machine: AslStateMachine
  readonly handlers: Readonly<Record<string, TaskHandler>>
  /** Whether `handlers` has any (PERF: no key listing per execution). */
  readonly hasHandlers: boolean
}

/**
 * Checked definitions by identity (objects) or text: validating once per definition keeps repeated runs
 * cheap. A definition is treated as immutable once it has been run.
 */
const preparedObjects = new WeakMap<object, Map<string, PreparedMachine>>()
const preparedTexts = new Map<string, PreparedMachine>()
const MAX_CACHED_TEXTS = 256

/** Parses and checks the definition (every problem listed), before anything runs. */
function prepareMachine(
  definition: Runnable,
  type: 'STANDARD' | 'EXPRESS',
  validate: boolean,
): PreparedMachine {
  // PERF: the same definition run again and again (a test loop, a benchmark) skips even the lookups.
  if (definition === last.definition && type === last.type && validate === last.validate) {
    return last.prepared!
  }
  const prepared = lookupOrPrepare(definition, type, validate)
  last = { definition, type, validate, prepared }
  return prepared
}

let last: {
  definition: Runnable | undefined
  type: string
  validate: boolean
  prepared: PreparedMachine | undefined
} = { definition: undefined, type: '', validate: false, prepared: undefined }

function lookupOrPrepare(
  definition: Runnable,
  type: 'STANDARD' | 'EXPRESS',
  validate: boolean,
): PreparedMachine {
  const key = `${type}:${validate}`
  if (typeof definition === 'string') {
    const cached = preparedTexts.get(`${key}:${definition}`)
    if (cached !== undefined) return cached
  } else if (
    !isStateMachineSource(definition) &&
    typeof definition === 'object' &&
    definition !== null
  ) {
    const cached = preparedObjects.get(definition)?.get(key)
    if (cached !== undefined) return cached
  }
  let machine: unknown = definition
  let handlers: Readonly<Record<string, TaskHandler>> = {}
  if (typeof definition === 'string') {
    try {
      machine = parseJson(definition)
    } catch (error) {
      throw new DefinitionError([
        {
          code: 'SFN400',
          path: '/',
          message: `The definition is not valid JSON (${(error as Error).message}). Pass ASL JSON text or an object.`,
        },
      ])
    }
  } else if (isStateMachineSource(definition)) {
    const source = definition.toStateMachine()
    machine = source.definition
    handlers = source.handlers
  }
  let json: JsonValue
  try {
    json = toJsonValue(machine)
  } catch (error) {
    throw new DefinitionError([
      {
        code: 'SFN401',
        path: '/',
        message: `The definition is not JSON: ${(error as Error).message}.`,
      },
    ])
  }
  const problems: DefinitionProblem[] = validate
    ? validateStateMachine(json, { type })
        .filter((d) => d.severity === 'error')
        .map((d) => ({ code: 'SFN420', rule: d.code, path: d.path, message: d.message }))
    : []
  // The runtime's own shape checks guard what it relies on, also when validation is skipped.
  if (problems.length === 0) problems.push(...checkShape(json))
  if (problems.length > 0) throw new DefinitionError(problems)
  const prepared: PreparedMachine = {
    machine: json as unknown as AslStateMachine,
    handlers,
    hasHandlers: Object.keys(handlers).length > 0,
  }
  if (typeof definition === 'string') {
    if (preparedTexts.size >= MAX_CACHED_TEXTS) preparedTexts.clear()
    preparedTexts.set(`${key}:${definition}`, prepared)
  } else if (
    !isStateMachineSource(definition) &&
    typeof definition === 'object' &&
    definition !== null
  ) {
    const byKey = preparedObjects.get(definition) ?? new Map<string, PreparedMachine>()
    byKey.set(key, prepared)
    preparedObjects.set(definition, byKey)
  }
  return prepared
}

/** The execution input as JSON data (`{}` when none is given), refused when it is not JSON. */
function prepareInput(input: unknown): JsonValue {
  try {
    return input === undefined ? {} : toMeasuredJsonValue(input)
  } catch (error) {
    const why = error instanceof NotJsonError ? error.message : String(error)
    throw new DefinitionError([
      {
        code: 'SFN410',
        path: '/input',
        message: `The execution input is not JSON: ${why}. Pass JSON data (no cycles, functions or BigInts).`,
      },
    ])
  }
}

/**
 * Starts an execution and returns its handle at once. Throws DefinitionError (SFN4xx, every problem
 * listed) when the definition or the input is invalid; execution failures end up in `done`.
 *
 * @example
 * const execution = startExecution(definition, { orderId: '1' })
 * const token = await execution.nextTaskToken()
 * execution.sendTaskSuccess(token, { approved: true })
 * const { status, output } = await execution.done
 */
export function startExecution(
  definition: Runnable,
  input?: unknown,
  options: RunOptions = {},
): ExecutionHandle {
  return launch(definition, input, options, undefined)
}

/** What a nested (child) execution shares with its parent: time, randomness and task tokens. */
interface Inherited {
  readonly clock: Clock
  readonly random: RandomSource
  readonly tokens: TaskTokens
}

/** The registered state machine a `StateMachineArn` names (by ARN, or by name; qualifiers ignored). */
function registered(
  registry: Readonly<Record<string, Runnable>> | undefined,
  arn: string,
): Runnable | undefined {
  if (registry === undefined) return undefined
  if (Object.hasOwn(registry, arn)) return registry[arn]
  const name = /:stateMachine:([^:]+)/.exec(arn)?.[1] ?? arn
  return Object.hasOwn(registry, name) ? registry[name] : undefined
}

/** Nested executions of registered state machines, in process, on the parent's clock (ASL-SPEC §12.5). */
function childStarter(options: RunOptions): ChildStarter {
  return (parent, arn, childInput, name) => {
    const child = registered(options.stateMachines, arn)
    if (child === undefined) return undefined
    const childName = /:stateMachine:([^:]+)/.exec(arn)?.[1] ?? arn
    const handle = launch(
      child,
      childInput,
      {
        ...options,
        stateMachineArn: arn.includes(':stateMachine:') ? arn : undefined,
        stateMachineName: childName,
        executionName: name,
        executionArn: undefined,
        handlers: parent.handlers,
        onEvent: undefined,
        signal: undefined,
      },
      { clock: parent.clock, random: parent.random, tokens: parent.tokens },
    )
    const startMs = parent.clock.now()
    return {
      executionArn: handle.executionArn,
      startMs,
      done: handle.done.then((r) => ({
        status: r.status,
        ...(r.output !== undefined ? { output: r.output } : {}),
        ...(r.error !== undefined ? { error: r.error } : {}),
        ...(r.cause !== undefined ? { cause: r.cause } : {}),
        stopMs: r.stopDate.getTime(),
      })),
    }
  }
}

function launch(
  definition: Runnable,
  input: unknown,
  options: RunOptions,
  inherited: Inherited | undefined,
): ExecutionHandle {
  const type = options.stateMachineType ?? 'STANDARD'
  const prepared = prepareMachine(definition, type, options.skipValidation !== true)
  const executionInput = prepareInput(input)
  const startMs = options.startTime === undefined ? Date.now() : Number(options.startTime)
  const clock = inherited?.clock ?? clockFrom(options.clock, startMs)
  const random = inherited?.random ?? randomFrom(options.random)
  const accountId = options.accountId ?? '111111111111'
  const region = options.region ?? 'us-east-1'
  const stateMachineName = options.stateMachineName ?? 'LocalStateMachine'
  const names = arnsFor(region, accountId, stateMachineName, options.stateMachineArn, type)
  const stateMachineArn = names.stateMachineArn
  const executionName = options.executionName ?? randomUuid(random)
  const executionArn = options.executionArn ?? names.executionPrefix + executionName
  const roleArn = options.roleArn ?? names.roleArn
  const history = new History()
  if (options.onEvent !== undefined) history.subscribe(options.onEvent)
  const halt = new Halt()
  const tokens = inherited?.tokens ?? new TaskTokens()
  const startTime = clock.now()
  const execution: JsonObject = {
    Id: executionArn,
    Input: executionInput,
    StartTime: startTimeText(startTime),
    Name: executionName,
    RoleArn: roleArn,
  }
  // Express executions cannot be redriven, so AWS does not report a count for them.
  if (type !== 'EXPRESS') execution.RedriveCount = 0
  const env = new Env(
    halt,
    clock,
    history,
    random,
    // PERF: the caller's object as is when there is nothing to merge.
    prepared.hasHandlers
      ? { ...prepared.handlers, ...options.handlers }
      : (options.handlers ?? NO_HANDLERS),
    prepared.machine.QueryLanguage ?? 'JSONPath',
    execution,
    // Per execution: an output that includes `$$.StateMachine` hands this object to the caller.
    { Id: stateMachineArn, Name: stateMachineName },
    region,
    accountId,
    type,
    options.maxPayloadBytes ?? 262_144,
    // Express executions keep no history on AWS, so its quota does not apply to them.
    options.maxHistoryEvents ?? (type === 'EXPRESS' ? Infinity : HISTORY_EVENT_LIMIT),
    tokens,
    options.mockConfig !== undefined && options.mockTestCase !== undefined
      ? {
          ...mocksFromConfig(options.mockConfig, stateMachineName, options.mockTestCase),
          ...options.mocks,
        }
      : (options.mocks ?? NO_MOCKS),
    // Written only for mocked states, so runs without mocks share one empty map.
    options.mocks === undefined && options.mockConfig === undefined ? NO_INVOCATIONS : new Map(),
    options.s3,
    options.stateMachines === undefined ? undefined : childStarter(options),
  )
  const stopper = new Stopper(halt)
  if (options.signal !== undefined) {
    const outer = options.signal
    if (outer.aborted) stopper.stop(new Aborted())
    else outer.addEventListener('abort', () => stopper.stop(new Aborted()), { once: true })
  }
  history.add('ExecutionStarted', 0, startTime, {
    input: new JsonText(executionInput),
    inputDetails: NOT_TRUNCATED,
    roleArn,
  })
  const frame = new TopFrame(halt)
  if (env.maxPayloadBytes !== Infinity) {
    // Measured while it was copied: the first state's output is then bounded without a walk.
    frame.measuredValue = executionInput
    frame.measuredSize = payloadSize(executionInput)
  }

  const done = execute(env, prepared.machine, executionInput, frame, halt, stopper).then(
    (outcome) => {
      stopper.finished = true
      const stopMs = clock.now()
      return new Result(outcome, history, {
        executionArn,
        stateMachineArn,
        startDate: new Date(startTime),
        stopDate: new Date(stopMs),
        elapsedMs: stopMs - startTime,
      })
    },
  )

  return new Handle(executionArn, done, tokens, history, stopper)
}

/** `{ truncated: false }`, shared (PERF; AWS's details of untruncated payloads). */
const NOT_TRUNCATED: { readonly truncated: false } = Object.freeze({ truncated: false })
const NO_HANDLERS: Readonly<Record<string, TaskHandler>> = Object.freeze({})

interface Arns {
  readonly stateMachineArn: string
  /** The execution ARN without the execution name. */
  readonly executionPrefix: string
  readonly roleArn: string
}

let lastArns:
  | {
      region: string
      accountId: string
      stateMachineName: string
      explicitArn: string | undefined
      type: string
      arns: Arns
    }
  | undefined

/**
 * The ARNs an execution is known by (PERF: the last set is reused; executions of one test suite share
 * their region, account and state machine).
 */
function arnsFor(
  region: string,
  accountId: string,
  stateMachineName: string,
  explicitArn: string | undefined,
  type: 'STANDARD' | 'EXPRESS',
): Arns {
  const last = lastArns
  if (
    last !== undefined &&
    last.region === region &&
    last.accountId === accountId &&
    last.stateMachineName === stateMachineName &&
    last.explicitArn === explicitArn &&
    last.type === type
  ) {
    return last.arns
  }
  const stateMachineArn =
    explicitArn ?? `arn:aws:states:${region}:${accountId}:stateMachine:${stateMachineName}`
  const arns: Arns = {
    stateMachineArn,
    executionPrefix: `${stateMachineArn.replace(':stateMachine:', type === 'EXPRESS' ? ':express:' : ':execution:')}:`,
    roleArn: `arn:aws:iam::${accountId}:role/StatewrightLocalRole`,
  }
  lastArns = { region, accountId, stateMachineName, explicitArn, type, arns }
  return arns
}

/**
 * @internal What every state of one execution shares (a class: PERF, one allocation, and the `signal`
 * accessor on the prototype).
 */
class Env implements ExecutionEnv {
  constructor(
    readonly halt: Halt,
    readonly clock: Clock,
    readonly history: History,
    readonly random: RandomSource,
    readonly handlers: Readonly<Record<string, TaskHandler>>,
    readonly rootLanguage: QueryLanguage,
    readonly execution: JsonObject,
    readonly stateMachine: JsonObject,
    readonly region: string,
    readonly accountId: string,
    readonly stateMachineType: 'STANDARD' | 'EXPRESS',
    readonly maxPayloadBytes: number,
    readonly maxHistoryEvents: number,
    readonly tokens: TaskTokens,
    readonly mocks: Readonly<Record<string, MockedResponse>>,
    readonly mockInvocations: Map<string, number>,
    readonly s3: S3StandIn | undefined,
    readonly startChild: ChildStarter | undefined,
  ) {}

  get signal(): AbortSignal {
    return this.halt.signal
  }
}

/** @internal A running execution's handle (methods on the prototype: PERF, no closures per run). */
class Handle implements ExecutionHandle {
  readonly executionArn: string
  readonly done: Promise<ExecutionResult>
  readonly #tokens: TaskTokens
  readonly #history: History
  readonly #stopper: Stopper

  constructor(
    executionArn: string,
    done: Promise<ExecutionResult>,
    tokens: TaskTokens,
    history: History,
    stopper: Stopper,
  ) {
    this.executionArn = executionArn
    this.done = done
    this.#tokens = tokens
    this.#history = history
    this.#stopper = stopper
  }

  sendTaskSuccess(taskToken: string, output: unknown): void {
    this.#tokens.success(taskToken, toJsonValue(output))
  }

  sendTaskFailure(taskToken: string, error?: string, cause?: string): void {
    this.#tokens.failure(taskToken, error, cause)
  }

  sendTaskHeartbeat(taskToken: string): void {
    this.#tokens.heartbeat(taskToken)
  }

  pendingTaskTokens(): string[] {
    return this.#tokens.pending()
  }

  nextTaskToken(): Promise<string> {
    const waiting = this.#tokens.pending()
    if (waiting.length > 0) return Promise.resolve(waiting[0]!)
    return new Promise<string>((resolve, reject) => {
      this.#tokens.onToken(resolve)
      this.done.then(
        () => reject(new Error('The execution ended before it handed out a task token.')),
        reject,
      )
    })
  }

  stop(error?: string, cause?: string): void {
    if (!this.#stopper.finished) this.#stopper.stop(new Aborted(error, cause))
  }

  history(): HistoryEvent[] {
    return this.#history.events()
  }

  events(): AsyncIterable<HistoryEvent> {
    return stream(this.#history, this.done)
  }
}

async function* stream(history: History, done: Promise<unknown>): AsyncGenerator<HistoryEvent> {
  let seen = 0
  let ended = false
  done.then(
    () => (ended = true),
    () => (ended = true),
  )
  for (;;) {
    const events = history.events()
    while (seen < events.length) yield events[seen++]!
    if (ended && seen >= history.length) return
    await new Promise<void>((resolve) => {
      const off = history.subscribe(() => {
        off()
        resolve()
      })
      done.then(
        () => {
          off()
          resolve()
        },
        () => resolve(),
      )
    })
  }
}

/**
 * The resolved value of an execution. The public history (JSON text details) is built when first read:
 * most runs never read it.
 */
class Result implements ExecutionResult {
  readonly status: ExecutionStatus
  // Declared, not initialized: a key exists only when AWS would report the value.
  declare readonly output?: JsonValue
  declare readonly error?: string
  declare readonly cause?: string
  readonly executionArn: string
  readonly stateMachineArn: string
  readonly startDate: Date
  readonly stopDate: Date
  readonly elapsedMs: number
  readonly #history: History
  #events: HistoryEvent[] | undefined

  constructor(
    outcome: Outcome,
    history: History,
    info: Pick<
      ExecutionResult,
      'executionArn' | 'stateMachineArn' | 'startDate' | 'stopDate' | 'elapsedMs'
    >,
  ) {
    this.status = outcome.status
    const self = this as { output?: JsonValue; error?: string; cause?: string }
    if (outcome.output !== undefined) self.output = outcome.output
    if (outcome.error !== undefined) self.error = outcome.error
    if (outcome.cause !== undefined) self.cause = outcome.cause
    this.executionArn = info.executionArn
    this.stateMachineArn = info.stateMachineArn
    this.startDate = info.startDate
    this.stopDate = info.stopDate
    this.elapsedMs = info.elapsedMs
    this.#history = history
    // An own, enumerable property (spread and JSON.stringify see it), computed on first read.
    Object.defineProperty(this, 'history', Result.#HISTORY)
  }

  static readonly #HISTORY: PropertyDescriptor = {
    enumerable: true,
    get(this: Result): readonly HistoryEvent[] {
      return (this.#events ??= this.#history.events())
    },
  }

  declare readonly history: readonly HistoryEvent[]
}

type Outcome = { status: ExecutionStatus; output?: JsonValue; error?: string; cause?: string }

/** Records the execution's closing event (even at the history quota). */
function end(
  env: ExecutionEnv,
  frame: Frame,
  type: 'ExecutionSucceeded' | 'ExecutionFailed' | 'ExecutionAborted' | 'ExecutionTimedOut',
  details: Record<string, unknown>,
): void {
  env.history.add(type, frame.lastEventId, env.clock.now(), details)
}

/** AWS ends an Express execution after 5 minutes whatever its TimeoutSeconds says (ASL-SPEC §14). */
const EXPRESS_LIMIT_SECONDS = 300

/**
 * How long the execution may run: its `TimeoutSeconds`, capped at 5 minutes for EXPRESS. The Standard
 * cap (1 year) is left out: no test runs that long, and a timer per execution would cost for nothing.
 */
function executionLimitSeconds(
  type: 'STANDARD' | 'EXPRESS',
  timeoutSeconds: number | undefined,
): number | undefined {
  if (type !== 'EXPRESS') return timeoutSeconds
  return timeoutSeconds === undefined
    ? EXPRESS_LIMIT_SECONDS
    : Math.min(timeoutSeconds, EXPRESS_LIMIT_SECONDS)
}

async function execute(
  env: ExecutionEnv,
  machine: AslStateMachine,
  input: JsonValue,
  frame: Frame,
  halt: Halt,
  stopper: Stopper,
): Promise<Outcome> {
  let timers: AbortController | undefined
  let work: Promise<JsonValue> | undefined
  try {
    work = runStates(env, machine, input, frame)
    const racers: Promise<JsonValue>[] = [work]
    const limitSeconds = executionLimitSeconds(env.stateMachineType, machine.TimeoutSeconds)
    if (limitSeconds !== undefined) {
      timers = new AbortController()
      racers.push(
        env.clock.sleep(limitSeconds * 1000, timers.signal).then(() => {
          throw new TimedOut()
        }),
      )
    }
    // stop() and the caller's signal reject this (cheaper than an abort listener per execution).
    racers.push(
      new Promise<never>((_, reject) => {
        if (halt.aborted) reject(halt.reason)
        else stopper.reject = reject
      }),
    )
    const output = await Promise.race(racers)
    end(env, frame, 'ExecutionSucceeded', {
      output: new JsonText(output),
      outputDetails: NOT_TRUNCATED,
    })
    return { status: 'SUCCEEDED', output }
  } catch (error) {
    halt.abort(error)
    if ((error instanceof TimedOut || error instanceof Aborted) && work !== undefined) {
      // Let the running states record their aborted events first (bounded: one macrotask turn).
      await Promise.race([
        work.then(
          () => undefined,
          () => undefined,
        ),
        new Promise<void>((resolve) => setImmediate(resolve)),
      ])
    }
    if (error instanceof TimedOut) {
      end(env, frame, 'ExecutionTimedOut', {})
      return { status: 'TIMED_OUT' }
    }
    if (error instanceof Aborted) {
      end(env, frame, 'ExecutionAborted', withErrorCause(error.error, error.cause))
      return { status: 'ABORTED', ...withErrorCause(error.error, error.cause) }
    }
    if (error instanceof StatesError) {
      const errorName = error.error === '' ? undefined : error.error
      end(env, frame, 'ExecutionFailed', withErrorCause(errorName, error.cause))
      return { status: 'FAILED', ...withErrorCause(errorName, error.cause) }
    }
    const cause =
      error instanceof HistoryLimitError
        ? error.message
        : `Statewright could not run the execution: ${error instanceof Error ? error.message : String(error)}`
    end(env, frame, 'ExecutionFailed', { error: 'States.Runtime', cause })
    return { status: 'FAILED', error: 'States.Runtime', cause }
  } finally {
    timers?.abort('settled')
  }
}

/**
 * @internal The execution's stop flag. Its AbortSignal is made only when something waits on it
 * (PERF: materializing an AbortSignal costs several microseconds in Node 20).
 */
class Halt {
  aborted = false
  reason: unknown = undefined
  #controller: AbortController | undefined

  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController()
      if (this.aborted) this.#controller.abort(this.reason)
    }
    return this.#controller.signal
  }

  abort(reason: unknown): void {
    if (this.aborted) return
    this.aborted = true
    this.reason = reason
    this.#controller?.abort(reason)
  }
}

const NO_MOCKS: Readonly<Record<string, MockedResponse>> = Object.freeze({})
const NO_INVOCATIONS = new Map<string, number>()

/** The top-level States scope: its AbortSignal is the execution's, made on first read. */
class TopFrame implements Frame {
  variables: Readonly<Record<string, JsonValue>> = {}
  // AWS links the first state's entered event to 0, not to ExecutionStarted.
  lastEventId = 0
  measuredValue: JsonValue | undefined = undefined
  measuredSize: number | undefined = undefined
  readonly halt: Halt

  constructor(halt: Halt) {
    this.halt = halt
  }

  get signal(): AbortSignal {
    return this.halt.signal
  }
}

let lastStart = { ms: Number.NaN, text: '' }

/** `$$.Execution.StartTime` (PERF: executions started in the same millisecond share the text). */
function startTimeText(ms: number): string {
  if (lastStart.ms !== ms) lastStart = { ms, text: isoTimestamp(ms) }
  return lastStart.text
}

/** @internal How stop() and the caller's signal reach the running execution. */
class Stopper {
  readonly #halt: Halt
  /** Rejects the execution's race (set while it runs). */
  reject: ((reason: unknown) => void) | undefined = undefined
  finished = false

  constructor(halt: Halt) {
    this.#halt = halt
  }

  stop(reason: Aborted): void {
    if (this.#halt.aborted) return
    this.#halt.abort(reason)
    this.reject?.(reason)
  }
}

function withErrorCause(
  error: string | undefined,
  cause: string | undefined,
): { error?: string; cause?: string } {
  return { ...(error !== undefined ? { error } : {}), ...(cause !== undefined ? { cause } : {}) }
}

/**
 * Runs a state machine to the end, in process, and resolves to its result: status, output or
 * error/cause, and the GetExecutionHistory-shaped history. Never rejects for an execution failure;
 * rejects with DefinitionError (SFN4xx) when the definition or input is invalid.
 *
 * @example
 * const result = await run(
 *   { StartAt: 'Hello', States: { Hello: { Type: 'Pass', Result: 'world', End: true } } },
 *   {},
 * )
 * result.status // 'SUCCEEDED'
 * result.output // 'world'
 */
export function run(
  definition: Runnable,
  input?: unknown,
  options?: RunOptions,
): Promise<ExecutionResult> {
  // Not an async function (PERF: one promise and two turns less), yet a DefinitionError still rejects.
  try {
    return startExecution(definition, input, options).done
  } catch (error) {
    return Promise.reject(error)
  }
}
