// The create-time validator of any ASL definition (issue 5): used by the runtime before it runs
// anything, by the compiler on everything it emits, and by `statewright validate`.
//
// Layout: validate.ts (entry: text → guard → rules), guard.ts (cycles, depth, non-JSON values),
// json-text.ts and locate.ts (parse errors and line/column of JSON text), rules/ (one file per
// concern: machine, state, expressions, literals, and one per state family), fields.ts (which
// fields each state type takes in which query language), resource.ts (Task ARNs), aws.ts (AWS's
// answer shapes), diagnostic.ts (the SFN200–SFN249 code table).
//
// Severity: errors are what AWS refuses at CreateStateMachine; warnings are AWS's own advisory
// codes (NO_DOLLAR, PASS_RESULT_IS_STATIC) and mistakes AWS only finds at run time
// (NOT_CHECKED_BY_AWS). Callers that decide "would AWS accept this" filter on severity 'error'.
export { validateStateMachine } from './validate.ts'
export {
  formatAwsInvalidDefinition,
  validateStateMachineDefinition,
  variableReferences,
} from './aws.ts'
export type { AwsValidationDiagnostic, AwsValidationOptions, AwsValidationResult } from './aws.ts'
export { DIAGNOSTIC_CODES, formatPath } from './diagnostic.ts'
export type { Diagnostic, DiagnosticCode, ValidateOptions } from './diagnostic.ts'
export { isRfc3339Timestamp } from './timestamp.ts'
export { locatePaths } from './locate.ts'
export type { TextPosition } from './locate.ts'
export { classifyResource } from './resource.ts'
export type { ResourceKind } from './resource.ts'
// The JSON-shape schema lives beside the validator's rules; re-exported here so '@statewright/asl' has it.
export { aslStateMachineSchema, jsonValueSchema } from '../schema.ts'
