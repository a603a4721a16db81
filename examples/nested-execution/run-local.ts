// Runs the parent with the child registered, so the nested execution runs in process: the same as
// `statewright run examples/nested-execution/workflow.ts --child examples/nested-execution/child.ts`, from code:
//   pnpm exec tsx --conditions=@statewright/source examples/nested-execution/run-local.ts
import { readFileSync } from 'node:fs'
import { run } from '@statewright/runtime'
import { shipOrder } from './child.ts'
import { fulfillOrder } from './workflow.ts'

const input = JSON.parse(readFileSync(new URL('./input.json', import.meta.url), 'utf8'))

const result = await run(fulfillOrder, input, { stateMachines: { ShipOrder: shipOrder } })
console.log(result.status)
console.log(
  result.status === 'SUCCEEDED'
    ? JSON.stringify(result.output, null, 2)
    : `${result.error ?? ''}: ${result.cause ?? ''}`,
)
process.exitCode = result.status === 'SUCCEEDED' ? 0 : 1
