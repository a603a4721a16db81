/** Where a DSL call that created a state sits in the user's code. */
export interface SourceLocation {
  readonly file: string
  readonly line: number
  readonly column: number
}

export type Severity = 'error' | 'warning'

/**
 * One problem found in a workflow or an ASL definition. The shape is the validator's
 * (`@statewright/asl`) plus the DSL call site, so both lists merge without conversion.
 */
export interface Diagnostic {
  /** Stable code: SFN2xx graph/ASL rules, SFN25x–SFN29x compiler lints, SFN3xx CLI and emit. */
  readonly code: string
  /** The code AWS uses for the same problem (`SCHEMA_VALIDATION_FAILED`, …), when it has one. */
  readonly awsCode?: string
  readonly severity: Severity
  /** AWS-style location: `/States/ChargeCard/Retry[0]`; `/` for the whole document. */
  readonly path: string
  /** What is wrong (the state named in quotes), then the fix. */
  readonly message: string
  /** The DSL call that created the state, for workflows written with `@statewright/dsl`. */
  readonly source?: SourceLocation
  /** The file the definition came from (CLI `validate`, `build`). */
  readonly file?: string
}

/**
 * The codes the compiler itself raises. The validator's SFN2xx codes stay below SFN250; lints use
 * SFN250–SFN299 and the CLI/emit layer SFN300–SFN349, so a code never changes meaning.
 */
export const COMPILER_CODES: Readonly<Record<CompilerCode, string>> = Object.freeze({
  SFN250: 'A callback or .sync task has no TimeoutSeconds.',
  SFN251: 'HeartbeatSeconds is not below TimeoutSeconds.',
  SFN252: 'A retrier or catcher is shadowed by an earlier one and can never fire.',
  SFN253: 'A retrier or catcher names an error this state cannot raise.',
  SFN254: 'States.ALL is retried without a practical bound.',
  SFN255: 'An inline Map may iterate over more items than an inline Map can hold.',
  SFN256: 'A ResultPath discards input that a later state reads.',
  SFN257: 'Two functions share one substitution variable.',
  SFN258: 'A retrier or catcher names a misspelled error, which never matches.',
  SFN290: 'The workflow could not be turned into ASL.',
  SFN291: 'A workflow schema cannot be written as JSON Schema.',
  SFN300: 'The command line is not valid.',
  SFN301: 'A file could not be read.',
  SFN302: 'A file is not valid JSON.',
  SFN303: 'A definition is nested too deeply.',
  SFN304: 'A TypeScript file does not compile.',
  SFN305: 'A module threw while it was imported.',
  SFN306: 'No workflows were found.',
  SFN307: 'An export is not a workflow.',
  SFN308: 'The configuration file is not valid.',
  SFN309: 'An output file could not be written.',
  SFN310: 'The local execution could not start.',
  SFN311: 'Two workflows have the same name.',
  SFN312:
    'The type check could not run: no TypeScript 7, or a configuration it refuses (a warning unless asked for).',
  SFN313: 'A Step Functions Local mock config is not usable.',
  SFN314: "A run's input does not match the workflow's input schema.",
})

/** A code the compiler or the CLI raises (the validator's are `DiagnosticCode` in @statewright/asl). */
export type CompilerCode =
  | 'SFN250'
  | 'SFN251'
  | 'SFN252'
  | 'SFN253'
  | 'SFN254'
  | 'SFN255'
  | 'SFN256'
  | 'SFN257'
  | 'SFN258'
  | 'SFN290'
  | 'SFN291'
  | 'SFN300'
  | 'SFN301'
  | 'SFN302'
  | 'SFN303'
  | 'SFN304'
  | 'SFN305'
  | 'SFN306'
  | 'SFN307'
  | 'SFN308'
  | 'SFN309'
  | 'SFN310'
  | 'SFN311'
  | 'SFN312'
  | 'SFN313'
  | 'SFN314'

/**
 * One line per diagnostic: `<file:line:column> <severity> <code> <path>: <message>`.
 * @example
 * formatDiagnostic({ code: 'SFN250', severity: 'warning', path: '/States/Wait', message: '…' })
 * // "warning SFN250 /States/Wait: …"
 */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = diagnostic.source
    ? `${diagnostic.source.file}:${diagnostic.source.line}:${diagnostic.source.column} `
    : diagnostic.file
      ? `${diagnostic.file} `
      : ''
  const path = diagnostic.path === '' ? '/' : diagnostic.path
  return `${where}${diagnostic.severity} ${diagnostic.code} ${path}: ${diagnostic.message}`
}

/**
 * True when at least one diagnostic is an error (warnings never fail a build).
 * @example
 * hasErrors(compile(orderFlow).diagnostics) // false: only warnings
 */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error')
}

/**
 * Errors before warnings, then by path: a stable order for output and snapshots.
 * @example
 * sortDiagnostics([lintWarning, validatorError]) // [validatorError, lintWarning]
 */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const rank = (d: Diagnostic): number => (d.severity === 'error' ? 0 : 1)
  return diagnostics
    .map((diagnostic, index) => ({ diagnostic, index }))
    .sort(
      (a, b) =>
        rank(a.diagnostic) - rank(b.diagnostic) ||
        (a.diagnostic.path < b.diagnostic.path
          ? -1
          : a.diagnostic.path > b.diagnostic.path
            ? 1
            : 0) ||
        a.index - b.index,
    )
    .map(({ diagnostic }) => diagnostic)
}

/**
 * Renders a location the way AWS (and the validator) does: keys as `/Key`, array indexes as `[i]`,
 * so `/States/A/Catch[0]/Next`; `/` alone is the top level.
 */
export function pointer(...segments: readonly (string | number)[]): string {
  const out = segments
    .map((segment) => (typeof segment === 'number' ? `[${segment}]` : `/${segment}`))
    .join('')
  return out === '' ? '/' : out
}
