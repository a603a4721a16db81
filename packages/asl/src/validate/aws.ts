// AWS's two answer shapes for an invalid definition: CreateStateMachine's InvalidDefinition message
// and ValidateStateMachineDefinition's result, plus DescribeStateMachine's variableReferences.

import type { Diagnostic, ValidateOptions } from './diagnostic.ts'
import { runChecker, validateStateMachine } from './validate.ts'

/**
 * The message AWS's CreateStateMachine returns for these problems:
 * `Invalid State Machine Definition: 'CODE: message at /path, CODE: message at /path'`.
 *
 * @example
 * formatAwsInvalidDefinition(validateStateMachine({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' } } }))
 * // "Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' target: B at /States/A/Next, MISSING_END_STATE: Workflow has no terminal state at null'"
 */
export function formatAwsInvalidDefinition(diagnostics: readonly Diagnostic[]): string {
  const parts = diagnostics
    .filter((d) => d.severity === 'error')
    // CreateStateMachine prints "at null" for a problem without a location (MISSING_END_STATE).
    // A JSON parser's message already ends with its location ("… at [Source: …]").
    .map((d) =>
      d.path !== '' && d.message.endsWith(d.path)
        ? `${d.awsCode}: ${d.message}`
        : `${d.awsCode}: ${d.message} at ${d.path === '' ? 'null' : d.path}`,
    )
  return `Invalid State Machine Definition: '${parts.join(', ')}'`
}

/** One diagnostic as ValidateStateMachineDefinition returns it. */
export interface AwsValidationDiagnostic {
  readonly severity: 'ERROR' | 'WARNING'
  readonly code: string
  readonly message: string
  readonly location?: string
}

/** ValidateStateMachineDefinition's answer. */
export interface AwsValidationResult {
  readonly result: 'OK' | 'FAIL'
  readonly diagnostics: readonly AwsValidationDiagnostic[]
  readonly truncated: boolean
}

/** Options of `validateStateMachineDefinition`, as the API takes them. */
export interface AwsValidationOptions extends ValidateOptions {
  /** Lowest severity to return (AWS default: ERROR). */
  readonly severity?: 'ERROR' | 'WARNING'
  /** At most this many diagnostics (AWS: 1–100, default 100); more set `truncated`. */
  readonly maxResults?: number
}

/**
 * What AWS's ValidateStateMachineDefinition would answer for this definition text (or value).
 *
 * @example
 * validateStateMachineDefinition('{}')
 * // { result: 'FAIL', truncated: false, diagnostics: [{ severity: 'ERROR',
 * //   code: 'SCHEMA_VALIDATION_FAILED', message: 'These fields are required: [States, StartAt]', location: '/' }] }
 */
export function validateStateMachineDefinition(
  definition: unknown,
  options: AwsValidationOptions = {},
): AwsValidationResult {
  const all = validateStateMachine(definition, options)
  const wanted = all.filter((d) => d.severity === 'error' || options.severity === 'WARNING')
  const max = Math.max(1, Math.min(100, options.maxResults ?? 100))
  const diagnostics = wanted.slice(0, max).map((d): AwsValidationDiagnostic => {
    const base = {
      severity: d.severity === 'error' ? 'ERROR' : 'WARNING',
      code: d.awsCode,
      message: d.message,
    } as const
    return d.path === '' ? base : { ...base, location: d.path }
  })
  return {
    result: all.some((d) => d.severity === 'error') ? 'FAIL' : 'OK',
    diagnostics,
    truncated: wanted.length > max,
  }
}

/**
 * DescribeStateMachine's `variableReferences`: for each state that reads workflow variables, their
 * names (sorted). States that read none are left out, as AWS leaves them out.
 *
 * @example
 * variableReferences({ StartAt: 'A', States: {
 *   A: { Type: 'Pass', Assign: { x: 1 }, Next: 'B' },
 *   B: { Type: 'Pass', InputPath: '$x', End: true } } })
 * // { B: ['x'] }
 */
export function variableReferences(definition: unknown): Record<string, string[]> {
  const c = runChecker(definition)
  const out: Record<string, string[]> = Object.create(null) as Record<string, string[]>
  for (const [state, names] of c.variableReferences) {
    Object.defineProperty(out, state, {
      value: [...names].sort(),
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return { ...out }
}
