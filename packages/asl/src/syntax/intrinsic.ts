import { PathParser, PathSyntaxError, type ParsedPath, type SyntaxProblem } from './path.ts'

/**
 * The intrinsic functions AWS provides (ASL-SPEC §10); AWS plans no new ones.
 *
 * @example
 * INTRINSIC_FUNCTIONS.includes('States.Format') // true
 */
export const INTRINSIC_FUNCTIONS = [
  'States.Format',
  'States.StringToJson',
  'States.JsonToString',
  'States.Array',
  'States.ArrayPartition',
  'States.ArrayContains',
  'States.ArrayRange',
  'States.ArrayGetItem',
  'States.ArrayLength',
  'States.ArrayUnique',
  'States.Base64Encode',
  'States.Base64Decode',
  'States.Hash',
  'States.JsonMerge',
  'States.MathRandom',
  'States.MathAdd',
  'States.StringSplit',
  'States.UUID',
] as const

/** The name of one intrinsic function, e.g. `'States.Format'`. */
export type IntrinsicFunctionName = (typeof INTRINSIC_FUNCTIONS)[number]

const KNOWN: ReadonlySet<string> = new Set(INTRINSIC_FUNCTIONS)

/**
 * AWS allows at most this many levels of nested intrinsic calls in one field (DG); deeper nesting is a
 * syntax error from {@link parseIntrinsic}.
 *
 * @example
 * MAX_INTRINSIC_NESTING // 10
 */
export const MAX_INTRINSIC_NESTING = 10

/** One argument of an intrinsic call. */
export type IntrinsicArgument =
  | { readonly kind: 'literal'; readonly value: number | boolean | null }
  /** `value` has the escapes resolved; `raw` is the text between the quotes (States.Format reads `\{`). */
  | { readonly kind: 'string'; readonly value: string; readonly raw: string }
  | { readonly kind: 'path'; readonly path: ParsedPath }
  | { readonly kind: 'call'; readonly call: IntrinsicCall }

/** A parsed intrinsic call such as `States.Format('{}', $.name)`. */
export interface IntrinsicCall {
  readonly name: IntrinsicFunctionName
  readonly args: readonly IntrinsicArgument[]
  /** 0-based position of the call's name in the text. */
  readonly position: number
}

/** The result of {@link parseIntrinsic}: never throws for bad input. */
export type ParseIntrinsicResult =
  { readonly ok: true; readonly call: IntrinsicCall } | ({ readonly ok: false } & SyntaxProblem)

const cache = new Map<string, ParseIntrinsicResult>()
const CACHE_LIMIT = 10_000

/**
 * Parses an intrinsic function call with AWS's grammar: `States.Name(arg, …)`, arguments being
 * single-quoted strings (escapes `\'`, `\{`, `\}`, `\\`; any other backslash is an error), numbers,
 * `true`/`false`/`null`, paths (`$…`, `$$…`, `$name…`) and nested calls (at most 10 levels). Never
 * throws: bad syntax yields `{ ok: false, message, position }`. Results are cached by text.
 *
 * @example
 * parseIntrinsic("States.Format('Hello {}', $.name)")
 * // { ok: true, call: { name: 'States.Format', args: [ literal 'Hello {}', path $.name ] } }
 * parseIntrinsic('States.Nope()')
 * // { ok: false, message: "'States.Nope' is not an intrinsic function. …", position: 0 }
 */
export function parseIntrinsic(text: string): ParseIntrinsicResult {
  const cached = cache.get(text)
  if (cached !== undefined) return cached
  let result: ParseIntrinsicResult
  try {
    const parser = new IntrinsicParser(text)
    result = { ok: true, call: parser.parseWhole() }
  } catch (error) {
    if (!(error instanceof PathSyntaxError)) throw error
    result = { ok: false, message: error.message, position: error.position }
  }
  if (cache.size >= CACHE_LIMIT) cache.clear()
  cache.set(text, result)
  return result
}

/**
 * True when a `.$` value is meant as an intrinsic call rather than a path (it starts with `States.`);
 * whether it is a valid one is {@link parseIntrinsic}'s answer.
 *
 * @example
 * looksLikeIntrinsic('States.UUID()') // true
 * looksLikeIntrinsic('$.id') // false
 */
export function looksLikeIntrinsic(text: string): boolean {
  return text.startsWith('States.')
}

class IntrinsicParser {
  private readonly text: string
  private pos = 0

  constructor(text: string) {
    this.text = text
  }

  private error(message: string, at: number = this.pos): PathSyntaxError {
    return new PathSyntaxError(message, at)
  }

  parseWhole(): IntrinsicCall {
    this.skipSpaces()
    const call = this.parseCall(1)
    this.skipSpaces()
    if (this.pos < this.text.length) {
      throw this.error(
        `Unexpected '${this.text[this.pos]}' after the intrinsic call in '${this.text}'.`,
      )
    }
    return call
  }

  private skipSpaces(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++
  }

  private parseCall(depth: number): IntrinsicCall {
    const start = this.pos
    if (depth > MAX_INTRINSIC_NESTING) {
      throw this.error(
        `Intrinsic calls nest more than ${MAX_INTRINSIC_NESTING} levels deep in '${this.text}'; split the work over several states.`,
      )
    }
    const name = /^[A-Za-z0-9_.]+/.exec(this.text.slice(this.pos))?.[0] ?? ''
    if (name === '')
      throw this.error(`Expected an intrinsic function name (States.…) in '${this.text}'.`)
    if (!KNOWN.has(name)) {
      throw this.error(
        `'${name}' is not an intrinsic function. Use one of ${INTRINSIC_FUNCTIONS.join(', ')}.`,
      )
    }
    this.pos += name.length
    this.skipSpaces()
    if (this.text[this.pos] !== '(')
      throw this.error(`Expected '(' after '${name}' in '${this.text}'.`)
    this.pos++
    const args: IntrinsicArgument[] = []
    this.skipSpaces()
    if (this.text[this.pos] === ')') {
      this.pos++
      return { name: name as IntrinsicFunctionName, args, position: start }
    }
    for (;;) {
      this.skipSpaces()
      args.push(this.parseArgument(depth))
      this.skipSpaces()
      const c = this.text[this.pos]
      if (c === ',') {
        this.pos++
        continue
      }
      if (c === ')') {
        this.pos++
        return { name: name as IntrinsicFunctionName, args, position: start }
      }
      if (c === undefined)
        throw this.error(`Missing ')' to close '${name}(' in '${this.text}'.`, start)
      throw this.error(`Expected ',' or ')' at position ${this.pos} in '${this.text}'.`)
    }
  }

  private parseArgument(depth: number): IntrinsicArgument {
    const c = this.text[this.pos]
    if (c === undefined) throw this.error(`Missing ')' in '${this.text}'.`)
    if (c === "'") {
      const start = this.pos + 1
      const value = this.parseString()
      return { kind: 'string', value, raw: this.text.slice(start, this.pos - 1) }
    }
    if (c === '$') {
      const sub = new PathParser(this.text, this.pos, true)
      const path = sub.parsePathAt(false)
      this.pos = sub.position
      return { kind: 'path', path }
    }
    const rest = this.text.slice(this.pos)
    const number = /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(rest)
    if (number !== null) {
      this.pos += number[0].length
      return { kind: 'literal', value: Number(number[0]) }
    }
    const word = /^(true|false|null)(?![A-Za-z0-9_.])/.exec(rest)
    if (word !== null) {
      this.pos += word[0].length
      return { kind: 'literal', value: word[0] === 'null' ? null : word[0] === 'true' }
    }
    if (/^[A-Za-z]/.test(rest)) return { kind: 'call', call: this.parseCall(depth + 1) }
    throw this.error(`Unexpected '${c}' in the arguments of '${this.text}'.`)
  }

  private parseString(): string {
    const start = this.pos
    this.pos++
    let value = ''
    while (this.pos < this.text.length) {
      const c = this.text[this.pos]!
      if (c === '\\') {
        const escaped = this.text[this.pos + 1]
        if (escaped === "'" || escaped === '{' || escaped === '}' || escaped === '\\') {
          value += escaped
          this.pos += 2
          continue
        }
        throw this.error(
          `Invalid escape '\\${escaped ?? ''}' in a string of '${this.text}': only \\', \\{, \\} and \\\\ are allowed.`,
        )
      }
      if (c === "'") {
        this.pos++
        return value
      }
      value += c
      this.pos++
    }
    throw this.error(`Unterminated string in '${this.text}'.`, start)
  }
}
