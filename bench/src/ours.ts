/**
 * The one place the benchmarks reach Statewright's packages: `run()` of the runtime, the DSL builders,
 * `compile()` of the compiler and `validateStateMachine()` of the asl package, each through its public
 * entry point exactly as a user imports it.
 */
import { validateStateMachine, type AslStateMachine } from '@statewright/asl'
import { compile } from '@statewright/compiler'
import * as dsl from '@statewright/dsl'
import { run, type ExecutionResult, type RunOptions } from '@statewright/runtime'

import type { DslApi } from './workloads/dsl.ts'

export type OursExecution = ExecutionResult
export type OursHistoryEvent = ExecutionResult['history'][number]
export type OursRunOptions = RunOptions

/** Runs `definition` with our runtime (virtual clock, validation cached per definition object). */
export const runOurs = (
  definition: AslStateMachine,
  input: unknown,
  options?: RunOptions,
): Promise<ExecutionResult> => run(definition, input, options)

/**
 * The DSL builders the build scenario chains in a loop. The loop cannot be typed state by state (the
 * `tsc` scenario checks the typed, generated source instead), hence this loosened view.
 */
export const oursDsl: DslApi = dsl as unknown as DslApi

/** Compiles a DSL workflow; throws when the compiler reports an error (the workflow is known good). */
export function compileOurs(workflow: unknown): AslStateMachine {
  const result = compile(workflow as Parameters<typeof compile>[0])
  const errors = result.diagnostics.filter((d) => d.severity === 'error')
  if (errors.length > 0)
    throw new Error(`compile() reported errors: ${JSON.stringify(errors.slice(0, 3))}`)
  return result.asl
}

/** Validates a definition; throws when ours refuses it (the benchmark definitions are valid). */
export function validateOurs(definition: unknown): void {
  const errors = validateStateMachine(definition).filter((d) => d.severity === 'error')
  if (errors.length > 0) {
    throw new Error(
      `validateStateMachine() refused the definition: ${JSON.stringify(errors.slice(0, 3))}`,
    )
  }
}
