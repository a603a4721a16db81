import type { JsonValue, TaskHandler } from '@statewright/asl'
import type { Clock } from '../clock.ts'
import type { RandomSource } from '../random.ts'
import type { S3StandIn } from '../s3.ts'

/** How much TestState reports: INFO (status, output, error), DEBUG/TRACE (plus inspectionData). */
export type InspectionLevel = 'INFO' | 'DEBUG' | 'TRACE'

/** What TestState answers: AWS's four outcomes of testing one state. */
export type TestStateStatus = 'SUCCEEDED' | 'FAILED' | 'CAUGHT_ERROR' | 'RETRIABLE'

/** A mocked service answer for the tested Task, Map or Parallel state (TestState's `mock`). */
export interface TestStateMock {
  /** The mocked result as JSON text, as the API takes it (an array for Map and Parallel). */
  readonly result?: string
  /** The error the mocked service (or Map iteration) raises instead of a result. */
  readonly errorOutput?: { readonly error?: string; readonly cause?: string }
  /**
   * How `result` is checked against the integrated service's API response shape: STRICT (default:
   * types, ranges and required fields), PRESENT (only the fields given), NONE.
   */
  readonly fieldValidationMode?: 'STRICT' | 'PRESENT' | 'NONE'
}

/** TestState's `stateConfiguration`: the circumstances the tested state runs in. */
export interface TestStateConfiguration {
  /** How many retries already happened (decides RETRIABLE versus exhausted retriers). */
  readonly retrierRetryCount?: number
  /** The state inside a mocked Map/Parallel that raised `mock.errorOutput`. */
  readonly errorCausedByState?: string
  /** How many iterations of a mocked Map failed (checked against its tolerated failures). */
  readonly mapIterationFailureCount?: number
  /** What a Distributed Map's ItemReader reads, as found in its source (JSON, JSONL or CSV text). */
  readonly mapItemReaderData?: string
}

/** A TestState call: one state (or `stateName` of a whole machine), its input and circumstances. */
export interface TestStateRequest {
  /**
   * One state (its JSON object or text), or a whole state machine when `stateName` is given: ASL, or
   * a Statewright workflow (whose local handlers then stand in for unmocked tasks).
   */
  readonly definition: unknown
  /** The state's input as a JSON value (`{}` when left out). */
  readonly input?: unknown
  /** The state of a whole-machine `definition` to test. */
  readonly stateName?: string
  /** `$$.Execution.RoleArn`; `null` when left out, as AWS reports it. */
  readonly roleArn?: string
  /** Default INFO. */
  readonly inspectionLevel?: InspectionLevel
  /** HTTP Task secrets in inspection data; refused together with a mock, as AWS does. */
  readonly revealSecrets?: boolean
  /** Workflow variables visible to the state. */
  readonly variables?: Readonly<Record<string, unknown>>
  /** The Context Object the state sees, instead of the one TestState makes up. */
  readonly context?: unknown
  readonly mock?: TestStateMock
  readonly stateConfiguration?: TestStateConfiguration
}

/** What happened at each step of the state's input and output processing (DEBUG and TRACE). */
export interface InspectionData {
  readonly input?: JsonValue
  readonly afterInputPath?: JsonValue
  readonly afterParameters?: JsonValue
  readonly afterArguments?: JsonValue
  readonly result?: JsonValue
  readonly afterResultSelector?: JsonValue
  readonly afterResultPath?: JsonValue
  readonly afterItemsPath?: JsonValue
  /** Each Map iteration's input after ItemSelector. */
  readonly afterItemSelector?: JsonValue
  /** The batches a Map's ItemBatcher makes of the items. */
  readonly afterItemBatcher?: JsonValue
  readonly variables?: JsonValue
  readonly maxConcurrency?: number
  readonly toleratedFailureCount?: number
  readonly toleratedFailurePercentage?: number
  /**
   * The retrier that matched (`retryIndex`; with `retryBackoffIntervalSeconds` while it has attempts
   * left) and the catcher that caught the error (`catchIndex`).
   */
  readonly errorDetails?: {
    readonly retryIndex?: number
    readonly retryBackoffIntervalSeconds?: number
    readonly catchIndex?: number
  }
}

/** TestState's answer. JSON fields that the API returns as text are given parsed. */
export interface TestStateResult {
  readonly status: TestStateStatus
  readonly output?: JsonValue
  readonly error?: string
  readonly cause?: string
  /** The state that would run next (Next, a Choice target, a Catcher's Next). */
  readonly nextState?: string
  readonly inspectionData?: InspectionData
}

/** Local stand-ins for what TestState would call in AWS when no mock is given. */
export interface TestStateOptions {
  /** Task handlers by state name, function name or resource ARN (as for `run()`). */
  readonly handlers?: Readonly<Record<string, TaskHandler>>
  /** A seed or a random source for UUIDs, `$random` and jitter. */
  readonly random?: number | RandomSource
  /** Default: a virtual clock starting now. */
  readonly clock?: Clock
  readonly region?: string
  readonly accountId?: string
  /** S3 for a Distributed Map's ItemReader/ResultWriter, unless `mapItemReaderData` is given. */
  readonly s3?: S3StandIn
}
