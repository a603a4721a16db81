/** The `States.*` error names ASL reserves (ASL-SPEC §9.1). */
export const STATES_ERRORS = [
  'States.ALL',
  'States.DataLimitExceeded',
  'States.ExceedToleratedFailureThreshold',
  'States.HeartbeatTimeout',
  'States.Http.Socket',
  'States.IntrinsicFailure',
  'States.ItemReaderFailed',
  'States.NoChoiceMatched',
  'States.ParameterPathFailure',
  'States.Permissions',
  'States.QueryEvaluationError',
  'States.ResultPathMatchFailure',
  'States.ResultWriterFailed',
  'States.Runtime',
  'States.TaskFailed',
  'States.Timeout',
  'States.BranchFailed',
] as const

export type StatesErrorName = (typeof STATES_ERRORS)[number]

/**
 * An error name as written in `ErrorEquals`: a reserved `States.*` name, an HTTP status error, or any
 * other string (a Lambda `errorType`, `DynamoDB.ConditionalCheckFailedException`, …). The `string & {}`
 * keeps editor completion for the reserved names.
 */
export type AslErrorName = StatesErrorName | `States.Http.StatusCode.${number}` | (string & {})

/** Errors that neither Retry nor Catch ever sees (ASL-SPEC §9.1). */
export const UNCATCHABLE_ERRORS: readonly string[] = Object.freeze(['States.Runtime'])
