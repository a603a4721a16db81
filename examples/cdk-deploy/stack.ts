import { readFileSync } from 'node:fs'
import { Stack, type StackProps } from 'aws-cdk-lib'
import { Code, Function as LambdaFunction, Runtime, type IFunction } from 'aws-cdk-lib/aws-lambda'
import { DefinitionBody, StateMachine } from 'aws-cdk-lib/aws-stepfunctions'
import type { Construct } from 'constructs'

export interface BuiltStateMachineProps extends StackProps {
  /** `<Name>.asl.json` as `statewright build` wrote it. */
  readonly definitionFile: string
  /** `<Name>.substitutions.json` next to it (absent when the definition has no placeholders). */
  readonly substitutionsFile?: string
  /** The Lambda functions the workflow calls, by the name it gave them (`lambda('ProcessPaymentFunction', …)`). */
  readonly functions: Readonly<Record<string, IFunction>>
}

interface SubstitutionInfo {
  readonly kind: string
  readonly functionName?: string
}

/**
 * A state machine deployed from a statewright-built definition: the file becomes the definition body
 * (an S3 asset), and each `${…}` placeholder is mapped to the resource it stands for.
 */
export class BuiltStateMachine extends StateMachine {
  constructor(scope: Construct, id: string, props: BuiltStateMachineProps) {
    const placeholders: Record<string, SubstitutionInfo> = props.substitutionsFile
      ? JSON.parse(readFileSync(props.substitutionsFile, 'utf8'))
      : {}
    const definitionSubstitutions: Record<string, string> = {}
    const called: IFunction[] = []
    for (const [name, info] of Object.entries(placeholders)) {
      const fn = info.functionName === undefined ? undefined : props.functions[info.functionName]
      if (info.kind !== 'lambda-function-arn' || fn === undefined) {
        throw new Error(
          `The definition needs \${${name}} (${info.kind} ${info.functionName ?? ''}), which no given construct provides.`,
        )
      }
      definitionSubstitutions[name] = fn.functionArn
      called.push(fn)
    }
    super(scope, id, {
      definitionBody: DefinitionBody.fromFile(props.definitionFile),
      definitionSubstitutions,
    })
    for (const fn of called) fn.grantInvoke(this)
  }
}

/** The example's stack: the two functions of `workflow.ts` and the state machine that calls them. */
export class OrderStack extends Stack {
  readonly stateMachine: BuiltStateMachine
  constructor(
    scope: Construct,
    id: string,
    props: StackProps & { definitionFile: string; substitutionsFile?: string },
  ) {
    super(scope, id, props)
    const code = (body: string): Code =>
      Code.fromInline(`exports.handler = async (event) => (${body})`)
    const functions = {
      ProcessPaymentFunction: new LambdaFunction(this, 'ProcessPaymentFunction', {
        runtime: Runtime.NODEJS_24_X,
        handler: 'index.handler',
        code: code("{ ...event, paymentId: 'pay-' + event.orderId }"),
      }),
      SendReceiptFunction: new LambdaFunction(this, 'SendReceiptFunction', {
        runtime: Runtime.NODEJS_24_X,
        handler: 'index.handler',
        code: code('{ sent: true }'),
      }),
    }
    this.stateMachine = new BuiltStateMachine(this, 'OrderFlow', {
      definitionFile: props.definitionFile,
      ...(props.substitutionsFile ? { substitutionsFile: props.substitutionsFile } : {}),
      functions,
    })
  }
}
