import { createRequire } from 'node:module'
import { expect } from 'vitest'

interface AslValidatorResult {
  readonly isValid: boolean
  errorsText(separator?: string): string
}
type AslValidator = (definition: unknown) => AslValidatorResult

// asl-validator is CommonJS without types; it also writes default QueryLanguage fields into what
// it is given, so it always gets a copy.
const aslValidator = createRequire(import.meta.url)('asl-validator') as AslValidator

/** Asserts that the npm `asl-validator` (a second opinion besides ours) accepts a definition. */
export function expectAslValidatorAccepts(definition: unknown): void {
  const result = aslValidator(structuredClone(definition))
  expect(result.isValid, result.errorsText('\n')).toBe(true)
}
