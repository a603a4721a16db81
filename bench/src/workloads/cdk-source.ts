import { bigWorkflowStates, FAIL_STATE, RETRY } from './big-workflow.ts'

/** The workflow of `cdk.ts` as the TypeScript a CDK user would write; no aws-cdk-lib import needed here. */

const ACCOUNT = 'arn:aws:lambda:us-east-1:123456789012:function:'

/** The same workflow as TypeScript source a CDK user would write, for the `tsc` scenario. */
export function cdkSource(n: number): string {
  const lines: string[] = [
    "import { Duration, Stack } from 'aws-cdk-lib'",
    "import * as lambda from 'aws-cdk-lib/aws-lambda'",
    "import * as sfn from 'aws-cdk-lib/aws-stepfunctions'",
    "import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks'",
    '',
    'export function buildWorkflow(stack: Stack): sfn.Chain {',
    `  const failed = new sfn.Fail(stack, '${FAIL_STATE}', { error: 'ChargeFailed' })`,
  ]
  const names: string[] = []
  for (const state of bigWorkflowStates(n)) {
    const id = camel(state.name)
    names.push(id)
    if (state.kind === 'task') {
      lines.push(
        `  const ${id} = new tasks.LambdaInvoke(stack, '${state.name}', {`,
        `    lambdaFunction: lambda.Function.fromFunctionArn(stack, '${state.name}Fn', '${ACCOUNT}${state.functionName}'),`,
        '    payloadResponseOnly: true,',
        '    retryOnServiceExceptions: false,',
        '  })',
        `    .addRetry({ errors: ['${RETRY.errors[0]}'], maxAttempts: ${RETRY.maxAttempts}, backoffRate: ${RETRY.backoffRate}, interval: Duration.seconds(${RETRY.intervalSeconds}) })`,
        "    .addCatch(failed, { errors: ['States.ALL'] })",
      )
    } else {
      lines.push(`  const ${id} = new sfn.Pass(stack, '${state.name}')`)
    }
  }
  lines.push(`  return sfn.Chain.start(${names[0]})`)
  for (const id of names.slice(1)) lines.push(`    .next(${id})`)
  lines.push('}', '')
  return lines.join('\n')
}

const camel = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1)
