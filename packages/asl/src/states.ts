/**
 * Amazon States Language, as TypeScript types. Field names are ASL's (PascalCase); which fields a state
 * may carry in which query language is enforced by the validator (`validate.ts`), not by these types,
 * because the runtime must be able to describe (and reject) any JSON it is handed.
 */

/** Any JSON value. */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }
export type JsonObject = { [key: string]: JsonValue }

export type QueryLanguage = 'JSONPath' | 'JSONata'
export type StateType =
  'Task' | 'Pass' | 'Choice' | 'Wait' | 'Succeed' | 'Fail' | 'Parallel' | 'Map'

export const STATE_TYPES: readonly StateType[] = Object.freeze([
  'Task',
  'Wait',
  'Pass',
  'Succeed',
  'Fail',
  'Choice',
  'Parallel',
  'Map',
])

/** A `{% … %}` JSONata expression string, or a literal of type T. */
export type Expr<T> = T | string

export interface AslStateMachine {
  StartAt: string
  States: Record<string, AslState>
  Comment?: string
  Version?: string
  TimeoutSeconds?: number
  QueryLanguage?: QueryLanguage
}

/** A Parallel branch or a Map processor: a nested state machine. */
export interface AslBranch {
  StartAt: string
  States: Record<string, AslState>
  Comment?: string
}

export interface AslItemProcessor extends AslBranch {
  ProcessorConfig?: { Mode?: 'INLINE' | 'DISTRIBUTED'; ExecutionType?: 'STANDARD' | 'EXPRESS' }
}

interface AslStateBase {
  Comment?: string
  QueryLanguage?: QueryLanguage
}

interface AslTransition {
  Next?: string
  End?: boolean
}

interface AslAssigns {
  Assign?: JsonObject
}

interface AslJsonPathIo {
  InputPath?: string | null
  OutputPath?: string | null
}

export interface AslRetrier {
  ErrorEquals: string[]
  IntervalSeconds?: number
  MaxAttempts?: number
  BackoffRate?: number
  MaxDelaySeconds?: number
  JitterStrategy?: 'FULL' | 'NONE'
  Comment?: string
}

export interface AslCatcher {
  ErrorEquals: string[]
  Next: string
  ResultPath?: string | null
  Output?: JsonValue
  Assign?: JsonObject
  Comment?: string
}

interface AslErrorHandling {
  Retry?: AslRetrier[]
  Catch?: AslCatcher[]
}

interface AslResultProcessing {
  Parameters?: JsonValue
  ResultSelector?: JsonObject
  ResultPath?: string | null
  Arguments?: JsonValue
  Output?: JsonValue
}

export interface AslTaskState
  extends
    AslStateBase,
    AslTransition,
    AslAssigns,
    AslJsonPathIo,
    AslErrorHandling,
    AslResultProcessing {
  Type: 'Task'
  Resource: string
  TimeoutSeconds?: Expr<number>
  TimeoutSecondsPath?: string
  HeartbeatSeconds?: Expr<number>
  HeartbeatSecondsPath?: string
  Credentials?: JsonObject
}

export interface AslPassState extends AslStateBase, AslTransition, AslAssigns, AslJsonPathIo {
  Type: 'Pass'
  Result?: JsonValue
  ResultPath?: string | null
  Parameters?: JsonValue
  Output?: JsonValue
}

/** A JSONPath data-test or boolean rule; operators are the keys of `ChoiceOperator`. */
export interface AslChoiceRule {
  Variable?: string
  And?: AslChoiceRule[]
  Or?: AslChoiceRule[]
  Not?: AslChoiceRule
  Condition?: Expr<boolean>
  Next?: string
  Assign?: JsonObject
  Output?: JsonValue
  Comment?: string
  [operator: string]: JsonValue | AslChoiceRule | AslChoiceRule[] | undefined
}

export interface AslChoiceState extends AslStateBase, AslAssigns, AslJsonPathIo {
  Type: 'Choice'
  Choices: AslChoiceRule[]
  Default?: string
  Output?: JsonValue
}

export interface AslWaitState extends AslStateBase, AslTransition, AslAssigns, AslJsonPathIo {
  Type: 'Wait'
  Seconds?: Expr<number>
  SecondsPath?: string
  Timestamp?: string
  TimestampPath?: string
  Output?: JsonValue
}

export interface AslSucceedState extends AslStateBase, AslJsonPathIo {
  Type: 'Succeed'
  Output?: JsonValue
}

export interface AslFailState extends AslStateBase {
  Type: 'Fail'
  Error?: string
  ErrorPath?: string
  Cause?: string
  CausePath?: string
}

export interface AslParallelState
  extends
    AslStateBase,
    AslTransition,
    AslAssigns,
    AslJsonPathIo,
    AslErrorHandling,
    AslResultProcessing {
  Type: 'Parallel'
  Branches: AslBranch[]
}

export interface AslItemReader {
  Resource: string
  ReaderConfig?: {
    InputType?: 'CSV' | 'JSON' | 'JSONL' | 'PARQUET' | 'MANIFEST'
    CSVHeaderLocation?: 'FIRST_ROW' | 'GIVEN'
    CSVHeaders?: string[]
    CSVDelimiter?: 'COMMA' | 'PIPE' | 'SEMICOLON' | 'SPACE' | 'TAB'
    ManifestType?: 'ATHENA_DATA' | 'S3_INVENTORY'
    Transformation?: 'NONE' | 'LOAD_AND_FLATTEN'
    ItemsPointer?: string
    MaxItems?: Expr<number>
    MaxItemsPath?: string
  }
  Parameters?: JsonObject
  Arguments?: JsonValue
}

export interface AslItemBatcher {
  MaxItemsPerBatch?: Expr<number>
  MaxItemsPerBatchPath?: string
  MaxInputBytesPerBatch?: Expr<number>
  MaxInputBytesPerBatchPath?: string
  BatchInput?: JsonValue
}

export interface AslResultWriter {
  Resource?: string
  Parameters?: JsonObject
  Arguments?: JsonValue
  WriterConfig?: { OutputType?: 'JSON' | 'JSONL'; Transformation?: 'NONE' | 'COMPACT' | 'FLATTEN' }
}

export interface AslMapState
  extends AslStateBase, AslTransition, AslAssigns, AslJsonPathIo, AslErrorHandling {
  Type: 'Map'
  ItemProcessor?: AslItemProcessor
  /** Deprecated spelling of ItemProcessor. */
  Iterator?: AslItemProcessor
  ItemsPath?: string
  Items?: JsonValue
  ItemSelector?: JsonValue
  /** Deprecated spelling of ItemSelector (JSONPath only). */
  Parameters?: JsonValue
  ResultSelector?: JsonObject
  ResultPath?: string | null
  Output?: JsonValue
  MaxConcurrency?: Expr<number>
  MaxConcurrencyPath?: string
  ItemReader?: AslItemReader
  ItemBatcher?: AslItemBatcher
  ResultWriter?: AslResultWriter
  ToleratedFailureCount?: Expr<number>
  ToleratedFailureCountPath?: string
  ToleratedFailurePercentage?: Expr<number>
  ToleratedFailurePercentagePath?: string
  Label?: string
}

export type AslState =
  | AslTaskState
  | AslPassState
  | AslChoiceState
  | AslWaitState
  | AslSucceedState
  | AslFailState
  | AslParallelState
  | AslMapState

/** The state interface for one `Type`. */
export type AslStateOf<TType extends StateType> = Extract<AslState, { Type: TType }>
