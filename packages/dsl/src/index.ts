// The public surface of @statewright/dsl: builders users call, condition helpers, and type utilities.
export { task } from './builders/task.ts'
export type { TaskBuilder, TaskOptions } from './builders/task.ts'
export { StateBuilder } from './builders/state.ts'
export type {
  CatchOptions,
  CatchOutput,
  CaughtError,
  NumberSource,
  ProcessingKind,
} from './builders/state.ts'
export { pass } from './builders/pass.ts'
export type { PassBuilder, PassOptions } from './builders/pass.ts'
export { wait, WaitBuilder } from './builders/wait.ts'
export type { WaitOptions, WaitOutputOptions } from './builders/wait.ts'
export { parallel } from './builders/parallel.ts'
export type { ParallelInput, ParallelOutput, Target, TargetChain } from './builders/parallel.ts'
export { map } from './builders/map.ts'
export type {
  DistributedOptions,
  IterationInput,
  MapOptions,
  MapOutput,
  MapRunResult,
  ResultWriterOptions,
} from './builders/map.ts'
export { choice, ChoiceBuilder } from './builders/choice.ts'
export type { RuleOptions } from './builders/choice.ts'
export { set } from './assignments.ts'
export type { Assignment, AssignmentsIn } from './assignments.ts'
export { succeed, SucceedBuilder } from './builders/succeed.ts'
export type { SucceedOptions } from './builders/succeed.ts'
export { fail, FailBuilder } from './builders/fail.ts'
export type { FailOptions } from './builders/fail.ts'
export { Chain, chainOf } from './builders/chain.ts'
export type { ClosedChain, FitsInput, NextChain } from './builders/chain.ts'
export type { Chainable } from './builders/piece.ts'
export type { ErrorName, RetryOptions } from './builders/retry-options.ts'
export { workflow, Workflow } from './builders/workflow.ts'
export { fragment, goto } from './builders/flow.ts'
export type { Fragment, Goto } from './builders/flow.ts'
export {
  activity,
  awsSdk,
  dynamoGetItem,
  dynamoPutItem,
  dynamoUpdateItem,
  eventBridgePutEvents,
  httpInvoke,
  snsPublish,
  sqsSendMessage,
  startExecution,
  taskToken,
  waitForTaskToken,
} from './integrations.ts'
export type {
  AttributeValue,
  ChildWorkflow,
  DynamoGetItemRequest,
  DynamoItem,
  DynamoPutItemRequest,
  DynamoUpdateItemRequest,
  EventEntry,
  HttpRequest,
  HttpResponse,
  IntegrationOptions,
  PutEventsResponse,
  SnsPublishRequest,
  SnsPublishResponse,
  SqsSendMessageRequest,
  SqsSendMessageResponse,
  StartExecutionRequest,
  StartExecutionResult,
  SyncExecutionResult,
  TaskToken,
} from './integrations.ts'
export type { WorkflowOptions } from './builders/workflow.ts'
export { lambda, lambdaInvoke, defineTask } from './define-task.ts'
export type {
  DefineTaskOptions,
  HandlerResult,
  LambdaInvokeResult,
  LambdaOptions,
  TaskDefinition,
} from './define-task.ts'
export {
  and,
  condition,
  eq,
  gt,
  gte,
  isBoolean,
  isNull,
  isNumeric,
  isPresent,
  isString,
  isTimestamp,
  lt,
  lte,
  matches,
  not,
  or,
  timestampEq,
  timestampGt,
  timestampGte,
  timestampLt,
  timestampLte,
} from './conditions.ts'
export type { Comparable, Condition, ConditionReads } from './conditions.ts'
export { at } from './ref.ts'
export type { Ref, RefValue, ValueRef } from './ref.ts'
export { jsonata } from './template.ts'
export type { Expression, Resolved, Template } from './template.ts'
export { localVariable, variable } from './variables.ts'
export type {
  AssignsMark,
  LocalVariable,
  MarksOf,
  ReadsMark,
  Scope,
  ScopeMark,
  Variable,
  VariableScope,
} from './variables.ts'
export type { ContextObject, MapContextObject } from './context-object.ts'
export {
  array,
  arrayContains,
  arrayGetItem,
  arrayLength,
  arrayPartition,
  arrayRange,
  arrayUnique,
  base64Decode,
  base64Encode,
  format,
  hash,
  jsonMerge,
  jsonToString,
  mathAdd,
  mathRandom,
  stringSplit,
  stringToJson,
  uuid,
} from './intrinsics.ts'
export type { Arg, FormatArgs, HashAlgorithm } from './intrinsics.ts'
export type { Fits, FitsCatch, InputOf, OutputOf, Passthrough, ResultAt } from './infer.ts'
export type { DslTypeError, MisfitFields, SetPath, Simplify } from './type-utils.ts'
export { DslError, DSL_ERROR_CODES } from './errors.ts'
export type { DslErrorCode } from './errors.ts'
