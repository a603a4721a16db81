import jsonata from 'jsonata'

import type { SyntaxProblem } from './path.ts'

/**
 * True when `value` is written as a JSONata expression: a string that starts with `{%` and ends with
 * `%}` exactly (ASL-SPEC §5; no surrounding spaces). Says nothing about whether the body parses.
 *
 * @example
 * isJsonataString('{% $states.input.id %}') // true
 * isJsonataString(' {% 1 %}') // false
 */
export function isJsonataString(value: unknown): value is string {
  return (
    typeof value === 'string' && value.length >= 4 && value.startsWith('{%') && value.endsWith('%}')
  )
}

/** The result of {@link parseJsonata}: never throws for bad input. */
export type ParseJsonataResult =
  | {
      readonly ok: true
      /** The expression between `{%` and `%}`. */
      readonly body: string
      /** The jsonata package's AST, for checks such as "no `$$`" (see jsonata's `ExprNode`). */
      readonly ast: jsonata.ExprNode
    }
  | ({ readonly ok: false; readonly code: string } & SyntaxProblem)

const cache = new Map<string, ParseJsonataResult>()
const CACHE_LIMIT = 10_000

/**
 * Checks a `{% … %}` string with the parser of jsonata 2.0.6 (the version AWS runs). `position` of a
 * failure counts characters of the whole string, delimiters included. `code` is jsonata's error code
 * (`S0201`, …) or `DELIMITERS` when the text is not wrapped in `{% %}`, `EMPTY` when the body is blank.
 *
 * @example
 * parseJsonata('{% $states.input.a + 1 %}') // { ok: true, body: ' $states.input.a + 1 ', ast: … }
 * parseJsonata('{% $states.input. %}')
 * // { ok: false, code: 'S0207', message: 'Unexpected end of expression', position: … }
 */
export function parseJsonata(text: string): ParseJsonataResult {
  const cached = cache.get(text)
  if (cached !== undefined) return cached
  const result = parseUncached(text)
  if (cache.size >= CACHE_LIMIT) cache.clear()
  cache.set(text, result)
  return result
}

function parseUncached(text: string): ParseJsonataResult {
  if (!isJsonataString(text)) {
    return {
      ok: false,
      code: 'DELIMITERS',
      message: `A JSONata expression must start with '{%' and end with '%}' exactly: '${text}'.`,
      position: 0,
    }
  }
  const body = text.slice(2, -2)
  if (body.trim() === '') {
    return { ok: false, code: 'EMPTY', message: 'The JSONata expression is empty.', position: 2 }
  }
  try {
    const ast = jsonata(body).ast()
    return { ok: true, body, ast }
  } catch (error) {
    const e = error as { code?: unknown; message?: unknown; position?: unknown }
    const position = typeof e.position === 'number' ? e.position + 2 : 2
    return {
      ok: false,
      code: typeof e.code === 'string' ? e.code : 'S0000',
      message: typeof e.message === 'string' ? e.message : String(error),
      position,
    }
  }
}
