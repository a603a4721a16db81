// Definition text → value, with AWS's INVALID_JSON_DESCRIPTION shape: the message names the
// offending token and line/column (1-based), as AWS's parser does.

export type ParsedText =
  | { readonly ok: true; readonly value: unknown }
  | {
      readonly ok: false
      readonly empty: boolean
      readonly message: string
      readonly location: string
    }

/** Parses definition text; never throws. */
export function parseDefinitionText(text: string): ParsedText {
  if (text.trim() === '') {
    return {
      ok: false,
      empty: true,
      message: 'Definition must be a valid JSON object',
      location: '',
    }
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch (error) {
    const { offset, expected } = errorOffset(text, error)
    const { line, column } = lineColumn(text, offset)
    const source =
      text.length > 500 ? `${text.slice(0, 500)}"[truncated ${text.length - 500} chars]` : text
    const location = `[Source: (String)"${source}"; line: ${line}, column: ${column}]`
    // Jackson's wording (AWS parses definitions with it): an unknown word, a character where
    // something else was expected, or the end of the text.
    const token = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(offset))
    const what =
      offset >= text.length
        ? 'Unexpected end-of-input'
        : token !== null && (expected === 'value' || expected === 'valueOrClose')
          ? `Unrecognized token '${token[0]}': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')`
          : `Unexpected character ('${text[offset]}' (code ${text.charCodeAt(offset)})): ${EXPECTING[expected]}`
    return { ok: false, empty: false, message: `${what}\n at ${location}`, location }
  }
}

/**
 * Offset of the first token JSON.parse refused. Node's messages do not always carry a position, so
 * the text is scanned again with a small iterative JSON grammar (no recursion: deep input is fine).
 */
type Expect = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'commaOrClose' | 'end'
type Expected = Expect | 'commaObject' | 'commaArray'

const EXPECTING: Record<Expected, string> = {
  value: 'expected a value',
  valueOrClose: 'expected a value',
  key: 'was expecting double-quote to start field name',
  keyOrClose: 'was expecting double-quote to start field name',
  colon: 'was expecting a colon to separate field name and value',
  commaOrClose: 'was expecting comma to separate entries',
  commaObject: 'was expecting comma to separate Object entries',
  commaArray: 'was expecting comma to separate Array entries',
  end: 'expected end of the definition (it must hold one JSON object)',
}

function errorOffset(text: string, _error: unknown): { offset: number; expected: Expected } {
  const stack: ('{' | '[')[] = []
  let expect: Expect = 'value'
  let i = 0
  const afterValue = (): Expect => (stack.length === 0 ? 'end' : 'commaOrClose')
  while (i < text.length) {
    const ch = text[i] ?? ''
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      i++
      continue
    }
    if (expect === 'end') return { offset: i, expected: expect }
    if (expect === 'colon') {
      if (ch !== ':') return { offset: i, expected: expect }
      i++
      expect = 'value'
      continue
    }
    if (expect === 'commaOrClose') {
      const top = stack[stack.length - 1]
      if (ch === ',') {
        expect = top === '{' ? 'key' : 'value'
        i++
        continue
      }
      if ((ch === '}' && top === '{') || (ch === ']' && top === '[')) {
        stack.pop()
        i++
        expect = afterValue()
        continue
      }
      return { offset: i, expected: top === '[' ? 'commaArray' : 'commaObject' }
    }
    if (expect === 'key' || expect === 'keyOrClose') {
      if (ch === '}' && expect === 'keyOrClose') {
        stack.pop()
        i++
        expect = afterValue()
        continue
      }
      if (ch !== '"') return { offset: i, expected: expect }
      const close = scanString(text, i)
      if (close === -1) return { offset: text.length, expected: expect }
      i = close
      expect = 'colon'
      continue
    }
    // a value
    if (ch === ']' && expect === 'valueOrClose') {
      stack.pop()
      i++
      expect = afterValue()
      continue
    }
    if (ch === '{' || ch === '[') {
      stack.push(ch)
      i++
      expect = ch === '{' ? 'keyOrClose' : 'valueOrClose'
      continue
    }
    if (ch === '"') {
      const close = scanString(text, i)
      if (close === -1) return { offset: text.length, expected: expect }
      i = close
      expect = afterValue()
      continue
    }
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
      text.slice(i, i + 400),
    )
    if (literal === null || /[A-Za-z0-9_]/.test(text[i + literal[0].length] ?? ''))
      return { offset: i, expected: expect }
    i += literal[0].length
    expect = afterValue()
  }
  return { offset: text.length, expected: expect }
}

/** Index just past the closing quote of the string opening at `open`; -1 when unterminated or invalid. */
function scanString(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    if (ch === 0x22) return i + 1
    if (ch < 0x20) return -1
    if (ch === 0x5c) i++
  }
  return -1
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++
      lineStart = i + 1
    }
  }
  // Jackson reports the column after the unrecognized token; point just past its first word.
  const rest = text.slice(offset)
  const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest)
  return { line, column: offset - lineStart + 1 + (word !== null ? word[0].length : 1) }
}
