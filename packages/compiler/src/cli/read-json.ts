import { readFile } from 'node:fs/promises'
import { jsonDepth, MAX_JSON_DEPTH } from '../asl/walk.ts'
import type { Diagnostic } from '../diagnostics.ts'
import { lineOfPath, locateJsonPaths } from './json-locate.ts'

/** A JSON file's value, or the one diagnostic that says why it has none. */
export type JsonFile =
  { ok: true; value: unknown; text: string } | { ok: false; diagnostic: Diagnostic }

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset))
  const line = before.split('\n').length
  return { line, column: offset - before.lastIndexOf('\n') }
}

/**
 * Parses JSON text; a syntax error becomes SFN302 with the line and column, and a value nested
 * deeper than the compiler handles becomes SFN303 (checked without recursion).
 */
export function parseJsonText(
  text: string,
  file: string,
  fix = 'Fix the syntax, or export the definition from a .ts file.',
): JsonFile {
  let value: unknown
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    const position = /at position (\d+)/.exec(reason)?.[1]
    const lineCol = /\(line (\d+) column (\d+)\)/.exec(reason)
    const at = position === undefined ? undefined : lineColumn(text, Number(position))
    const where =
      lineCol !== null ? `:${lineCol[1]}:${lineCol[2]}` : at ? `:${at.line}:${at.column}` : ''
    const why =
      text.trim() === '' ? 'the file is empty' : reason.replace(/ in JSON at position \d+.*$/, '')
    return {
      ok: false,
      diagnostic: {
        code: 'SFN302',
        severity: 'error',
        path: '/',
        file: `${file}${where}`,
        message: `'${file}' is not valid JSON (${why}). ${fix}`,
      },
    }
  }
  if (jsonDepth(value, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    return {
      ok: false,
      diagnostic: {
        code: 'SFN303',
        severity: 'error',
        path: '/',
        file,
        message:
          `'${file}' is nested more than ${MAX_JSON_DEPTH} levels deep, so it cannot be checked or ` +
          'deployed safely. Flatten it: move deep branches or payloads into separate state machines.',
      },
    }
  }
  return { ok: true, value, text }
}

/** Reads and parses a JSON file; unreadable files become SFN301; `fix` is the advice for bad JSON. */
export async function readJsonFile(
  path: string,
  file: string = path,
  fix?: string,
): Promise<JsonFile> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const why =
      code === 'ENOENT'
        ? 'it does not exist'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : (error as Error).message
    return {
      ok: false,
      diagnostic: {
        code: 'SFN301',
        severity: 'error',
        path: '/',
        file,
        message: `Cannot read '${file}': ${why}. Check the path and its permissions.`,
      },
    }
  }
  return fix === undefined ? parseJsonText(text, file) : parseJsonText(text, file, fix)
}

/**
 * Diagnostics of a definition read from `file`, each located at the line and column its path points
 * to in `text` (the nearest existing ancestor when the field is missing).
 */
export function locateInFile(
  diagnostics: readonly Diagnostic[],
  text: string,
  file: string,
): Diagnostic[] {
  if (diagnostics.length === 0) return []
  const paths = locateJsonPaths(text)
  return diagnostics.map(({ file: _file, ...diagnostic }) => ({
    ...diagnostic,
    source: { file, ...lineOfPath(text, paths, diagnostic.path) },
  }))
}
