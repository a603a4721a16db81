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

const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y

/** The end of the JSON string that starts at `start` (its opening quote), or -(offset + 1) of a fault. */
function stringEnd(text: string, start: number): number {
  for (let j = start + 1; j < text.length; j++) {
    const c = text.charCodeAt(j)
    if (c === 0x22) return j + 1
    if (c < 0x20) return -(j + 1)
    if (c === 0x5c) {
      const escaped = text[j + 1] ?? ''
      if (escaped === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) return -(j + 1)
        j += 5
      } else if ('"\\/bfnrt'.includes(escaped) && escaped !== '') j++
      else return -(j + 1)
    }
  }
  return -(text.length + 1)
}

/**
 * The offset of the first character that makes `text` invalid JSON (its length when it ends too
 * early), or undefined when it is valid. A loop with an explicit stack, so deep nesting cannot
 * overflow the call stack.
 */
export function jsonErrorOffset(text: string): number | undefined {
  const stack: string[] = []
  let expect: 'value' | 'valueOrEnd' | 'key' | 'keyOrEnd' | 'colon' | 'commaOrEnd' | 'done' =
    'value'
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  const after = (): typeof expect => (stack.length === 0 ? 'done' : 'commaOrEnd')
  for (;;) {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++
    if (i >= text.length) return expect === 'done' ? undefined : text.length
    const c = text[i]!
    if (expect === 'done') return i
    if (expect === 'colon') {
      if (c !== ':') return i
      i++
      expect = 'value'
    } else if (expect === 'commaOrEnd') {
      const top = stack[stack.length - 1]
      if (c === ',') {
        i++
        expect = top === '{' ? 'key' : 'value'
      } else if ((top === '{' && c === '}') || (top === '[' && c === ']')) {
        stack.pop()
        i++
        expect = after()
      } else return i
    } else if (expect === 'key' || expect === 'keyOrEnd') {
      if (expect === 'keyOrEnd' && c === '}') {
        stack.pop()
        i++
        expect = after()
      } else if (c === '"') {
        const end = stringEnd(text, i)
        if (end < 0) return -end - 1
        i = end
        expect = 'colon'
      } else return i
    } else if (expect === 'valueOrEnd' && c === ']') {
      stack.pop()
      i++
      expect = after()
    } else if (c === '{' || c === '[') {
      stack.push(c)
      i++
      expect = c === '{' ? 'keyOrEnd' : 'valueOrEnd'
    } else if (c === '"') {
      const end = stringEnd(text, i)
      if (end < 0) return -end - 1
      i = end
      expect = after()
    } else {
      JSON_NUMBER.lastIndex = i
      const number = JSON_NUMBER.exec(text)
      const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, i))
      const length = number?.[0].length ?? literal?.length ?? 0
      if (length === 0) return i
      i += length
      expect = after()
    }
  }
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
    // Some engines name no position ("Unexpected token '}', "…" is not valid JSON"): find it.
    const offset = position === undefined ? jsonErrorOffset(text) : Number(position)
    const at = offset === undefined ? undefined : lineColumn(text, offset)
    const where =
      lineCol !== null ? `:${lineCol[1]}:${lineCol[2]}` : at ? `:${at.line}:${at.column}` : ''
    const why =
      text.trim() === ''
        ? 'the file is empty'
        : reason.replace(/ in JSON at position \d+.*$/s, '').replace(/, .*is not valid JSON$/s, '')
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
