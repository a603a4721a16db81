// The compiler's view of the DSL (`@statewright/dsl/ir`): frozen IR data and the IR → ASL lowering.
export type { PathNode, PathRoot, PathSegment } from './path-node.ts'
export type {
  CompareOperator,
  ConditionNode,
  LiteralNode,
  OperandKind,
  TestKind,
} from './condition-node.ts'
export type { CatchClause, RetryPolicy } from './error-handling.ts'
export type { TaskNode, TaskResource } from './task-node.ts'
export type { PassNode } from './pass-node.ts'
export type { ChoiceNode, ChoiceRule } from './choice-node.ts'
export type { SucceedNode } from './succeed-node.ts'
export type { FailNode } from './fail-node.ts'
export type { WaitNode } from './wait-node.ts'
export type { BranchNode, ParallelNode } from './parallel-node.ts'
export type { DistributedMapConfig, MapNode } from './map-node.ts'
export type { StateBase, StateIo } from './state-io.ts'
export type { IntrinsicName, ValueNode } from './value-node.ts'
export { constantOf, isConstant } from './value-node.ts'
export type { StateNode, StateKind } from './state-node.ts'
export { canCatch, isTerminal, successorsOf } from './state-node.ts'
export type { AwsTarget, WorkflowNode } from './workflow-node.ts'
export type { SourceLocation } from '../source.ts'
export { allStates, lowerWorkflow, substitutionsOf } from '../lower/workflow.ts'
export type { LowerOptions, Substitution } from '../lower/workflow.ts'
export { lowerState } from '../lower/state.ts'
export type { LowerContext } from '../lower/context.ts'
export { lowerJsonPath, lowerJsonataPath } from '../lower/path.ts'
export {
  activityArn,
  activityArnVariable,
  lambdaArn,
  lambdaArnVariable,
} from '../lower/resource.ts'
