/**
 * A parent workflow that runs a registered child state machine with `states:startExecution.sync:2`,
 * in process, on the same virtual clock.
 * Run it: pnpm exec tsx --conditions=@statewright/source packages/runtime/examples/nested-executions.ts
 */
import { pathToFileURL } from 'node:url'
import type { AslStateMachine } from '@statewright/asl'
import { run, type ExecutionResult } from '../src/index.ts'

export const invoiceChild: AslStateMachine = {
  QueryLanguage: 'JSONata',
  StartAt: 'Total',
  States: {
    Total: {
      Type: 'Pass',
      Output: { total: '{% $sum($states.input.lines.(price * quantity)) %}' },
      Next: 'WaitForBank',
    },
    WaitForBank: { Type: 'Wait', Seconds: 86_400, End: true },
  },
}

export const orderParent: AslStateMachine = {
  StartAt: 'Invoice',
  States: {
    Invoice: {
      Type: 'Task',
      Resource: 'arn:aws:states:::states:startExecution.sync:2',
      Parameters: {
        StateMachineArn: 'arn:aws:states:us-east-1:111111111111:stateMachine:Invoice',
        'Input.$': '$',
        'Name.$': "States.Format('invoice-{}', $.orderId)",
      },
      ResultSelector: { 'total.$': '$.Output.total', 'child.$': '$.ExecutionArn' },
      ResultPath: '$.invoice',
      End: true,
    },
  },
}

export function main(): Promise<ExecutionResult> {
  return run(
    orderParent,
    {
      orderId: '42',
      lines: [
        { price: 5, quantity: 2 },
        { price: 1, quantity: 3 },
      ],
    },
    { stateMachines: { Invoice: invoiceChild } },
  )
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await main()
  console.log(
    result.status,
    JSON.stringify(result.output),
    `simulated ${result.elapsedMs / 3_600_000} h`,
  )
}
