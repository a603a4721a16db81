/**
 * The stable codes of DSL misuse. A code never changes meaning; new mistakes get new codes.
 * SFN1xx are thrown at once by the builder that sees the mistake (STYLE §4).
 */
export const DSL_ERROR_CODES = {
  /** Two different states share one name in one workflow. */
  SFN101: 'duplicate state name',
  /** A state was chained after a state that ends the workflow (Succeed, Fail, a closed chain). */
  SFN102: 'next after a terminal state',
  /** A Choice is incomplete or over-complete (no rule, two defaults). */
  SFN103: 'malformed choice',
  /** A value given to a builder is out of ASL's range (a name, a retry option, a timeout). */
  SFN104: 'invalid option',
  /** One state object is used in two places that continue to different states. */
  SFN105: 'state continues two ways',
  /** The workflow callback returned something that is not a chain of states. */
  SFN106: 'invalid workflow body',
  /** A typed reference was used where it cannot be lowered (e.g. a reference built outside a callback). */
  SFN107: 'invalid reference',
  /** A `goto()` jumps to a state that is not on the same level of the workflow. */
  SFN108: 'jump to a missing state',
  /** A variable is assigned or read where AWS's scope rules forbid it. */
  SFN109: 'variable out of scope',
} as const

export type DslErrorCode = keyof typeof DSL_ERROR_CODES

/**
 * Misuse of the DSL found while building a workflow: what is wrong (the state named in quotes), then the fix.
 * @example
 * try {
 *   workflow('Flow', { input: Order }, (start) => start.next(succeed('Done')).next(pass('After')))
 * } catch (error) {
 *   if (error instanceof DslError) console.log(error.code) // 'SFN102'
 * }
 */
export class DslError extends Error {
  readonly code: DslErrorCode
  constructor(code: DslErrorCode, message: string) {
    super(`${code}: ${message}`)
    this.name = 'DslError'
    this.code = code
  }
}
