import { isAbsolute, relative } from 'node:path'
import { formatDiagnostic, type Diagnostic } from '../diagnostics.ts'

/** Where the CLI writes and what it runs in; tests pass their own to call `main()` in process. */
export interface CliIo {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  readonly cwd: string
  /** Ends `--watch` (Ctrl+C in the terminal). */
  readonly signal?: AbortSignal
  /** Called after each `--watch` cycle with that cycle's exit code. */
  readonly onCycle?: (code: number) => void
  /**
   * Where `build`/`check` look for TypeScript when the project has none (a file URL; default the
   * CLI's own installation). Tests point it where there is none.
   */
  readonly typeScriptFrom?: string
}

/** A diagnostic line with paths relative to the working directory, as a terminal user reads it. */
export function diagnosticLine(diagnostic: Diagnostic, cwd: string): string {
  const rel = (file: string): string => displayPath(file, cwd)
  const shown: Diagnostic = {
    ...diagnostic,
    ...(diagnostic.source
      ? { source: { ...diagnostic.source, file: rel(diagnostic.source.file) } }
      : {}),
    ...(diagnostic.file ? { file: rel(diagnostic.file) } : {}),
  }
  return formatDiagnostic(shown)
}

/** A path as the user refers to it: relative to the working directory when inside it, else absolute. */
export function displayPath(file: string, cwd: string): string {
  if (!isAbsolute(file)) return file
  const rel = relative(cwd, file)
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? file : rel
}

export const plural = (count: number, noun: string): string =>
  `${count} ${noun}${count === 1 ? '' : 's'}`

/** "2 errors, 1 warning" of a list of diagnostics. */
export function tally(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length
  return `${plural(errors, 'error')}, ${plural(diagnostics.length - errors, 'warning')}`
}

/** JSON output: stable, two-space indented, one document per command. */
export const jsonOut = (io: CliIo, value: unknown): void =>
  io.stdout(`${JSON.stringify(value, null, 2)}\n`)
