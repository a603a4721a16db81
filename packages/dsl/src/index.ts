// The public surface of @statewright/dsl: builders users call, condition helpers, and type utilities.
export { task, TaskBuilder } from './builders/task.ts'
export type { CaughtError, CatchOptions, TaskOptions } from './builders/task.ts'
export { pass, PassBuilder } from './builders/pass.ts'
export type { PassOptions } from './builders/pass.ts'
export { choice, ChoiceBuilder } from './builders/choice.ts'
export { succeed, SucceedBuilder } from './builders/succeed.ts'
export { fail, FailBuilder } from './builders/fail.ts'
export type { FailOptions } from './builders/fail.ts'
export { Chain } from './builders/chain.ts'
export type { ClosedChain, NextChain } from './builders/chain.ts'
export type { Chainable } from './builders/piece.ts'
export type { ErrorName, RetryOptions } from './builders/retry-options.ts'
export { workflow, Workflow } from './builders/workflow.ts'
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
} from './conditions.ts'
export type { Comparable, Condition } from './conditions.ts'
export type { Ref, RefValue, ValueRef } from './ref.ts'
export type { Fits, InputOf, OutputOf, Passthrough } from './infer.ts'
export type { DslTypeError, Simplify } from './type-utils.ts'
export { DslError, DSL_ERROR_CODES } from './errors.ts'
export type { DslErrorCode } from './errors.ts'
