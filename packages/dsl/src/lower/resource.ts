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
  if (target.region === undefined || target.account === undefined) {
    return `\${${lambdaArnVariable(functionName)}}`
  }
  return `arn:${target.partition ?? 'aws'}:lambda:${target.region}:${target.account}:function:${functionName}`
}

/** The `Resource` string of a task. */
export function lowerResource(resource: TaskResource, target: AwsTarget): string {
  switch (resource.kind) {
    case 'lambda':
      return resource.form === 'arn'
        ? lambdaArn(resource.functionName, target)
        : `arn:${target.partition ?? 'aws'}:states:::lambda:invoke`
    case 'arn':
      return resource.arn
  }
}
