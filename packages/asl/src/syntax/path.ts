import type { JsonValue } from '../states.ts'

/**
 * What a path starts from: the state's data (`$`), the Context Object (`$$`), a workflow variable
 * (`$name`), or the current node inside a filter (`@`).
 */
export type PathRoot =
  | { readonly kind: 'input' }
  | { readonly kind: 'context' }
  | { readonly kind: 'variable'; readonly name: string }
  | { readonly kind: 'current' }

/** One step of a path; `deep` marks Jayway's deep scan (`..`). */
export interface PathSegment {
  readonly deep: boolean
  readonly selector: PathSelector
}

/** What one step selects (Jayway's path tokens). */
export type PathSelector =
  /** `.a`, `['a']`; several names (`['a','b']`) make a union. */
  | { readonly kind: 'property'; readonly names: readonly string[] }
  /** `[0]`, `[-1]`; several indices (`[0,2]`) make a union. */
  | { readonly kind: 'index'; readonly indices: readonly number[] }
  /** `.*`, `[*]` */
  | { readonly kind: 'wildcard' }
  /** `[1:3]`, `[:2]`, `[-2:]` */
  | {
      readonly kind: 'slice'
      readonly start: number | undefined
      readonly end: number | undefined
      readonly step: number | undefined
    }
  /** `[?(@.price < 10)]` */
  | { readonly kind: 'filter'; readonly expression: FilterExpression }
  /** A trailing Jayway function such as `.length()`. */
  | { readonly kind: 'function'; readonly name: PathFunctionName }

/** The Jayway path functions a path may end with. */
export type PathFunctionName =
  'length' | 'size' | 'min' | 'max' | 'avg' | 'stddev' | 'sum' | 'keys' | 'first' | 'last'

const PATH_FUNCTIONS: ReadonlySet<string> = new Set([
  'length',
  'size',
  'min',
  'max',
  'avg',
  'stddev',
  'sum',
  'keys',
  'first',
  'last',
])

/** A filter (`[?( … )]`) predicate. */
export type FilterExpression =
  | {
      readonly kind: 'and' | 'or'
      readonly left: FilterExpression
      readonly right: FilterExpression
    }
  | { readonly kind: 'not'; readonly operand: FilterExpression }
  | {
      readonly kind: 'compare'
      readonly operator: FilterOperator
      readonly left: FilterOperand
      readonly right: FilterOperand
    }
  /** `[?(@.isbn)]`: true when the path matches something. */
  | { readonly kind: 'exists'; readonly operand: FilterOperand }

/** Jayway's filter operators. */
export type FilterOperator =
  | '=='
  | '!='
  | '==='
  | '!=='
  | '<'
  | '<='
  | '>'
  | '>='
  | '=~'
  | 'in'
  | 'nin'
  | 'subsetof'
  | 'anyof'
  | 'noneof'
  | 'size'
  | 'empty'
  | 'contains'
  | 'all'
  | 'exists'

/** A value in a filter: a JSON literal, a path (`@…` relative, `$…` absolute) or a regex literal. */
export type FilterOperand =
  | { readonly kind: 'literal'; readonly value: JsonValue }
  | { readonly kind: 'path'; readonly path: ParsedPath }
  | { readonly kind: 'regex'; readonly source: string; readonly flags: string }

/** A parsed JSONPath / Reference Path. */
export interface ParsedPath {
  readonly text: string
  readonly root: PathRoot
  readonly segments: readonly PathSegment[]
  /** Jayway's "definite path": selects at most one node, so it yields a value rather than a list. */
  readonly isDefinite: boolean
}

/** A syntax error: what is wrong and the 0-based character position in the path text. */
export interface SyntaxProblem {
  readonly message: string
  readonly position: number
}

/** The result of {@link parsePath}: never throws for bad input. */
export type ParsePathResult =
  { readonly ok: true; readonly path: ParsedPath } | ({ readonly ok: false } & SyntaxProblem)

class PathSyntaxError extends Error {
  readonly position: number
  constructor(message: string, position: number) {
    super(message)
    this.position = position
  }
}

const cache = new Map<string, ParsePathResult>()
const CACHE_LIMIT = 10_000

/**
 * Parses a JSONPath as ASL uses it (Jayway syntax): `$…` into the state's data, `$$…` into the Context
 * Object, `$name…` into a workflow variable. Never throws: bad syntax yields `{ ok: false, message,
 * position }`. Results are cached by text, so callers may parse on every use.
 *
 * @example
 * parsePath("$.order['lines'][0].sku")
 * // { ok: true, path: { root: { kind: 'input' }, isDefinite: true, segments: [ …4 steps ] } }
 * parsePath('$.a[')
 * // { ok: false, message: "Path '$.a[' ends inside a bracket expression.", position: 4 }
 */
export function parsePath(text: string): ParsePathResult {
  const cached = cache.get(text)
  if (cached !== undefined) return cached
  let result: ParsePathResult
  try {
    const parser = new PathParser(text, 0, false)
    const path = parser.parseWhole()
    result = { ok: true, path }
  } catch (error) {
    if (!(error instanceof PathSyntaxError)) throw error
    result = { ok: false, message: error.message, position: error.position }
  }
  if (cache.size >= CACHE_LIMIT) cache.clear()
  cache.set(text, result)
  return result
}

/**
 * True when `text` is a valid Reference Path: a path that addresses a single node (no wildcards, deep
 * scans, filters, slices, unions or functions). `$$…` and `$name…` count; a field that also forbids those
 * (ResultPath) checks `root` itself.
 *
 * @example
 * isReferencePath('$.items[0].id') // true
 * isReferencePath('$.items[*].id') // false
 */
export function isReferencePath(text: string): boolean {
  const parsed = parsePath(text)
  return parsed.ok && isReference(parsed.path)
}

/**
 * True when a parsed path is a Reference Path (see {@link isReferencePath}).
 *
 * @example
 * const parsed = parsePath('$.a.b')
 * parsed.ok && isReference(parsed.path) // true
 */
export function isReference(path: ParsedPath): boolean {
  return (
    path.root.kind !== 'current' &&
    path.isDefinite &&
    path.segments.every((s) => s.selector.kind !== 'function')
  )
}

const VARIABLE_START = /[\p{ID_Start}_]/u
const VARIABLE_CONTINUE = /[\p{ID_Continue}]/u

/** @internal Exported for the intrinsic parser, which embeds paths in argument lists. */
export class PathParser {
  private readonly text: string
  private pos: number
  private readonly nested: boolean

  /** `nested`: stop at an unbracketed `,`, `)` or space instead of requiring the end of the text. */
  constructor(text: string, start: number, nested: boolean) {
    this.text = text
    this.pos = start
    this.nested = nested
  }

  get position(): number {
    return this.pos
  }

  parseWhole(): ParsedPath {
    const path = this.parsePathAt(false)
    if (this.pos < this.text.length) {
      throw new PathSyntaxError(
        `Unexpected '${this.text[this.pos]}' at position ${this.pos} of path '${this.text}'.`,
        this.pos,
      )
    }
    return path
  }

  /** Parses one path starting at the current position (used for whole paths and filter operands). */
  parsePathAt(inFilter: boolean): ParsedPath {
    const start = this.pos
    const root = this.parseRoot(inFilter)
    const segments: PathSegment[] = []
    let definite = true
    while (this.pos < this.text.length) {
      const c = this.text[this.pos]
      if (this.isStop(c, inFilter)) break
      if (segments.length > 0 && segments[segments.length - 1]!.selector.kind === 'function') {
        throw this.error(`Nothing may follow a path function in '${this.text}'.`)
      }
      const segment = this.parseSegment()
      if (!isDefiniteSegment(segment)) definite = false
      segments.push(segment)
    }
    return { text: this.text.slice(start, this.pos), root, segments, isDefinite: definite }
  }

  private isStop(c: string | undefined, inFilter: boolean): boolean {
    if (c === '.' || c === '[') return false
    if (inFilter || this.nested) return true
    return false
  }

  private error(message: string, at: number = this.pos): PathSyntaxError {
    return new PathSyntaxError(message, at)
  }

  private parseRoot(inFilter: boolean): PathRoot {
    const c = this.text[this.pos]
    if (c === '@') {
      if (!inFilter) throw this.error(`A path must start with '$', not '@': '${this.text}'.`)
      this.pos++
      return { kind: 'current' }
    }
    if (c !== '$') {
      throw this.error(`A path must start with '$': '${this.text}'.`)
    }
    this.pos++
    if (this.text[this.pos] === '$') {
      this.pos++
      return { kind: 'context' }
    }
    const first = this.text[this.pos]
    if (first !== undefined && first !== '.' && first !== '[' && VARIABLE_START.test(first)) {
      const start = this.pos
      this.pos++
      while (this.pos < this.text.length && VARIABLE_CONTINUE.test(this.text[this.pos]!)) this.pos++
      return { kind: 'variable', name: this.text.slice(start, this.pos) }
    }
    return { kind: 'input' }
  }

  private parseSegment(): PathSegment {
    const c = this.text[this.pos]
    if (c === '[') return { deep: false, selector: this.parseBracket() }
    // c === '.'
    this.pos++
    let deep = false
    if (this.text[this.pos] === '.') {
      deep = true
      this.pos++
    }
    const next = this.text[this.pos]
    if (next === undefined) {
      throw this.error(`A path must not end with '.' or '..': '${this.text}'.`)
    }
    // Jayway also reads `$.['a']` as `$['a']`.
    if (next === '[') return { deep, selector: this.parseBracket() }
    if (next === '*') {
      this.pos++
      return { deep, selector: { kind: 'wildcard' } }
    }
    if (next === '.') throw this.error(`Unexpected '...' in path '${this.text}'.`)
    return { deep, selector: this.parseDotName() }
  }

  /** A dot-notation name runs to the next unescaped `.` or `[`; `\x` stands for `x` (`$.a\.b`). */
  private parseDotName(): PathSelector {
    const start = this.pos
    let name = ''
    while (this.pos < this.text.length) {
      const c = this.text[this.pos]!
      if (c === '\\') {
        const escaped = this.text[this.pos + 1]
        if (escaped === undefined)
          throw this.error(`A path must not end with '\\': '${this.text}'.`)
        name += escaped
        this.pos += 2
        continue
      }
      if (c === '.' || c === '[') break
      if (this.nested && (c === ',' || c === ')')) break
      if (c === '(') {
        if (this.text[this.pos + 1] === ')' && PATH_FUNCTIONS.has(name)) {
          this.pos += 2
          return { kind: 'function', name: name as PathFunctionName }
        }
        throw this.error(`Unexpected '(' in path '${this.text}'.`)
      }
      if (c === ' ' || c === ')' || c === ']' || c === "'" || c === '"') {
        if (this.nested && c === ' ') break
        throw this.error(
          `Unexpected '${c}' in a property name of path '${this.text}'; use bracket notation ['name'].`,
        )
      }
      name += c
      this.pos++
    }
    if (name.length === 0) throw this.error(`Empty property name in path '${this.text}'.`, start)
    return { kind: 'property', names: [name] }
  }

  private skipSpaces(): void {
    while (this.text[this.pos] === ' ') this.pos++
  }

  private parseBracket(): PathSelector {
    const open = this.pos
    this.pos++ // '['
    this.skipSpaces()
    const c = this.text[this.pos]
    if (c === undefined)
      throw this.error(`Path '${this.text}' ends inside a bracket expression.`, open)
    let selector: PathSelector
    if (c === '?') {
      this.pos++
      this.skipSpaces()
      if (this.text[this.pos] !== '(')
        throw this.error(`Expected '(' after '[?' in path '${this.text}'.`)
      this.pos++
      const expression = this.parseOr()
      this.skipSpaces()
      if (this.text[this.pos] !== ')')
        throw this.error(`Expected ')' to close the filter in path '${this.text}'.`)
      this.pos++
      selector = { kind: 'filter', expression }
    } else if (c === '*') {
      this.pos++
      selector = { kind: 'wildcard' }
    } else if (c === "'" || c === '"') {
      const names: string[] = [this.parseQuoted()]
      this.skipSpaces()
      while (this.text[this.pos] === ',') {
        this.pos++
        this.skipSpaces()
        const q = this.text[this.pos]
        if (q !== "'" && q !== '"')
          throw this.error(`Expected a quoted property name in path '${this.text}'.`)
        names.push(this.parseQuoted())
        this.skipSpaces()
      }
      selector = { kind: 'property', names }
    } else if (c === '-' || c === ':' || isDigit(c)) {
      selector = this.parseIndexOrSlice()
    } else {
      throw this.error(`Unexpected '${c}' in a bracket expression of path '${this.text}'.`)
    }
    this.skipSpaces()
    if (this.text[this.pos] === undefined) {
      throw this.error(`Path '${this.text}' ends inside a bracket expression.`, open)
    }
    if (this.text[this.pos] !== ']') {
      throw this.error(`Expected ']' at position ${this.pos} of path '${this.text}'.`)
    }
    this.pos++
    return selector
  }

  private parseQuoted(): string {
    const quote = this.text[this.pos]!
    const start = this.pos
    this.pos++
    let value = ''
    while (this.pos < this.text.length) {
      const c = this.text[this.pos]!
      if (c === '\\') {
        // Only the quote and the backslash itself are escapes; any other backslash is kept, as AWS
        // matches `$['a\"b']` against the key `a\"b` (backslash kept).
        const escaped = this.text[this.pos + 1]
        if (escaped === undefined) break
        if (escaped === quote || escaped === '\\') {
          value += escaped
          this.pos += 2
          continue
        }
      }
      if (c === quote) {
        this.pos++
        return value
      }
      value += c
      this.pos++
    }
    throw this.error(`Unterminated string in path '${this.text}'.`, start)
  }

  private parseInteger(): number | undefined {
    const start = this.pos
    if (this.text[this.pos] === '-') this.pos++
    while (isDigit(this.text[this.pos])) this.pos++
    const digits = this.text.slice(start, this.pos)
    if (digits === '') return undefined
    if (digits === '-') throw this.error(`Expected a number after '-' in path '${this.text}'.`)
    return Number(digits)
  }

  private parseIndexOrSlice(): PathSelector {
    const first = this.parseInteger()
    this.skipSpaces()
    if (this.text[this.pos] === ':') {
      this.pos++
      this.skipSpaces()
      const end = this.parseInteger()
      this.skipSpaces()
      let step: number | undefined
      if (this.text[this.pos] === ':') {
        this.pos++
        this.skipSpaces()
        step = this.parseInteger()
        if (step === 0) throw this.error(`A slice step must not be 0 in path '${this.text}'.`)
      }
      return { kind: 'slice', start: first, end, step }
    }
    if (first === undefined) throw this.error(`Expected an index in path '${this.text}'.`)
    const indices = [first]
    while (this.text[this.pos] === ',') {
      this.pos++
      this.skipSpaces()
      const next = this.parseInteger()
      if (next === undefined) throw this.error(`Expected an index in path '${this.text}'.`)
      indices.push(next)
      this.skipSpaces()
    }
    return { kind: 'index', indices }
  }

  // Filter expressions: or := and ('||' and)*; and := unary ('&&' unary)*; unary := '!' unary | '(' or ')' | comparison
  private parseOr(): FilterExpression {
    let left = this.parseAnd()
    for (;;) {
      this.skipSpaces()
      if (!this.text.startsWith('||', this.pos)) return left
      this.pos += 2
      left = { kind: 'or', left, right: this.parseAnd() }
    }
  }

  private parseAnd(): FilterExpression {
    let left = this.parseUnary()
    for (;;) {
      this.skipSpaces()
      if (!this.text.startsWith('&&', this.pos)) return left
      this.pos += 2
      left = { kind: 'and', left, right: this.parseUnary() }
    }
  }

  private parseUnary(): FilterExpression {
    this.skipSpaces()
    const c = this.text[this.pos]
    if (c === '!' && this.text[this.pos + 1] !== '=') {
      this.pos++
      return { kind: 'not', operand: this.parseUnary() }
    }
    if (c === '(') {
      this.pos++
      const inner = this.parseOr()
      this.skipSpaces()
      if (this.text[this.pos] !== ')')
        throw this.error(`Expected ')' in the filter of path '${this.text}'.`)
      this.pos++
      return inner
    }
    const left = this.parseOperand()
    this.skipSpaces()
    const operator = this.parseOperator()
    if (operator === undefined) {
      if (left.kind !== 'path')
        throw this.error(`Expected a comparison in the filter of path '${this.text}'.`)
      return { kind: 'exists', operand: left }
    }
    this.skipSpaces()
    const right = this.parseOperand()
    return { kind: 'compare', operator, left, right }
  }

  private parseOperator(): FilterOperator | undefined {
    for (const op of ['===', '!==', '==', '!=', '<=', '>=', '=~', '<', '>'] as const) {
      if (this.text.startsWith(op, this.pos)) {
        this.pos += op.length
        return op
      }
    }
    const word = /^(nin|in|subsetof|anyof|noneof|size|empty|contains|all|exists)\b/i.exec(
      this.text.slice(this.pos),
    )
    if (word !== null) {
      this.pos += word[0].length
      return word[1]!.toLowerCase() as FilterOperator
    }
    return undefined
  }

  private parseOperand(): FilterOperand {
    this.skipSpaces()
    const c = this.text[this.pos]
    if (c === '@' || c === '$') {
      const sub = new PathParser(this.text, this.pos, true)
      const path = sub.parsePathAt(true)
      this.pos = sub.position
      return { kind: 'path', path }
    }
    if (c === "'" || c === '"') return { kind: 'literal', value: this.parseQuoted() }
    if (c === '/') {
      const start = this.pos
      this.pos++
      let source = ''
      while (this.pos < this.text.length && this.text[this.pos] !== '/') {
        if (this.text[this.pos] === '\\' && this.pos + 1 < this.text.length) {
          source += this.text.slice(this.pos, this.pos + 2)
          this.pos += 2
          continue
        }
        source += this.text[this.pos]
        this.pos++
      }
      if (this.text[this.pos] !== '/')
        throw this.error(`Unterminated regular expression in path '${this.text}'.`, start)
      this.pos++
      let flags = ''
      while (/[a-z]/i.test(this.text[this.pos] ?? '')) flags += this.text[this.pos++]
      return { kind: 'regex', source, flags }
    }
    if (c === '[' || c === '{') return { kind: 'literal', value: this.parseJsonLiteral() }
    const word = /^(true|false|null|-?\d+(\.\d+)?([eE][+-]?\d+)?)/.exec(this.text.slice(this.pos))
    if (word !== null) {
      this.pos += word[0].length
      return { kind: 'literal', value: JSON.parse(word[0]) as JsonValue }
    }
    throw this.error(`Unexpected '${c ?? 'end of path'}' in the filter of path '${this.text}'.`)
  }

  /** A JSON array/object literal (`in ['a','b']`); single quotes are allowed as in Jayway. */
  private parseJsonLiteral(): JsonValue {
    const start = this.pos
    let depth = 0
    let quote: string | undefined
    while (this.pos < this.text.length) {
      const c = this.text[this.pos]!
      if (quote !== undefined) {
        if (c === '\\') this.pos++
        else if (c === quote) quote = undefined
      } else if (c === "'" || c === '"') quote = c
      else if (c === '[' || c === '{') depth++
      else if (c === ']' || c === '}') {
        depth--
        if (depth === 0) {
          this.pos++
          const raw = this.text.slice(start, this.pos)
          try {
            return JSON.parse(
              raw.replace(/'((?:[^'\\]|\\.)*)'/g, (_m, s: string) =>
                JSON.stringify(s.replace(/\\(.)/g, '$1')),
              ),
            ) as JsonValue
          } catch {
            throw this.error(`Invalid JSON literal in the filter of path '${this.text}'.`, start)
          }
        }
      }
      this.pos++
    }
    throw this.error(`Unterminated literal in the filter of path '${this.text}'.`, start)
  }
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9'
}

function isDefiniteSegment(segment: PathSegment): boolean {
  if (segment.deep) return false
  const s = segment.selector
  switch (s.kind) {
    case 'property':
      return s.names.length === 1
    case 'index':
      return s.indices.length === 1
    case 'function':
      return true
    default:
      return false
  }
}

export { PathSyntaxError }
