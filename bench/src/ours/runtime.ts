/** Our runtime through its public entry point, as a user imports it. Loaded lazily by the scenarios. */
import type { AslStateMachine } from '@statewright/asl'
import { run, type ExecutionResult, type RunOptions } from '@statewright/runtime'

export type OursExecution = ExecutionResult
export type OursHistoryEvent = ExecutionResult['history'][number]
export type OursRunOptions = RunOptions

/** Runs `definition` with our runtime (virtual clock, validation cached per definition object). */
export const runOurs = (
  definition: AslStateMachine,
  input: unknown,
  options?: RunOptions,
): Promise<ExecutionResult> => run(definition, input, options)
