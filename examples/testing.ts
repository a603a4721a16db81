import { createRequire } from 'node:module'
import { aslStateMachineSchema } from '@statewright/asl'
import type { ExecutionResult, HistoryEvent } from '@statewright/runtime'
import { expect } from 'vitest'

// Shared by the examples' tests: the second-opinion validator and a readable view of a history.

interface AslValidatorResult {
  readonly isValid: boolean
  errorsText(separator?: string): string
}
// asl-validator is CommonJS without types, and it writes defaults into what it is given: pass a copy.
const aslValidator = createRequire(import.meta.url)('asl-validator') as (
  definition: unknown,
) => AslValidatorResult

/**
 * Asserts that a definition has the JSON shape of our zod schema of ASL documents, and that npm's
 * `asl-validator` (a second opinion besides ours) accepts it.
 */
export function expectSchemaAndAslValidatorAccept(definition: unknown): void {
  const shape = aslStateMachineSchema.safeParse(definition)
  expect(shape.success, shape.error?.message).toBe(true)
  const result = aslValidator(structuredClone(definition))
  expect(result.isValid, result.errorsText('\n')).toBe(true)
}

/** The states an execution entered, in order, then its status: `['A', 'B', 'SUCCEEDED']`. */
export function statePath(result: ExecutionResult): string[] {
  const entered = result.history.flatMap((event: HistoryEvent) => {
    const details = (event as { stateEnteredEventDetails?: { name: string } })
      .stateEnteredEventDetails
    return details === undefined ? [] : [details.name]
  })
  return [...entered, result.status]
}

/** How many events of one type a history holds. */
export function countEvents(result: ExecutionResult, type: string): number {
  return result.history.filter((event) => event.type === type).length
}
