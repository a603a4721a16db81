import type { ZodType } from 'zod'
import type { CatchClause, RetryPolicy } from './error-handling.ts'
import type { StateBase, StateIo } from './state-io.ts'
import type { ValueNode } from './value-node.ts'

/**
 * What a Task calls. `lambda` keeps the function name, not an ARN, so that lowering can write the ARN for
 * the workflow's region/account or a `${<Name>Arn}` substitution for deployment tools.
 */
export type TaskResource =
  | {
      readonly kind: 'lambda'
      readonly functionName: string
      readonly form: 'arn' | 'invoke'
      /** lambda:invoke only: the function's result is `Payload` of the envelope, unwrapped for the user. */
      readonly unwrap?: boolean
    }
  | { readonly kind: 'arn'; readonly arn: string }
  /** An activity: its ARN is written for the workflow's region/account, or as a `${<Name>ActivityArn}`. */
  | { readonly kind: 'activity'; readonly activityName: string }

export interface TaskNode extends StateBase, StateIo {
  readonly kind: 'Task'
  readonly resource: TaskResource
  readonly retry: readonly RetryPolicy[]
  readonly catch: readonly CatchClause[]
  /** Unset means this state ends the workflow. */
  readonly next?: string
  readonly inputSchema?: ZodType
  readonly outputSchema?: ZodType
  /** A number (TimeoutSeconds), a reference (TimeoutSecondsPath) or a JSONata expression. */
  readonly timeout?: ValueNode
  /** A number (HeartbeatSeconds), a reference (HeartbeatSecondsPath) or a JSONata expression. */
  readonly heartbeat?: ValueNode
  /** `Credentials`: an object template with `RoleArn`. */
  readonly credentials?: ValueNode
}

// One frozen empty list for every node without retriers or catchers (most of them): nothing appends
// to it in place, `withRetry`/`withCatch` and the builders copy.
const NONE: readonly never[] = Object.freeze([])

export const TaskNode = {
  create: (
    name: string,
    resource: TaskResource,
    schemas: { readonly input?: ZodType; readonly output?: ZodType } = {},
  ): TaskNode => {
    // PERF: fields written one by one; conditional spreads allocate an object and call the runtime each.
    const node: { -readonly [K in keyof TaskNode]: TaskNode[K] } = {
      kind: 'Task',
      name,
      resource,
      retry: NONE,
      catch: NONE,
    }
    if (schemas.input !== undefined) node.inputSchema = schemas.input
    if (schemas.output !== undefined) node.outputSchema = schemas.output
    return Object.freeze(node)
  },
  withRetry: (node: TaskNode, policy: RetryPolicy): TaskNode =>
    Object.freeze({ ...node, retry: Object.freeze([...node.retry, Object.freeze(policy)]) }),
  withCatch: (node: TaskNode, clause: CatchClause): TaskNode =>
    Object.freeze({ ...node, catch: Object.freeze([...node.catch, Object.freeze(clause)]) }),
  withComment: (node: TaskNode, comment: string): TaskNode => Object.freeze({ ...node, comment }),
}
