// Values that are evaluated: JSONPath paths, payload templates with `.$` keys, intrinsic calls,
// JSONata `{% %}` expressions, and `Assign` blocks (variable names and what they read).

import { isReference } from '../../syntax/index.ts'
import type { IntrinsicCall, ParsedPath } from '../../syntax/index.ts'
import { has, isRecord } from '../checker.ts'
import type { Checker, Scope } from '../checker.ts'
import { jsonataFacts } from '../jsonata-syntax.ts'
import { parseIntrinsic, parseJsonata, parsePath } from './context.ts'
import type { Path, PathKind, StateCtx } from './context.ts'

export const VARIABLE_NAME_MAX = 80

export const VARIABLE_NAME: RegExp = /^[\p{ID_Start}_][\p{ID_Continue}]*$/u

/** What `$states` holds in a JSONata expression (SPEC "JSONata Concepts"). */
export const STATES_FIELDS: readonly string[] = ['input', 'context', 'result', 'errorOutput']

/** A JSONPath-valued field (`InputPath`, `ItemsPath`, `SecondsPath`, `Variable`, …). */
export function checkPathValue(
  c: Checker,
  ctx: StateCtx,
  value: unknown,
  path: Path,
  field: string,
  kind: PathKind,
): ParsedPath | undefined {
  if (typeof value !== 'string') {
    c.report('SFN204', path, 'Expected value of type [STRING]')
    return undefined
  }
  const parsed = parsePath(value)
  if (!parsed.ok) {
    c.report(
      'SFN215',
      path,
      `The value for the field '${field}' must be a valid JSONPath: ${parsed.message}`,
    )
    return undefined
  }
  if (kind !== 'path' && !isReference(parsed.path)) {
    c.report('SFN215', path, `The value for the field '${field}' must be a valid ReferencePath`)
    return undefined
  }
  if (kind === 'result' && parsed.path.root.kind !== 'input') {
    c.report(
      'SFN234',
      path,
      `The field 'ResultPath' of state '${ctx.name}' can only write into the state's data ("$..."), not into the context object or a variable. Use Assign to set a variable.`,
    )
    return undefined
  }
  notePathVariable(c, ctx, parsed.path)
  return parsed.path
}

export function notePathVariable(c: Checker, ctx: StateCtx, path: ParsedPath): void {
  if (path.root.kind === 'variable') c.addReference(ctx.name, path.root.name)
}

/** Arguments each intrinsic takes: [fewest, most] (DG "Intrinsic functions"). */
const INTRINSIC_ARITY: Readonly<Record<string, readonly [number, number]>> = {
  'States.Format': [1, Infinity],
  'States.StringToJson': [1, 1],
  'States.JsonToString': [1, 1],
  'States.Array': [0, Infinity],
  'States.ArrayPartition': [2, 2],
  'States.ArrayContains': [2, 2],
  'States.ArrayRange': [3, 3],
  'States.ArrayGetItem': [2, 2],
  'States.ArrayLength': [1, 1],
  'States.ArrayUnique': [1, 1],
  'States.Base64Encode': [1, 1],
  'States.Base64Decode': [1, 1],
  'States.Hash': [2, 2],
  'States.JsonMerge': [3, 3],
  'States.MathRandom': [2, 3],
  'States.MathAdd': [2, 2],
  'States.StringSplit': [2, 2],
  'States.UUID': [0, 0],
}

const HASH_ALGORITHMS = ['MD5', 'SHA-1', 'SHA-256', 'SHA-384', 'SHA-512']

/**
 * A parsed intrinsic call: notes the variables it reads, and warns about calls that can only fail
 * when they run (argument counts, States.Format placeholders, hash algorithms, deep JsonMerge).
 */
export function checkIntrinsicCall(
  c: Checker,
  ctx: StateCtx,
  call: IntrinsicCall,
  path: Path,
): void {
  const warn = (problem: string): void =>
    c.report('SFN244', path, `In state '${ctx.name}', ${call.name}: ${problem}`, 'warning')
  const arity = Object.hasOwn(INTRINSIC_ARITY, call.name) ? INTRINSIC_ARITY[call.name] : undefined
  const count = call.args.length
  if (arity !== undefined && (count < arity[0] || count > arity[1])) {
    const expected =
      arity[0] === arity[1]
        ? `${arity[0]}`
        : arity[1] === Infinity
          ? `at least ${arity[0]}`
          : `${arity[0]} or ${arity[1]}`
    warn(
      `takes ${expected} argument${expected === '1' ? '' : 's'} but is given ${count}; the call fails when it runs.`,
    )
  }
  const [first, second, third] = call.args
  if (call.name === 'States.Format' && first?.kind === 'string') {
    const placeholders = countPlaceholders(first.raw)
    if (placeholders !== count - 1) {
      warn(
        `the template has ${placeholders} '{}' but ${count - 1} ${count === 2 ? 'value follows' : 'values follow'}; make them match.`,
      )
    }
  }
  if (
    call.name === 'States.Hash' &&
    second?.kind === 'string' &&
    !HASH_ALGORITHMS.includes(second.value)
  ) {
    warn(`'${second.value}' is not a hash algorithm; use one of ${HASH_ALGORITHMS.join(', ')}.`)
  }
  if (call.name === 'States.JsonMerge' && third?.kind === 'literal' && third.value === true) {
    warn('AWS supports only a shallow merge; pass false as the third argument.')
  }
  for (const arg of call.args) {
    if (arg.kind === 'path') notePathVariable(c, ctx, arg.path)
    else if (arg.kind === 'call') checkIntrinsicCall(c, ctx, arg.call, path)
  }
}

/** `{}` pairs in a States.Format template, escaped braces (`\{`) aside. */
function countPlaceholders(raw: string): number {
  let count = 0
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '\\') i++
    else if (raw[i] === '{' && raw[i + 1] === '}') count++
  }
  return count
}

/** A `.$` value: a path or an intrinsic call; reports AWS's message at the containing object. */
export function checkDollarValue(
  c: Checker,
  ctx: StateCtx,
  key: string,
  value: unknown,
  containerPath: Path,
): void {
  if (typeof value === 'string') {
    if (value.startsWith('States.')) {
      const call = parseIntrinsic(value)
      if (call.ok) {
        checkIntrinsicCall(c, ctx, call.call, containerPath)
        return
      }
    } else {
      const parsed = parsePath(value)
      if (parsed.ok) {
        notePathVariable(c, ctx, parsed.path)
        return
      }
    }
  }
  c.report(
    'SFN216',
    containerPath,
    `The value for the field '${key}' must be a valid JSONPath or a valid intrinsic function call`,
  )
}

/** A JSONPath payload template: `.$` keys at any depth take paths or intrinsics. */
export function checkPayloadTemplate(c: Checker, ctx: StateCtx, value: unknown, path: Path): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => checkPayloadTemplate(c, ctx, item, path.concat(index)))
    return
  }
  if (!isRecord(value)) return
  const seen = new Set<string>()
  for (const key of Object.keys(value)) {
    const child = value[key]
    const stripped = key.endsWith('.$') ? key.slice(0, -2) : key
    if (seen.has(stripped)) {
      c.report(
        'SFN217',
        path,
        `The field '${stripped}' appears twice in state '${ctx.name}' once '.$' is removed ('${stripped}' and '${stripped}.$'); keep one of them.`,
      )
    }
    seen.add(stripped)
    if (key.endsWith('.$')) checkDollarValue(c, ctx, key, child, path)
    else if (typeof child === 'string' && looksEvaluated(child)) {
      c.report(
        'SFN240',
        path,
        `The field '${key}' of state '${ctx.name}' holds '${child}', which is passed on as text because the field name does not end in '.$'; rename it '${key}.$' to evaluate it.`,
        'warning',
      )
    } else checkPayloadTemplate(c, ctx, child, path.concat(key))
  }
}

// PERF: module level; a regular expression literal in a function is a new object per call.
const LOOKS_EVALUATED = /^(?:\$\$?[.[]|States\.[A-Za-z]+\()/

/** A string a reader would take for a path or an intrinsic call (AWS's NO_DOLLAR warning). */
export function looksEvaluated(text: string): boolean {
  if (!LOOKS_EVALUATED.test(text)) return false
  return text.startsWith('States.') ? parseIntrinsic(text).ok : parsePath(text).ok
}

/** Pass `Result` is data, never evaluated (AWS's PASS_RESULT_IS_STATIC warning). */
export function checkStaticResult(c: Checker, ctx: StateCtx, value: unknown, path: Path): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => checkStaticResult(c, ctx, item, path.concat(index)))
    return
  }
  if (!isRecord(value)) return
  for (const key of Object.keys(value)) {
    const child = value[key]
    if (key.endsWith('.$') || (typeof child === 'string' && looksEvaluated(child))) {
      c.report(
        'SFN241',
        path.concat(key),
        `The Result of Pass state '${ctx.name}' is static, so '${key}' is not evaluated; use Parameters to build the output from the input.`,
        'warning',
      )
    } else {
      checkStaticResult(c, ctx, child, path.concat(key))
    }
  }
}

/**
 * A value of a JSONata state: every `{% %}` string at any depth must parse, read no implicit input,
 * and use only the `$states` fields this position offers (`extra` adds `result` or `errorOutput`).
 */
export function checkJsonataValue(
  c: Checker,
  ctx: StateCtx,
  value: unknown,
  path: Path,
  extra: readonly string[],
): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => checkJsonataValue(c, ctx, item, path.concat(index), extra))
    return
  }
  if (isRecord(value)) {
    for (const key of Object.keys(value))
      checkJsonataValue(c, ctx, value[key], path.concat(key), extra)
    return
  }
  if (typeof value === 'string') checkJsonataString(c, ctx, value, path, extra)
}

/** One string of a JSONata state; plain strings are literals, `{% %}` strings are expressions. */
export function checkJsonataString(
  c: Checker,
  ctx: StateCtx,
  text: string,
  path: Path,
  extra: readonly string[],
): boolean {
  const opens = text.startsWith('{%')
  const closes = text.endsWith('%}')
  if (!opens && !closes) return false
  const parsed = parseJsonata(text)
  if (!parsed.ok) {
    c.report(
      'SFN218',
      path,
      parsed.code === 'DELIMITERS'
        ? `The JSONata expression in state '${ctx.name}' must start with '{%' and end with '%}'.`
        : parsed.message,
    )
    return true
  }
  let facts
  try {
    facts = jsonataFacts(parsed.ast)
  } catch {
    return true // an AST too deep to walk has already parsed; nothing more to learn from it
  }
  for (const name of facts.topLevelReferences) {
    c.report('SFN219', path, `Reference to '${name}' at the top level is not supported.`)
  }
  if (facts.readsRootDocument) {
    c.report('SFN219', path, "Reference to '$$' is not supported.")
  }
  for (const field of facts.statesFields) {
    if ((field === 'result' || field === 'errorOutput') && !extra.includes(field)) {
      c.report(
        'SFN220',
        path,
        field === 'errorOutput'
          ? "Field '$states.errorOutput' does not exist."
          : `Field '$states.result' does not exist here in state '${ctx.name}': it exists only in the Output and Assign of Task, Map and Parallel states; read the input with $states.input.`,
      )
    } else if (!STATES_FIELDS.includes(field)) {
      c.report(
        'SFN220',
        path,
        `Field '$states.${field}' does not exist. $states has input, context, result and errorOutput.`,
      )
    }
  }
  for (const variable of facts.variables) c.addReference(ctx.name, variable)
  return true
}

/** A scalar field of a JSONata state that takes a literal or an expression. */
export function isExpression(c: Checker, ctx: StateCtx, value: unknown, path: Path): boolean {
  if (ctx.language !== 'JSONata' || typeof value !== 'string') return false
  return checkJsonataString(c, ctx, value, path, [])
}

export function checkAssign(
  c: Checker,
  ctx: StateCtx,
  assign: unknown,
  path: Path,
  scope: Scope | undefined,
  extra: readonly string[],
): void {
  if (!isRecord(assign)) {
    c.report(
      'SFN204',
      path,
      `The field 'Assign' of state '${ctx.name}' must be an object of variable names to values.`,
    )
    return
  }
  const seen = new Set<string>()
  for (const key of Object.keys(assign)) {
    const dollar = ctx.language === 'JSONPath' && key.endsWith('.$')
    const name = dollar ? key.slice(0, -2) : key
    if (seen.has(name)) {
      c.report(
        'SFN217',
        path,
        `The variable '${name}' is assigned twice in state '${ctx.name}'; keep one of '${name}' and '${name}.$'.`,
      )
    }
    seen.add(name)
    checkVariableName(c, ctx, name, path)
    c.assignedAnywhere.add(name)
    ctx.scope.assignedHere.add(name)
    if (scope !== undefined && !scope.assigned.has(name)) scope.assigned.set(name, path.concat(key))
    const value = assign[key]
    if (ctx.language === 'JSONata') checkJsonataValue(c, ctx, value, path.concat(key), extra)
    else if (dollar) checkDollarValue(c, ctx, key, value, path)
    else checkPayloadTemplate(c, ctx, { [key]: value }, path)
  }
}

export function checkVariableName(c: Checker, ctx: StateCtx, name: string, path: Path): void {
  if (name === 'states') {
    c.report(
      'SFN223',
      path,
      `State '${ctx.name}' assigns the variable 'states', which is reserved; choose another name.`,
    )
  } else if (!VARIABLE_NAME.test(name) || [...name].length > VARIABLE_NAME_MAX) {
    c.report(
      'SFN223',
      path,
      `State '${ctx.name}' assigns '${name}', which is not a valid variable name: use a letter or '_' followed by letters, digits or '_', at most ${VARIABLE_NAME_MAX} characters.`,
    )
  }
}
