import type { TaskResource } from '../ir/task-node.ts'
import type { AwsTarget } from '../ir/workflow-node.ts'

/**
 * The substitution variable for a Lambda function's ARN, as deployment tools name them
 * (`ProcessPaymentFunction` → `ProcessPaymentFunctionArn`).
 */
export const lambdaArnVariable = (functionName: string): string =>
  `${functionName.replace(/[^A-Za-z0-9]/g, '')}Arn`

/**
 * The function ARN of a Lambda: `arn:aws:lambda:<region>:<account>:function:<Name>` when the workflow knows
 * its region and account, else `${<Name>Arn}` for the deployment tool to substitute.
 * @example
 * lambdaArn('Charge', { region: 'eu-west-1', account: '123456789012' })
 * // 'arn:aws:lambda:eu-west-1:123456789012:function:Charge'
 * lambdaArn('Charge', {}) // '${ChargeArn}'
 */
export function lambdaArn(functionName: string, target: AwsTarget): string {
  if (functionName.startsWith('arn:')) return functionName
  const { region, account } = target
  if (region === undefined || account === undefined) {
    return `\${${lambdaArnVariable(functionName)}}`
  }
  const partition = target.partition ?? 'aws'
  // PERF: the ARN's prefix is built once per target, not once per task (each `${}` part of a template
  // is a string of its own).
  if (
    prefixOf === undefined ||
    region !== prefixOf.region ||
    account !== prefixOf.account ||
    partition !== prefixOf.partition
  ) {
    prefixOf = {
      region,
      account,
      partition,
      prefix: `arn:${partition}:lambda:${region}:${account}:function:`,
    }
  }
  return prefixOf.prefix + functionName
}

// The last target's Lambda ARN prefix (lowering asks for every task of a workflow with one target).
let prefixOf: { region: string; account: string; partition: string; prefix: string } | undefined

/** The `Resource` string of a task. */
export function lowerResource(resource: TaskResource, target: AwsTarget): string {
  switch (resource.kind) {
    case 'lambda':
      return resource.form === 'arn'
        ? lambdaArn(resource.functionName, target)
        : `arn:${target.partition ?? 'aws'}:states:::lambda:invoke`
    case 'arn':
      return resource.arn
    case 'activity':
      return activityArn(resource.activityName, target)
  }
}

/** The substitution variable for an activity's ARN (`Approve` → `ApproveActivityArn`). */
export const activityArnVariable = (activityName: string): string =>
  `${activityName.replace(/[^A-Za-z0-9]/g, '')}ActivityArn`

/**
 * An activity's ARN, `arn:aws:states:<region>:<account>:activity:<name>`, or a `${…ActivityArn}` substitution.
 * @example
 * activityArn('Approve', { region: 'us-east-1', account: '123456789012' })
 * // 'arn:aws:states:us-east-1:123456789012:activity:Approve'
 */
export function activityArn(activityName: string, target: AwsTarget): string {
  if (activityName.startsWith('arn:')) return activityName
  if (target.region === undefined || target.account === undefined) {
    return `\${${activityArnVariable(activityName)}}`
  }
  return `arn:${target.partition ?? 'aws'}:states:${target.region}:${target.account}:activity:${activityName}`
}
