import { createRequire } from 'node:module'

/** What asl-validator 4 returns (it ships no types). */
export interface AslValidatorResult {
  readonly isValid: boolean
  readonly errors: readonly unknown[]
  readonly errorsText: (separator?: string) => string
}

export type AslValidator = (
  definition: unknown,
  options?: { checkPaths?: boolean; checkArn?: boolean },
) => AslValidatorResult

/** asl-validator is CommonJS with `module.exports = validator`. */
export function loadAslValidator(): AslValidator {
  return createRequire(import.meta.url)('asl-validator') as AslValidator
}
