import { App, Duration, Stack } from 'aws-cdk-lib'
import * as lambda from 'aws-cdk-lib/aws-lambda'
import * as sfn from 'aws-cdk-lib/aws-stepfunctions'
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks'

import { bigWorkflowStates, FAIL_STATE, RETRY } from './big-workflow.ts'

const ACCOUNT = 'arn:aws:lambda:us-east-1:123456789012:function:'

/** Builds the `n`-state workflow with CDK constructs in a fresh App and Stack. */
export function buildWithCdk(n: number): sfn.Chain {
  const stack = new Stack(new App(), 'Bench')
  const failed = new sfn.Fail(stack, FAIL_STATE, { error: 'ChargeFailed' })
  let chain: sfn.Chain | undefined
  for (const state of bigWorkflowStates(n)) {
    let next: sfn.INextable & sfn.IChainable
    if (state.kind === 'task') {
      const fn = lambda.Function.fromFunctionArn(
        stack,
        `${state.name}Fn`,
        `${ACCOUNT}${state.functionName}`,
      )
      next = new tasks.LambdaInvoke(stack, state.name, {
        lambdaFunction: fn,
        payloadResponseOnly: true,
        retryOnServiceExceptions: false,
      })
        .addRetry({
          errors: RETRY.errors,
          maxAttempts: RETRY.maxAttempts,
          backoffRate: RETRY.backoffRate,
          interval: Duration.seconds(RETRY.intervalSeconds),
        })
        .addCatch(failed, { errors: ['States.ALL'] })
    } else {
      next = new sfn.Pass(stack, state.name)
    }
    chain = chain === undefined ? sfn.Chain.start(next) : chain.next(next)
  }
  if (chain === undefined) throw new Error('The workflow needs at least two states.')
  return chain
}

/** Renders a chain the way `DefinitionBody.fromChainable` does at synth time. */
export function renderWithCdk(chain: sfn.Chain): {
  States: Record<string, { Next?: string; Type: string }>
} {
  return new sfn.StateGraph(chain.startState, 'bench').toGraphJson() as never
}
