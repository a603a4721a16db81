// The create-time validator of any ASL definition (issue 5): used by the runtime before it runs
// anything, by the compiler on everything it emits, and by `statewright validate`.
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
