import type { JsonValue, TaskHandler } from '@statewright/asl'
import type { Clock } from './clock.ts'
import type { Runnable } from './execution.ts'
import type { MockConfigFile, MockedResponse } from './mocks.ts'
import type { HistoryEvent } from './events.ts'
import type { RandomSource } from './random.ts'
import type { S3StandIn } from './s3.ts'

/** How an execution ended (DescribeExecution's `status`). */
export type ExecutionStatus = 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED'

/** Names and ARNs the execution reports in `$$.Execution`, `$$.StateMachine` and its history. */
export interface ExecutionNames {
  /** Default `111111111111`. */
  readonly accountId?: string
  /** Default `us-east-1`. */
  readonly region?: string
  /** Default `LocalStateMachine`. */
  readonly stateMachineName?: string
  /** Default built from region, account and name. */
  readonly stateMachineArn?: string
  /** Default a UUID from the random source. */
  readonly executionName?: string
  /** Default built from the state machine ARN and the execution name. */
  readonly executionArn?: string
  /** Default `arn:aws:iam::<account>:role/StatewrightLocalRole`. */
  readonly roleArn?: string
}

/** Options of `run()` and `startExecution()`. */
export interface RunOptions extends ExecutionNames {
  /**
   * Local stand-ins for what Tasks call, keyed by Task state name, Lambda function name (or ARN) or
   * resource ARN (looked up in that order).
   */
  readonly handlers?: Readonly<Record<string, TaskHandler>>
  /**
   * Mocked service responses by Task state name (Step Functions Local's format): a mocked state calls
   * no handler; its answer replaces the whole service response.
   */
  readonly mocks?: Readonly<Record<string, MockedResponse>>
  /** A Step Functions Local MockConfigFile; with `mockTestCase`, its mocks for this state machine. */
  readonly mockConfig?: MockConfigFile
  /** The test case of `mockConfig` to use (looked up under `stateMachineName`). */
  readonly mockTestCase?: string
  /**
   * State machines that `states:startExecution` (`.sync`, `.sync:2`, request-response) and
   * `aws-sdk:sfn:startExecution` tasks start in process, keyed by ARN or name. Children share the
   * parent's clock, random source, handlers and task tokens.
   */
  readonly stateMachines?: Readonly<Record<string, Runnable>>
  /** What Distributed Map ItemReader and ResultWriter use instead of Amazon S3 (InMemoryS3, LocalFolderS3). */
  readonly s3?: S3StandIn
  /** `'virtual'` (default): waits, back-off and timeouts finish at once; `'real'` waits for real; or your own Clock. */
  readonly clock?: 'virtual' | 'real' | Clock
  /** Start time of the execution (ms since epoch or Date); default now. */
  readonly startTime?: number | Date
  /** Seed of the random source used for jitter, `$random()`, UUIDs and task tokens; or the source itself. */
  readonly random?: number | RandomSource
  /** `STANDARD` (default) or `EXPRESS` (affects limits and ARNs). */
  readonly stateMachineType?: 'STANDARD' | 'EXPRESS'
  /** Stop the execution (status ABORTED) when this aborts. */
  readonly signal?: AbortSignal
  /**
   * History event quota; default 25,000 as on AWS for STANDARD (none for EXPRESS, which AWS keeps no
   * history for). Set `Infinity` for huge inline Maps in tests.
   */
  readonly maxHistoryEvents?: number
  /**
   * Payload quota in bytes (default 262,144 as on AWS); outputs above it fail with
   * `States.DataLimitExceeded`.
   */
  readonly maxPayloadBytes?: number
  /** Called with every history event as it is recorded. */
  readonly onEvent?: (event: HistoryEvent) => void
  /** Skip definition validation (it still runs basic shape checks). */
  readonly skipValidation?: boolean
}

/** What `run()` resolves to: DescribeExecution's answer plus the history. */
export interface ExecutionResult {
  readonly status: ExecutionStatus
  /** The execution output (SUCCEEDED only). */
  readonly output?: JsonValue
  /** Error name (FAILED, TIMED_OUT, ABORTED), when AWS would report one. */
  readonly error?: string
  /** Cause text, when AWS would report one. */
  readonly cause?: string
  /** GetExecutionHistory's events, oldest first. */
  readonly history: readonly HistoryEvent[]
  readonly executionArn: string
  readonly stateMachineArn: string
  readonly startDate: Date
  readonly stopDate: Date
  /** Simulated (virtual clock) or real milliseconds from start to stop. */
  readonly elapsedMs: number
}
