import type { AslState, AslStateMachine } from '@statewright/asl'
import type { StateNode } from '../ir/state-node.ts'
import type { ValueNode } from '../ir/value-node.ts'
import type { AwsTarget, WorkflowNode } from '../ir/workflow-node.ts'
import { activityArnVariable, lambdaArnVariable } from './resource.ts'
import { lowerState } from './state.ts'

/** Options of `lowerWorkflow`; each field overrides the workflow's own. */
export interface LowerOptions {
  readonly region?: string
  readonly account?: string
  readonly partition?: string
}

/**
 * The ASL document of a workflow, in the workflow's query language (JSONPath unless set).
 * @example
 * lowerWorkflow(ecommerce.toIr(), { region: 'us-east-1', account: '123456789012' })
 * // { Comment: '…', StartAt: 'ProcessPayment', States: { ProcessPayment: { Type: 'Task', … } } }
 */
export function lowerWorkflow(node: WorkflowNode, options: LowerOptions = {}): AslStateMachine {
  const target: AwsTarget = { ...node.target, ...definedFields(options) }
  const states: Record<string, AslState> = {}
  const ctx = { target, queryLanguage: node.queryLanguage ?? 'JSONPath' } as const
  // PERF: an index loop: `states` is a frozen array, and V8 does not inline for-of over one (an
  // iterator result object per state).
  const list = node.states
  for (let index = 0; index < list.length; index++) {
    const state = list[index] as StateNode
    states[state.name] = lowerState(state, ctx)
  }
  return {
    ...(node.comment === undefined ? {} : { Comment: node.comment }),
    StartAt: node.startAt,
    States: states,
    ...(node.timeoutSeconds === undefined ? {} : { TimeoutSeconds: node.timeoutSeconds }),
    ...(node.version === undefined ? {} : { Version: node.version }),
    ...(node.queryLanguage === undefined ? {} : { QueryLanguage: node.queryLanguage }),
  }
}

const definedFields = (options: LowerOptions): AwsTarget =>
  Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined))

/** One definition substitution a deployment tool must fill in (CDK/SAM `DefinitionSubstitutions`). */
export interface Substitution {
  readonly kind: 'lambda-function-arn' | 'activity-arn' | 'state-machine-arn'
  /** The Lambda function's, the activity's or the child state machine's name. */
  readonly functionName: string
}

/**
 * The `${…}` variables that `lowerWorkflow` writes when the region or account is unknown, keyed by variable.
 * @example
 * substitutionsOf(ecommerce.toIr())
 * // { ProcessPaymentFunctionArn: { kind: 'lambda-function-arn', functionName: 'ProcessPaymentFunction' }, … }
 */
export function substitutionsOf(
  node: WorkflowNode,
  options: LowerOptions = {},
): Record<string, Substitution> {
  const target: AwsTarget = { ...node.target, ...definedFields(options) }
  const found: Record<string, Substitution> = {}
  if (target.region !== undefined && target.account !== undefined) return found
  for (const state of allStates(node.states)) {
    if (state.kind !== 'Task') continue
    // startExecution() writes its child's ARN as a `${<Name>StateMachineArn}` literal in Parameters.
    for (const text of literalStrings(state.parameters)) {
      const match = /^\$\{([A-Za-z0-9]+)StateMachineArn\}$/.exec(text)
      if (match !== null) {
        found[`${match[1]}StateMachineArn`] = {
          kind: 'state-machine-arn',
          functionName: match[1] as string,
        }
      }
    }
    if (state.resource.kind === 'activity') {
      const { activityName } = state.resource
      if (!activityName.startsWith('arn:')) {
        found[activityArnVariable(activityName)] = {
          kind: 'activity-arn',
          functionName: activityName,
        }
      }
      continue
    }
    if (state.resource.kind !== 'lambda') continue
    const { functionName } = state.resource
    if (functionName.startsWith('arn:')) continue
    found[lambdaArnVariable(functionName)] = { kind: 'lambda-function-arn', functionName }
  }
  return found
}

function* literalStrings(node: ValueNode | undefined): Generator<string> {
  if (node === undefined) return
  if (node.kind === 'literal' && typeof node.value === 'string') yield node.value
  else if (node.kind === 'object')
    for (const [, value] of node.entries) yield* literalStrings(value)
  else if (node.kind === 'array') for (const item of node.items) yield* literalStrings(item)
}

/** Every state, including those inside Parallel branches and Map processors. */
export function* allStates(states: readonly StateNode[]): Generator<StateNode> {
  for (const state of states) {
    yield state
    if (state.kind === 'Parallel')
      for (const branch of state.branches) yield* allStates(branch.states)
    if (state.kind === 'Map') yield* allStates(state.processor.states)
  }
}
