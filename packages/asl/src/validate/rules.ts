// The create-time rules AWS applies (ASL-SPEC §15), in one walk over the definition. Each problem is
// reported where AWS locates it, with AWS's wording where it is known; the walk never stops at the
// first problem, so every mistake is listed at once.

import {
  isReference,
  parseIntrinsic as parseIntrinsicUnguarded,
  parseJsonata as parseJsonataUnguarded,
  parsePath as parsePathUnguarded,
} from '../syntax/index.ts'
import type {
  IntrinsicCall,
  ParsedPath,
  ParseIntrinsicResult,
  ParseJsonataResult,
  ParsePathResult,
} from '../syntax/index.ts'
import type { StateType } from '../states.ts'
import { Checker, has, isInteger, isRecord, type JsonRecord, type Scope } from './checker.ts'
import type { PathSegment } from './diagnostic.ts'
import { AWS_STATE_TYPE_ORDER, CHOICE_OPERATORS, STATE_FIELDS } from './fields.ts'
import { jsonataFacts } from './jsonata-syntax.ts'
import { classifyResource } from './resource.ts'
import { isRfc3339Timestamp } from './timestamp.ts'

type Language = 'JSONPath' | 'JSONata'
type Path = readonly PathSegment[]

const MAX_INT = 99_999_999
const STATE_NAME_MAX = 80
const LABEL_MAX = 40
const VARIABLE_NAME_MAX = 80
const VARIABLE_NAME = /^[\p{ID_Start}_][\p{ID_Continue}]*$/u
// Map Label: no whitespace, ? *, brackets, : ; , \ | ^ ~ $ # % & ` " or control characters (DG).
const LABEL_FORBIDDEN = /[\s?*<>{}[\]:;,\\|^~$#%&`"\u0000-\u001f\u007f-\u009f]/u

const ITEM_READER_RESOURCE = /^arn:aws(?:-[a-z]+)*:states:::s3:(?:getObject|listObjectsV2)$/
const RESULT_WRITER_RESOURCE = /^arn:aws(?:-[a-z]+)*:states:::s3:putObject$/

/** What `$states` holds in a JSONata expression (SPEC "JSONata Concepts"). */
const STATES_FIELDS = ['input', 'context', 'result', 'errorOutput']

const ROOT_FIELDS = ['StartAt', 'States', 'Comment', 'Version', 'TimeoutSeconds', 'QueryLanguage']

// The parsers are recursive; a pathologically nested path, call or expression must become a
// diagnostic, never a RangeError escaping the validator.
const TOO_DEEP = 'it is nested too deeply to parse; simplify it'

function parsePath(text: string): ParsePathResult {
  try {
    return parsePathUnguarded(text)
  } catch {
    return { ok: false, message: TOO_DEEP, position: 0 }
  }
}

function parseIntrinsic(text: string): ParseIntrinsicResult {
  try {
    return parseIntrinsicUnguarded(text)
  } catch {
    return { ok: false, message: TOO_DEEP, position: 0 }
  }
}

function parseJsonata(text: string): ParseJsonataResult {
  try {
    const result = parseJsonataUnguarded(text)
    // jsonata reports its own stack overflow as an ordinary parse error.
    if (!result.ok && /call stack/i.test(result.message)) {
      return {
        ...result,
        message: `The JSONata expression is nested too deeply to parse; simplify it.`,
      }
    }
    return result
  } catch {
    return {
      ok: false,
      code: 'S0000',
      message: 'The JSONata expression is nested too deeply to parse; simplify it.',
      position: 0,
    }
  }
}

/** What the rules know about the state being checked. */
interface StateCtx {
  readonly name: string
  readonly type: StateType
  readonly path: Path
  readonly language: Language
  readonly scope: Scope
}

/** A transition found in a scope: target name and where it is written. */
interface Transition {
  readonly target: string
  readonly path: Path
}

/** Checks a whole definition (already known to be a finite, acyclic JSON tree). */
export function checkDefinition(c: Checker, definition: unknown): void {
  if (!isRecord(definition)) {
    c.report('SFN201', '', 'Definition must be a valid JSON object')
    return
  }
  for (const key of Object.keys(definition)) {
    if (!ROOT_FIELDS.includes(key)) c.report('SFN203', [], `Field '${key}' is not supported`)
  }
  const language = definition['QueryLanguage']
  if (has(definition, 'QueryLanguage')) {
    checkQueryLanguageValue(c, language, ['QueryLanguage'])
    // Any value other than exactly 'JSONPath' reads as JSONata, as AWS reads it.
    c.topLanguage = language === 'JSONPath' ? 'JSONPath' : 'JSONata'
  }
  if (has(definition, 'Comment') && typeof definition['Comment'] !== 'string') {
    c.report('SFN204', ['Comment'], "The field 'Comment' must be a string.")
  }
  if (has(definition, 'Version') && typeof definition['Version'] !== 'string') {
    c.report('SFN204', ['Version'], 'The field \'Version\' must be a string such as "1.0".')
  }
  if (has(definition, 'TimeoutSeconds')) {
    checkIntegerLiteral(
      c,
      definition['TimeoutSeconds'],
      ['TimeoutSeconds'],
      'TimeoutSeconds',
      0,
      MAX_INT,
    )
  }
  const missing = ['States', 'StartAt'].filter((key) => !has(definition, key))
  if (missing.length > 0) {
    c.report('SFN202', [], `These fields are required: [${missing.join(', ')}]`)
  }
  checkMachine(c, definition, [], undefined, false)
}

/** A `States` scope: the top level, a Parallel branch or a Map processor. */
function checkMachine(
  c: Checker,
  machine: JsonRecord,
  path: Path,
  parent: Scope | undefined,
  isolated: boolean,
): void {
  const scope = c.newScope(parent, path, isolated)
  const states = machine['States']
  const startAt = machine['StartAt']
  if (has(machine, 'StartAt') && typeof startAt !== 'string') {
    c.report('SFN204', [...path, 'StartAt'], "The field 'StartAt' must be a string naming a state.")
  }
  if (!has(machine, 'States')) return
  if (!isRecord(states)) {
    c.report('SFN204', [...path, 'States'], "The field 'States' must be an object of named states.")
    return
  }
  const transitions: Transition[] = []
  const terminal: string[] = []
  const names = Object.keys(states)
  for (const name of names) {
    const statePath: Path = [...path, 'States', name]
    checkStateName(c, name, statePath)
    const state = states[name]
    checkState(c, name, state, statePath, scope, transitions)
    if (isRecord(state)) {
      if (state['Type'] === 'Succeed' || state['Type'] === 'Fail' || state['End'] === true) {
        terminal.push(name)
      }
    }
  }
  if (typeof startAt === 'string' && !has(states, startAt)) {
    c.report('SFN208', [...path, 'StartAt'], `Missing 'Next' target: ${startAt}`)
  }
  for (const transition of transitions) {
    if (!has(states, transition.target)) {
      c.report('SFN208', transition.path, `Missing 'Next' target: ${transition.target}`)
    }
  }
  if (names.length === 0) {
    c.report('SFN233', [...path, 'States'], 'Value cannot be empty')
    return
  }
  if (terminal.length === 0 && path.length === 0) {
    // AWS reports this without a location and then skips reachability.
    c.report('SFN210', '', 'Workflow has no terminal state')
    return
  }
  if (terminal.length === 0) {
    // AWS applies the rule at the top level only and accepts such a branch or processor, which can
    // then never finish; a warning keeps the verdict AWS's and still names the mistake.
    c.report(
      'SFN210',
      path,
      `This ${path[path.length - 2] === 'Branches' ? 'Parallel branch' : 'Map processor'} has no terminal state, so it can never finish; end one of its states with "End": true, a Succeed or a Fail state.`,
      'warning',
    )
  }
  // Without a valid StartAt the entry is unknown, so "not reachable" would only repeat that problem.
  if (typeof startAt !== 'string') return
  const referenced = new Set(transitions.map((t) => t.target))
  referenced.add(startAt)
  for (const name of names) {
    if (!referenced.has(name)) {
      c.report('SFN209', [...path, 'States', name], `State "${name}" is not reachable.`)
    }
  }
}

/** AWS reads any QueryLanguage other than exactly 'JSONPath' as JSONata, and reports the value apart. */
function checkQueryLanguageValue(c: Checker, value: unknown, path: Path): void {
  if (typeof value !== 'string') c.report('SFN204', path, 'Expected value of type [STRING]')
  else if (value !== 'JSONPath' && value !== 'JSONata') {
    c.report('SFN204', path, 'Value should be one of the following: [JSONPath, JSONata]')
  }
}

function checkStateName(c: Checker, name: string, path: Path): void {
  const first = c.stateNames.get(name)
  if (first !== undefined) {
    c.report('SFN211', path, `Duplicate State name: ${name}`)
  } else {
    c.stateNames.set(name, path)
  }
  const length = [...name].length
  if (length === 0 || length > STATE_NAME_MAX) {
    c.report(
      'SFN212',
      path,
      `State name '${name}' must be 1 to ${STATE_NAME_MAX} characters long; it has ${length}. Rename the state.`,
    )
  }
}

function checkState(
  c: Checker,
  name: string,
  state: unknown,
  path: Path,
  scope: Scope,
  transitions: Transition[],
): void {
  if (!isRecord(state)) {
    c.report('SFN204', path, `State '${name}' must be a JSON object with a 'Type' field.`)
    return
  }
  const type = state['Type']
  if (!has(state, 'Type')) {
    c.report('SFN202', path, 'These fields are required: [Type]')
    return
  }
  if (typeof type !== 'string' || !has(STATE_FIELDS, type)) {
    c.report(
      'SFN205',
      [...path, 'Type'],
      `The field 'Type' should have one of these values: [${AWS_STATE_TYPE_ORDER.join(', ')}]`,
    )
    return
  }
  const stateType = type as StateType
  const ownLanguage = state['QueryLanguage']
  if (has(state, 'QueryLanguage'))
    checkQueryLanguageValue(c, ownLanguage, [...path, 'QueryLanguage'])
  const downgraded = ownLanguage === 'JSONPath' && c.topLanguage === 'JSONata'
  if (downgraded) {
    c.report(
      'SFN222',
      path,
      "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine",
    )
  }
  const language: Language = has(state, 'QueryLanguage')
    ? ownLanguage === 'JSONPath'
      ? 'JSONPath'
      : 'JSONata'
    : c.topLanguage
  const ctx: StateCtx = { name, type: stateType, path, language, scope }
  const allowed = STATE_FIELDS[stateType]
  for (const key of Object.keys(state)) {
    const mode = has(allowed, key) ? allowed[key] : undefined
    if (mode === undefined) {
      c.report('SFN203', path, `Field '${key}' is not supported`)
    } else if (mode !== 'both' && mode !== language && !downgraded) {
      // AWS names only the downgrade for such a state, not the fields its language then refuses.
      c.report(
        'SFN221',
        path,
        `The QueryLanguage is set to '${language}', but field '${key}' is only supported for the '${mode}' QueryLanguage`,
      )
    }
  }
  if (has(state, 'Comment') && typeof state['Comment'] !== 'string') {
    c.report(
      'SFN204',
      [...path, 'Comment'],
      `The field 'Comment' of state '${name}' must be a string.`,
    )
  }
  checkTransition(c, ctx, state, transitions)
  checkCommonIo(c, ctx, state)
  switch (stateType) {
    case 'Task':
      checkTask(c, ctx, state)
      break
    case 'Pass':
      if (ctx.language === 'JSONPath' && has(state, 'Result')) {
        checkStaticResult(c, ctx, state['Result'], [...path, 'Result'])
      }
      break
    case 'Choice':
      checkChoice(c, ctx, state, transitions)
      break
    case 'Wait':
      checkWait(c, ctx, state)
      break
    case 'Succeed':
      break
    case 'Fail':
      checkFail(c, ctx, state)
      break
    case 'Parallel':
      checkParallel(c, ctx, state)
      break
    case 'Map':
      checkMap(c, ctx, state)
      break
  }
  if (stateType === 'Task' || stateType === 'Parallel' || stateType === 'Map') {
    checkRetry(c, ctx, state)
    checkCatch(c, ctx, state, transitions)
  }
}

function checkTransition(
  c: Checker,
  ctx: StateCtx,
  state: JsonRecord,
  transitions: Transition[],
): void {
  const { type, path, name } = ctx
  const next = state['Next']
  if (has(state, 'Next')) {
    if (typeof next === 'string') transitions.push({ target: next, path: [...path, 'Next'] })
    else
      c.report(
        'SFN204',
        [...path, 'Next'],
        `The field 'Next' of state '${name}' must be a state name.`,
      )
  }
  if (type === 'Choice' || type === 'Succeed' || type === 'Fail') return
  const end = state['End']
  if (has(state, 'End') && typeof end !== 'boolean') {
    c.report(
      'SFN204',
      [...path, 'End'],
      `The field 'End' of state '${name}' must be true or absent.`,
    )
  }
  if (has(state, 'Next') && end === true) {
    c.report(
      'SFN206',
      path,
      `State '${name}' has both 'Next' and 'End'; a state either continues or ends. Remove one of them.`,
    )
  } else if (!has(state, 'Next') && end !== true) {
    c.report(
      'SFN207',
      path,
      `State '${name}' has neither 'Next' nor '"End": true'; add a 'Next' state or end the workflow here.`,
    )
  }
}

// ------------------------------------------------------------------ input and output processing

function checkCommonIo(c: Checker, ctx: StateCtx, state: JsonRecord): void {
  const { path, language, type } = ctx
  if (language === 'JSONPath') {
    for (const field of ['InputPath', 'OutputPath']) {
      if (has(state, field) && state[field] !== null)
        checkPathValue(c, ctx, state[field], [...path, field], field, 'path')
    }
    if (has(state, 'ResultPath') && state['ResultPath'] !== null) {
      checkPathValue(c, ctx, state['ResultPath'], [...path, 'ResultPath'], 'ResultPath', 'result')
    }
    if (has(state, 'Parameters'))
      checkPayloadTemplate(c, ctx, state['Parameters'], [...path, 'Parameters'])
    if (has(state, 'ResultSelector')) {
      if (!isRecord(state['ResultSelector'])) {
        c.report(
          'SFN204',
          [...path, 'ResultSelector'],
          `The field 'ResultSelector' of state '${ctx.name}' must be an object.`,
        )
      } else {
        checkPayloadTemplate(c, ctx, state['ResultSelector'], [...path, 'ResultSelector'])
      }
    }
  } else {
    const resultAllowed = type === 'Task' || type === 'Map' || type === 'Parallel'
    if (has(state, 'Arguments'))
      checkJsonataValue(c, ctx, state['Arguments'], [...path, 'Arguments'], [])
    if (has(state, 'Output')) {
      checkJsonataValue(
        c,
        ctx,
        state['Output'],
        [...path, 'Output'],
        resultAllowed ? ['result'] : [],
      )
    }
  }
  if (has(state, 'Assign')) {
    const resultAllowed =
      language === 'JSONata' && (type === 'Task' || type === 'Map' || type === 'Parallel')
    checkAssign(
      c,
      ctx,
      state['Assign'],
      [...path, 'Assign'],
      ctx.scope,
      resultAllowed ? ['result'] : [],
    )
  }
}

type PathKind = 'path' | 'reference' | 'result'

/** A JSONPath-valued field (`InputPath`, `ItemsPath`, `SecondsPath`, `Variable`, …). */
function checkPathValue(
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

function notePathVariable(c: Checker, ctx: StateCtx, path: ParsedPath): void {
  if (path.root.kind === 'variable') c.addReference(ctx.name, path.root.name)
}

function noteIntrinsicVariables(c: Checker, ctx: StateCtx, call: IntrinsicCall): void {
  for (const arg of call.args) {
    if (arg.kind === 'path') notePathVariable(c, ctx, arg.path)
    else if (arg.kind === 'call') noteIntrinsicVariables(c, ctx, arg.call)
  }
}

/** A `.$` value: a path or an intrinsic call; reports AWS's message at the containing object. */
function checkDollarValue(
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
        noteIntrinsicVariables(c, ctx, call.call)
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
function checkPayloadTemplate(c: Checker, ctx: StateCtx, value: unknown, path: Path): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => checkPayloadTemplate(c, ctx, item, [...path, index]))
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
    } else checkPayloadTemplate(c, ctx, child, [...path, key])
  }
}

/** A string a reader would take for a path or an intrinsic call (AWS's NO_DOLLAR warning). */
function looksEvaluated(text: string): boolean {
  if (!/^(?:\$\$?[.[]|States\.[A-Za-z]+\()/.test(text)) return false
  return text.startsWith('States.') ? parseIntrinsic(text).ok : parsePath(text).ok
}

/** Pass `Result` is data, never evaluated (AWS's PASS_RESULT_IS_STATIC warning). */
function checkStaticResult(c: Checker, ctx: StateCtx, value: unknown, path: Path): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => checkStaticResult(c, ctx, item, [...path, index]))
    return
  }
  if (!isRecord(value)) return
  for (const key of Object.keys(value)) {
    const child = value[key]
    if (key.endsWith('.$') || (typeof child === 'string' && looksEvaluated(child))) {
      c.report(
        'SFN241',
        [...path, key],
        `The Result of Pass state '${ctx.name}' is static, so '${key}' is not evaluated; use Parameters to build the output from the input.`,
        'warning',
      )
    } else {
      checkStaticResult(c, ctx, child, [...path, key])
    }
  }
}

/**
 * A value of a JSONata state: every `{% %}` string at any depth must parse, read no implicit input,
 * and use only the `$states` fields this position offers (`extra` adds `result` or `errorOutput`).
 */
function checkJsonataValue(
  c: Checker,
  ctx: StateCtx,
  value: unknown,
  path: Path,
  extra: readonly string[],
): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => checkJsonataValue(c, ctx, item, [...path, index], extra))
    return
  }
  if (isRecord(value)) {
    for (const key of Object.keys(value))
      checkJsonataValue(c, ctx, value[key], [...path, key], extra)
    return
  }
  if (typeof value === 'string') checkJsonataString(c, ctx, value, path, extra)
}

/** One string of a JSONata state; plain strings are literals, `{% %}` strings are expressions. */
function checkJsonataString(
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
function isExpression(c: Checker, ctx: StateCtx, value: unknown, path: Path): boolean {
  if (ctx.language !== 'JSONata' || typeof value !== 'string') return false
  return checkJsonataString(c, ctx, value, path, [])
}

function checkAssign(
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
    if (scope !== undefined && !scope.assigned.has(name)) scope.assigned.set(name, [...path, key])
    const value = assign[key]
    if (ctx.language === 'JSONata') checkJsonataValue(c, ctx, value, [...path, key], extra)
    else if (dollar) checkDollarValue(c, ctx, key, value, path)
    else checkPayloadTemplate(c, ctx, value, [...path, key])
  }
}

function checkVariableName(c: Checker, ctx: StateCtx, name: string, path: Path): void {
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

// ------------------------------------------------------------------ literals

function checkIntegerLiteral(
  c: Checker,
  value: unknown,
  path: Path,
  field: string,
  min: number,
  max: number,
): void {
  if (!isInteger(value)) {
    c.report('SFN204', path, `The field '${field}' must be an integer.`)
  } else if (value < min || value > max) {
    c.report(
      'SFN232',
      path,
      `The field '${field}' must be between ${min} and ${max}; it is ${value}.`,
    )
  }
}

/** An integer field of a state: a literal, or in JSONata an expression. */
function checkIntegerField(
  c: Checker,
  ctx: StateCtx,
  state: JsonRecord,
  field: string,
  min: number,
  max: number,
): void {
  if (!has(state, field)) return
  const value = state[field]
  const path: Path = [...ctx.path, field]
  if (isExpression(c, ctx, value, path)) return
  if (!isInteger(value)) {
    c.report(
      'SFN204',
      path,
      `The field '${field}' of state '${ctx.name}' must be an integer${ctx.language === 'JSONata' ? " or a '{% %}' expression" : ''}.`,
    )
  } else if (value < min || value > max) {
    c.report(
      'SFN232',
      path,
      `The field '${field}' of state '${ctx.name}' must be between ${min} and ${max}; it is ${value}.`,
    )
  }
}

function checkStringField(c: Checker, ctx: StateCtx, state: JsonRecord, field: string): void {
  if (!has(state, field)) return
  const value = state[field]
  const path: Path = [...ctx.path, field]
  if (isExpression(c, ctx, value, path)) return
  if (typeof value !== 'string') {
    c.report('SFN204', path, 'Expected value of type [STRING]')
  }
}

function exclusive(c: Checker, ctx: StateCtx, state: JsonRecord, fields: readonly string[]): void {
  const present = fields.filter((field) => has(state, field))
  if (present.length > 1) {
    c.report(
      'SFN206',
      ctx.path,
      `State '${ctx.name}' sets ${present.map((f) => `'${f}'`).join(' and ')}, which are mutually exclusive; keep one.`,
    )
  }
}

function checkEnum(
  c: Checker,
  value: unknown,
  path: Path,
  field: string,
  values: readonly string[],
): void {
  if (typeof value !== 'string' || !values.includes(value)) {
    c.report(
      'SFN204',
      path,
      `The field '${field}' should have one of these values: [${values.join(', ')}]`,
    )
  }
}

// ------------------------------------------------------------------ state types

function checkTask(c: Checker, ctx: StateCtx, state: JsonRecord): void {
  const { path, name } = ctx
  if (!has(state, 'Resource')) {
    c.report('SFN202', path, 'These fields are required: [Resource]')
  } else {
    checkResource(c, ctx, state['Resource'])
  }
  exclusive(c, ctx, state, ['TimeoutSeconds', 'TimeoutSecondsPath'])
  exclusive(c, ctx, state, ['HeartbeatSeconds', 'HeartbeatSecondsPath'])
  checkIntegerField(c, ctx, state, 'TimeoutSeconds', 1, MAX_INT)
  checkIntegerField(c, ctx, state, 'HeartbeatSeconds', 1, MAX_INT)
  if (ctx.language === 'JSONPath') {
    for (const field of ['TimeoutSecondsPath', 'HeartbeatSecondsPath']) {
      if (has(state, field))
        checkPathValue(c, ctx, state[field], [...path, field], field, 'reference')
    }
  }
  const timeout = state['TimeoutSeconds']
  const heartbeat = state['HeartbeatSeconds']
  if (isInteger(timeout) && isInteger(heartbeat) && heartbeat >= timeout) {
    c.report(
      'SFN232',
      [...path, 'HeartbeatSeconds'],
      `State '${name}' has HeartbeatSeconds (${heartbeat}) not smaller than TimeoutSeconds (${timeout}); lower the heartbeat or raise the timeout.`,
    )
  }
  if (has(state, 'Credentials')) checkCredentials(c, ctx, state['Credentials'])
}

function checkResource(c: Checker, ctx: StateCtx, resource: unknown): void {
  const path: Path = [...ctx.path, 'Resource']
  if (typeof resource !== 'string') {
    c.report('SFN204', path, `The field 'Resource' of state '${ctx.name}' must be an ARN string.`)
    return
  }
  const kind = classifyResource(resource)
  if (kind.kind === 'unknown') {
    c.report(
      'SFN228',
      path,
      `The resource provided ${resource} is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.`,
    )
    return
  }
  if (c.type !== 'EXPRESS') return
  if (kind.kind === 'integration' && kind.pattern === '.sync') {
    c.report('SFN227', path, "Express state machine does not support '.sync' service integration")
  } else if (kind.kind === 'integration' && kind.pattern === '.waitForTaskToken') {
    // AWS's message carries a trailing space before " at /States/…", reproduced on purpose.
    c.report(
      'SFN227',
      path,
      "Express state machine does not support '.waitForTaskToken' service integration ",
    )
  } else if (kind.kind === 'activity') {
    c.report('SFN227', path, 'Express state machine does not support Activity ARN')
  }
}

function checkCredentials(c: Checker, ctx: StateCtx, credentials: unknown): void {
  const path: Path = [...ctx.path, 'Credentials']
  if (!isRecord(credentials)) {
    c.report(
      'SFN204',
      path,
      `The field 'Credentials' of state '${ctx.name}' must be an object with a 'RoleArn'.`,
    )
    return
  }
  const hasRole =
    has(credentials, 'RoleArn') || (ctx.language === 'JSONPath' && has(credentials, 'RoleArn.$'))
  if (!hasRole) c.report('SFN202', path, "The field 'RoleArn' is required but was missing")
  if (ctx.language === 'JSONPath') checkPayloadTemplate(c, ctx, credentials, path)
  else checkJsonataValue(c, ctx, credentials, path, [])
}

function checkWait(c: Checker, ctx: StateCtx, state: JsonRecord): void {
  const { path, name, language } = ctx
  const fields =
    language === 'JSONPath'
      ? ['Seconds', 'SecondsPath', 'Timestamp', 'TimestampPath']
      : ['Seconds', 'Timestamp']
  const present = fields.filter((field) => has(state, field))
  if (present.length === 0) {
    c.report(
      'SFN202',
      path,
      `Wait state '${name}' needs exactly one of ${fields.map((f) => `'${f}'`).join(', ')}; add one.`,
    )
  } else if (present.length > 1) {
    exclusive(c, ctx, state, fields)
  }
  checkIntegerField(c, ctx, state, 'Seconds', 0, MAX_INT)
  if (has(state, 'Timestamp')) {
    const value = state['Timestamp']
    const valuePath: Path = [...path, 'Timestamp']
    if (!isExpression(c, ctx, value, valuePath)) {
      if (typeof value !== 'string' || !isRfc3339Timestamp(value)) {
        c.report('SFN229', valuePath, 'String does not match RFC3339 timestamp')
      }
    }
  }
  if (language === 'JSONPath') {
    for (const field of ['SecondsPath', 'TimestampPath']) {
      if (has(state, field))
        checkPathValue(c, ctx, state[field], [...path, field], field, 'reference')
    }
  }
}

function checkFail(c: Checker, ctx: StateCtx, state: JsonRecord): void {
  exclusive(c, ctx, state, ['Error', 'ErrorPath'])
  exclusive(c, ctx, state, ['Cause', 'CausePath'])
  checkStringField(c, ctx, state, 'Error')
  checkStringField(c, ctx, state, 'Cause')
  if (ctx.language !== 'JSONPath') return
  for (const field of ['ErrorPath', 'CausePath']) {
    if (!has(state, field)) continue
    const value = state[field]
    const path: Path = [...ctx.path, field]
    if (typeof value === 'string' && value.startsWith('States.')) {
      const call = parseIntrinsic(value)
      if (call.ok) noteIntrinsicVariables(c, ctx, call.call)
      else
        c.report(
          'SFN216',
          path,
          `The value for the field '${field}' must be a valid JSONPath or a valid intrinsic function call`,
        )
    } else {
      checkPathValue(c, ctx, value, path, field, 'reference')
    }
  }
}

function checkChoice(
  c: Checker,
  ctx: StateCtx,
  state: JsonRecord,
  transitions: Transition[],
): void {
  const { path } = ctx
  if (has(state, 'Default')) {
    const target = state['Default']
    if (typeof target === 'string') transitions.push({ target, path: [...path, 'Default'] })
    else
      c.report(
        'SFN204',
        [...path, 'Default'],
        `The field 'Default' of state '${ctx.name}' must be a state name.`,
      )
  }
  if (!has(state, 'Choices')) {
    c.report('SFN202', path, 'These fields are required: [Choices]')
    return
  }
  const choices = state['Choices']
  if (!Array.isArray(choices)) {
    c.report(
      'SFN204',
      [...path, 'Choices'],
      `The field 'Choices' of state '${ctx.name}' must be an array of rules.`,
    )
    return
  }
  if (choices.length === 0) {
    c.report('SFN233', [...path, 'Choices'], 'Value cannot be empty')
    return
  }
  choices.forEach((rule, index) => {
    const rulePath: Path = [...path, 'Choices', index]
    if (ctx.language === 'JSONata') checkJsonataRule(c, ctx, rule, rulePath, transitions)
    else checkJsonPathRule(c, ctx, rule, rulePath, true, transitions)
  })
}

function checkRuleNext(
  c: Checker,
  ctx: StateCtx,
  rule: JsonRecord,
  path: Path,
  transitions: Transition[],
): void {
  if (!has(rule, 'Next')) {
    c.report('SFN202', path, 'These fields are required: [Next]')
    return
  }
  const next = rule['Next']
  if (typeof next === 'string') transitions.push({ target: next, path: [...path, 'Next'] })
  else
    c.report(
      'SFN204',
      [...path, 'Next'],
      `The field 'Next' of a rule of state '${ctx.name}' must be a state name.`,
    )
}

function checkJsonataRule(
  c: Checker,
  ctx: StateCtx,
  rule: unknown,
  path: Path,
  transitions: Transition[],
): void {
  if (!isRecord(rule)) {
    c.report(
      'SFN213',
      path,
      `Each rule of Choice state '${ctx.name}' must be an object with 'Condition' and 'Next'.`,
    )
    return
  }
  for (const key of Object.keys(rule)) {
    if (['Condition', 'Next', 'Assign', 'Output', 'Comment'].includes(key)) continue
    if (
      key === 'Variable' ||
      key === 'And' ||
      key === 'Or' ||
      key === 'Not' ||
      has(CHOICE_OPERATORS, key)
    ) {
      c.report(
        'SFN221',
        path,
        `The QueryLanguage is set to 'JSONata', but field '${key}' is only supported for the 'JSONPath' QueryLanguage`,
      )
    } else {
      c.report('SFN203', path, `Field '${key}' is not supported`)
    }
  }
  if (!has(rule, 'Condition')) {
    c.report('SFN202', path, 'These fields are required: [Condition]')
  } else {
    const condition = rule['Condition']
    const conditionPath: Path = [...path, 'Condition']
    if (!isExpression(c, ctx, condition, conditionPath) && typeof condition !== 'boolean') {
      c.report(
        'SFN204',
        conditionPath,
        `The 'Condition' of a rule of state '${ctx.name}' must be true, false or a '{% %}' expression.`,
      )
    }
  }
  checkRuleNext(c, ctx, rule, path, transitions)
  if (has(rule, 'Output')) checkJsonataValue(c, ctx, rule['Output'], [...path, 'Output'], [])
  if (has(rule, 'Assign')) checkAssign(c, ctx, rule['Assign'], [...path, 'Assign'], ctx.scope, [])
}

function checkJsonPathRule(
  c: Checker,
  ctx: StateCtx,
  rule: unknown,
  path: Path,
  topLevel: boolean,
  transitions: Transition[],
): void {
  if (!isRecord(rule)) {
    c.report('SFN213', path, `Each rule of Choice state '${ctx.name}' must be an object.`)
    return
  }
  const operators: string[] = []
  for (const key of Object.keys(rule)) {
    if (has(CHOICE_OPERATORS, key)) operators.push(key)
    else if (['Variable', 'And', 'Or', 'Not', 'Comment', 'Assign'].includes(key)) continue
    else if (key === 'Next' && topLevel) continue
    else if (key === 'Condition' || key === 'Output') {
      c.report(
        'SFN221',
        path,
        `The QueryLanguage is set to 'JSONPath', but field '${key}' is only supported for the 'JSONata' QueryLanguage`,
      )
    } else {
      c.report('SFN203', path, `Field '${key}' is not supported`)
    }
  }
  const booleans = ['And', 'Or', 'Not'].filter((key) => has(rule, key))
  const kinds = booleans.length + (has(rule, 'Variable') || operators.length > 0 ? 1 : 0)
  if (kinds === 0) {
    c.report(
      'SFN213',
      path,
      `A rule of Choice state '${ctx.name}' has no condition; give it a 'Variable' and a comparison operator, or 'And', 'Or' or 'Not'.`,
    )
  } else if (kinds > 1) {
    c.report(
      'SFN213',
      path,
      `A rule of Choice state '${ctx.name}' mixes ${[...booleans, ...(has(rule, 'Variable') ? ['Variable'] : [])].join(' and ')}; one rule holds one kind of condition.`,
    )
  }
  if (has(rule, 'Variable') || operators.length > 0) {
    if (!has(rule, 'Variable')) {
      c.report('SFN202', path, 'These fields are required: [Variable]')
    } else {
      checkPathValue(c, ctx, rule['Variable'], [...path, 'Variable'], 'Variable', 'path')
    }
    if (operators.length === 0) {
      c.report(
        'SFN213',
        path,
        `A rule of Choice state '${ctx.name}' has a 'Variable' but no comparison operator such as 'StringEquals'.`,
      )
    } else if (operators.length > 1) {
      c.report('SFN213', path, 'Each Choice Rule can only have one comparison operator')
    }
    for (const operator of operators)
      checkOperand(c, ctx, operator, rule[operator], [...path, operator])
  }
  for (const key of ['And', 'Or']) {
    if (!has(rule, key)) continue
    const list = rule[key]
    if (!Array.isArray(list)) {
      c.report(
        'SFN204',
        [...path, key],
        `The field '${key}' of a rule of state '${ctx.name}' must be an array of rules.`,
      )
    } else if (list.length === 0) {
      c.report('SFN233', [...path, key], 'Value cannot be empty')
    } else {
      list.forEach((inner, index) =>
        checkJsonPathRule(c, ctx, inner, [...path, key, index], false, transitions),
      )
    }
  }
  if (has(rule, 'Not')) checkJsonPathRule(c, ctx, rule['Not'], [...path, 'Not'], false, transitions)
  if (topLevel) checkRuleNext(c, ctx, rule, path, transitions)
  if (has(rule, 'Assign')) {
    if (topLevel) checkAssign(c, ctx, rule['Assign'], [...path, 'Assign'], ctx.scope, [])
  }
}

function checkOperand(
  c: Checker,
  ctx: StateCtx,
  operator: string,
  value: unknown,
  path: Path,
): void {
  const kind = CHOICE_OPERATORS[operator]
  switch (kind) {
    case 'path':
      checkPathValue(c, ctx, value, path, operator, 'path')
      return
    case 'timestamp':
      if (typeof value !== 'string' || !isRfc3339Timestamp(value)) {
        c.report('SFN229', path, 'String does not match RFC3339 timestamp')
      }
      return
    case 'number':
      if (typeof value !== 'number')
        c.report('SFN204', path, `The operator '${operator}' takes a number.`)
      return
    case 'string':
      if (typeof value !== 'string')
        c.report('SFN204', path, `The operator '${operator}' takes a string.`)
      return
    case 'boolean':
      if (typeof value !== 'boolean')
        c.report('SFN204', path, `The operator '${operator}' takes true or false.`)
      return
    default:
      return
  }
}

function checkErrorEquals(
  c: Checker,
  ctx: StateCtx,
  entry: JsonRecord,
  path: Path,
  field: 'Retry' | 'Catch',
  index: number,
  isLast: boolean,
): void {
  if (!has(entry, 'ErrorEquals')) {
    c.report('SFN202', path, 'These fields are required: [ErrorEquals]')
    return
  }
  const errors = entry['ErrorEquals']
  const errorsPath: Path = [...path, 'ErrorEquals']
  if (!Array.isArray(errors) || errors.some((e) => typeof e !== 'string')) {
    c.report(
      'SFN204',
      errorsPath,
      `'ErrorEquals' in ${field} of state '${ctx.name}' must be an array of error names.`,
    )
    return
  }
  if (errors.length === 0) {
    c.report('SFN233', errorsPath, 'Value cannot be empty')
    return
  }
  if (errors.includes('States.ALL')) {
    if (errors.length > 1) {
      c.report(
        'SFN214',
        errorsPath,
        `${field === 'Retry' ? 'Retrier' : 'Catcher'} ${index} of state '${ctx.name}' lists States.ALL with other errors; States.ALL must appear alone in ErrorEquals.`,
      )
    }
    if (!isLast) {
      c.report(
        'SFN214',
        errorsPath,
        `${field === 'Retry' ? 'Retrier' : 'Catcher'} ${index} of state '${ctx.name}' uses States.ALL but is not the last one, so the ones after it can never run; move it last.`,
      )
    }
  }
}

function checkRetry(c: Checker, ctx: StateCtx, state: JsonRecord): void {
  if (!has(state, 'Retry')) return
  const retry = state['Retry']
  const path: Path = [...ctx.path, 'Retry']
  if (!Array.isArray(retry)) {
    c.report(
      'SFN204',
      path,
      `The field 'Retry' of state '${ctx.name}' must be an array of retriers.`,
    )
    return
  }
  retry.forEach((retrier, index) => {
    const retrierPath: Path = [...path, index]
    if (!isRecord(retrier)) {
      c.report(
        'SFN204',
        retrierPath,
        `Each retrier of state '${ctx.name}' must be an object with 'ErrorEquals'.`,
      )
      return
    }
    for (const key of Object.keys(retrier)) {
      if (
        ![
          'ErrorEquals',
          'IntervalSeconds',
          'MaxAttempts',
          'BackoffRate',
          'MaxDelaySeconds',
          'JitterStrategy',
          'Comment',
        ].includes(key)
      ) {
        c.report('SFN203', retrierPath, `Field '${key}' is not supported`)
      }
    }
    checkErrorEquals(c, ctx, retrier, retrierPath, 'Retry', index, index === retry.length - 1)
    if (has(retrier, 'IntervalSeconds'))
      checkIntegerLiteral(
        c,
        retrier['IntervalSeconds'],
        [...retrierPath, 'IntervalSeconds'],
        'IntervalSeconds',
        1,
        MAX_INT,
      )
    if (has(retrier, 'MaxAttempts'))
      checkIntegerLiteral(
        c,
        retrier['MaxAttempts'],
        [...retrierPath, 'MaxAttempts'],
        'MaxAttempts',
        0,
        MAX_INT,
      )
    if (has(retrier, 'MaxDelaySeconds'))
      checkIntegerLiteral(
        c,
        retrier['MaxDelaySeconds'],
        [...retrierPath, 'MaxDelaySeconds'],
        'MaxDelaySeconds',
        1,
        31_622_400,
      )
    if (has(retrier, 'BackoffRate')) {
      const rate = retrier['BackoffRate']
      if (typeof rate !== 'number')
        c.report(
          'SFN204',
          [...retrierPath, 'BackoffRate'],
          "The field 'BackoffRate' must be a number.",
        )
      else if (rate < 1)
        c.report(
          'SFN232',
          [...retrierPath, 'BackoffRate'],
          `The field 'BackoffRate' must be at least 1.0; it is ${rate}.`,
        )
    }
    if (has(retrier, 'JitterStrategy'))
      checkEnum(
        c,
        retrier['JitterStrategy'],
        [...retrierPath, 'JitterStrategy'],
        'JitterStrategy',
        ['FULL', 'NONE'],
      )
  })
}

function checkCatch(c: Checker, ctx: StateCtx, state: JsonRecord, transitions: Transition[]): void {
  if (!has(state, 'Catch')) return
  const catchers = state['Catch']
  const path: Path = [...ctx.path, 'Catch']
  if (!Array.isArray(catchers)) {
    c.report(
      'SFN204',
      path,
      `The field 'Catch' of state '${ctx.name}' must be an array of catchers.`,
    )
    return
  }
  catchers.forEach((catcher, index) => {
    const catcherPath: Path = [...path, index]
    if (!isRecord(catcher)) {
      c.report(
        'SFN204',
        catcherPath,
        `Each catcher of state '${ctx.name}' must be an object with 'ErrorEquals' and 'Next'.`,
      )
      return
    }
    for (const key of Object.keys(catcher)) {
      if (['ErrorEquals', 'Next', 'Assign', 'Comment'].includes(key)) continue
      const mode = key === 'ResultPath' ? 'JSONPath' : key === 'Output' ? 'JSONata' : undefined
      if (mode === undefined) c.report('SFN203', catcherPath, `Field '${key}' is not supported`)
      else if (mode !== ctx.language) {
        c.report(
          'SFN221',
          catcherPath,
          `The QueryLanguage is set to '${ctx.language}', but field '${key}' is only supported for the '${mode}' QueryLanguage`,
        )
      }
    }
    checkErrorEquals(c, ctx, catcher, catcherPath, 'Catch', index, index === catchers.length - 1)
    checkRuleNext(c, ctx, catcher, catcherPath, transitions)
    if (
      ctx.language === 'JSONPath' &&
      has(catcher, 'ResultPath') &&
      catcher['ResultPath'] !== null
    ) {
      checkPathValue(
        c,
        ctx,
        catcher['ResultPath'],
        [...catcherPath, 'ResultPath'],
        'ResultPath',
        'result',
      )
    }
    if (ctx.language === 'JSONata' && has(catcher, 'Output')) {
      checkJsonataValue(c, ctx, catcher['Output'], [...catcherPath, 'Output'], ['errorOutput'])
    }
    // A catcher's Assign is not a declaration of its scope: AWS accepts a Parallel whose Catch assigns
    // a name its branches also assign (recorded corpus, states_variables/test_error_output).
    if (has(catcher, 'Assign')) {
      checkAssign(
        c,
        ctx,
        catcher['Assign'],
        [...catcherPath, 'Assign'],
        undefined,
        ctx.language === 'JSONata' ? ['errorOutput'] : [],
      )
    }
  })
}

function checkParallel(c: Checker, ctx: StateCtx, state: JsonRecord): void {
  const path: Path = [...ctx.path, 'Branches']
  if (!has(state, 'Branches')) {
    c.report('SFN202', ctx.path, 'These fields are required: [Branches]')
    return
  }
  const branches = state['Branches']
  if (!Array.isArray(branches)) {
    c.report(
      'SFN204',
      path,
      `The field 'Branches' of state '${ctx.name}' must be an array of branches.`,
    )
    return
  }
  if (branches.length === 0) {
    c.report('SFN233', path, 'Value cannot be empty')
    return
  }
  branches.forEach((branch, index) =>
    checkSubMachine(c, ctx, branch, [...path, index], false, false),
  )
}

/** A Parallel branch or Map processor: `StartAt`, `States`, `Comment` (+ `ProcessorConfig`). */
function checkSubMachine(
  c: Checker,
  ctx: StateCtx,
  machine: unknown,
  path: Path,
  isProcessor: boolean,
  isolated: boolean,
): void {
  if (!isRecord(machine)) {
    c.report(
      'SFN204',
      path,
      `A ${isProcessor ? 'Map processor' : 'Parallel branch'} of state '${ctx.name}' must be an object with 'StartAt' and 'States'.`,
    )
    return
  }
  for (const key of Object.keys(machine)) {
    if (key === 'StartAt' || key === 'States' || key === 'Comment') continue
    if (key === 'ProcessorConfig' && isProcessor) continue
    c.report('SFN203', path, `Field '${key}' is not supported`)
  }
  const missing = ['States', 'StartAt'].filter((key) => !has(machine, key))
  if (missing.length > 0)
    c.report('SFN202', path, `These fields are required: [${missing.join(', ')}]`)
  checkMachine(c, machine, path, ctx.scope, isolated)
}

function checkMap(c: Checker, ctx: StateCtx, state: JsonRecord): void {
  const { path, name, language } = ctx
  exclusive(c, ctx, state, ['ItemProcessor', 'Iterator'])
  exclusive(c, ctx, state, ['Parameters', 'ItemSelector'])
  exclusive(c, ctx, state, ['MaxConcurrency', 'MaxConcurrencyPath'])
  exclusive(c, ctx, state, ['ToleratedFailureCount', 'ToleratedFailureCountPath'])
  exclusive(c, ctx, state, ['ToleratedFailurePercentage', 'ToleratedFailurePercentagePath'])
  const processorField = has(state, 'ItemProcessor')
    ? 'ItemProcessor'
    : has(state, 'Iterator')
      ? 'Iterator'
      : undefined
  let distributed = false
  if (processorField === undefined) {
    c.report('SFN202', path, 'These fields are required: [ItemProcessor]')
  } else {
    const processor = state[processorField]
    const processorPath: Path = [...path, processorField]
    if (isRecord(processor) && has(processor, 'ProcessorConfig')) {
      distributed = checkProcessorConfig(c, ctx, processor['ProcessorConfig'], [
        ...processorPath,
        'ProcessorConfig',
      ])
    }
    checkSubMachine(c, ctx, processor, processorPath, true, distributed)
  }
  if (language === 'JSONPath') {
    if (has(state, 'ItemsPath'))
      checkPathValue(c, ctx, state['ItemsPath'], [...path, 'ItemsPath'], 'ItemsPath', 'reference')
    for (const field of [
      'MaxConcurrencyPath',
      'ToleratedFailureCountPath',
      'ToleratedFailurePercentagePath',
    ]) {
      if (has(state, field))
        checkPathValue(c, ctx, state[field], [...path, field], field, 'reference')
    }
    if (has(state, 'ItemSelector'))
      checkPayloadTemplate(c, ctx, state['ItemSelector'], [...path, 'ItemSelector'])
  } else {
    if (has(state, 'Items')) checkJsonataValue(c, ctx, state['Items'], [...path, 'Items'], [])
    if (has(state, 'ItemSelector'))
      checkJsonataValue(c, ctx, state['ItemSelector'], [...path, 'ItemSelector'], [])
  }
  checkIntegerField(c, ctx, state, 'MaxConcurrency', 0, MAX_INT)
  checkIntegerField(c, ctx, state, 'ToleratedFailureCount', 0, MAX_INT)
  if (has(state, 'ToleratedFailurePercentage')) {
    const value = state['ToleratedFailurePercentage']
    const valuePath: Path = [...path, 'ToleratedFailurePercentage']
    if (!isExpression(c, ctx, value, valuePath)) {
      if (typeof value !== 'number')
        c.report(
          'SFN204',
          valuePath,
          `The field 'ToleratedFailurePercentage' of state '${name}' must be a number.`,
        )
      else if (value < 0 || value > 100)
        c.report(
          'SFN232',
          valuePath,
          `The field 'ToleratedFailurePercentage' of state '${name}' must be between 0 and 100; it is ${value}.`,
        )
    }
  }
  if (has(state, 'Label')) checkLabel(c, ctx, state['Label'], [...path, 'Label'])
  if (has(state, 'ItemReader'))
    checkItemReader(c, ctx, state['ItemReader'], [...path, 'ItemReader'])
  if (has(state, 'ItemBatcher'))
    checkItemBatcher(c, ctx, state['ItemBatcher'], [...path, 'ItemBatcher'])
  if (has(state, 'ResultWriter'))
    checkResultWriter(c, ctx, state['ResultWriter'], [...path, 'ResultWriter'])
  if (distributed && c.type === 'EXPRESS') {
    c.report(
      'SFN227',
      path,
      `Express state machine does not support Distributed Map state '${name}'; use an INLINE Map or a STANDARD state machine.`,
    )
  }
}

/** Returns true when the processor runs in DISTRIBUTED mode. */
function checkProcessorConfig(c: Checker, ctx: StateCtx, config: unknown, path: Path): boolean {
  if (!isRecord(config)) {
    c.report(
      'SFN204',
      path,
      `The field 'ProcessorConfig' of state '${ctx.name}' must be an object.`,
    )
    return false
  }
  for (const key of Object.keys(config)) {
    if (key !== 'Mode' && key !== 'ExecutionType')
      c.report('SFN203', path, `Field '${key}' is not supported`)
  }
  if (has(config, 'Mode'))
    checkEnum(c, config['Mode'], [...path, 'Mode'], 'Mode', ['INLINE', 'DISTRIBUTED'])
  if (has(config, 'ExecutionType')) {
    checkEnum(c, config['ExecutionType'], [...path, 'ExecutionType'], 'ExecutionType', [
      'STANDARD',
      'EXPRESS',
    ])
  }
  const distributed = config['Mode'] === 'DISTRIBUTED'
  // Child workflows of a Distributed Map need a type; AWS (and CDK) require it in that mode.
  if (distributed && !has(config, 'ExecutionType')) {
    c.report('SFN202', path, 'These fields are required: [ExecutionType]')
  }
  return distributed
}

function checkLabel(c: Checker, ctx: StateCtx, label: unknown, path: Path): void {
  if (typeof label !== 'string') {
    c.report('SFN204', path, `The field 'Label' of state '${ctx.name}' must be a string.`)
    return
  }
  if (label.length === 0) {
    c.report(
      'SFN225',
      path,
      `The Label of Map state '${ctx.name}' cannot be empty; remove it or give it a name.`,
    )
    return
  }
  const bad = LABEL_FORBIDDEN.exec(label)
  if (bad !== null) {
    const shown = JSON.stringify(bad[0]).slice(1, -1)
    c.report(
      'SFN225',
      path,
      `Label contains invalid character: '${shown}'. Map state '${ctx.name}' needs a Label without whitespace, control characters or any of ? * < > { } [ ] : ; , \\ | ^ ~ $ # % & \` ".`,
    )
  }
  if ([...label].length > LABEL_MAX) {
    c.report(
      'SFN225',
      path,
      `The Label of Map state '${ctx.name}' is longer than ${LABEL_MAX} characters; shorten it.`,
    )
  }
  const first = c.labels.get(label)
  if (first !== undefined) c.report('SFN226', path, `Duplicate Label name: ${label}`)
  else c.labels.set(label, path)
}

function checkItemReader(c: Checker, ctx: StateCtx, reader: unknown, path: Path): void {
  if (!isRecord(reader)) {
    c.report('SFN204', path, `The field 'ItemReader' of state '${ctx.name}' must be an object.`)
    return
  }
  for (const key of Object.keys(reader)) {
    if (key === 'Resource' || key === 'ReaderConfig') continue
    const mode = key === 'Parameters' ? 'JSONPath' : key === 'Arguments' ? 'JSONata' : undefined
    if (mode === undefined) c.report('SFN203', path, `Field '${key}' is not supported`)
    else if (mode !== ctx.language) {
      c.report(
        'SFN221',
        path,
        `The QueryLanguage is set to '${ctx.language}', but field '${key}' is only supported for the '${mode}' QueryLanguage`,
      )
    }
  }
  const resource = reader['Resource']
  if (!has(reader, 'Resource')) c.report('SFN202', path, 'These fields are required: [Resource]')
  else if (typeof resource === 'string' && !ITEM_READER_RESOURCE.test(resource)) {
    c.report(
      'SFN204',
      [...path, 'Resource'],
      "The field 'Resource' does not match any of the allowed values. Examples: [arn:aws:states:::s3:getObject, arn:aws:states:::s3:listObjectsV2]",
    )
  } else if (typeof reader['Resource'] !== 'string')
    c.report('SFN204', [...path, 'Resource'], "The field 'Resource' must be an ARN string.")
  if (ctx.language === 'JSONPath' && has(reader, 'Parameters'))
    checkPayloadTemplate(c, ctx, reader['Parameters'], [...path, 'Parameters'])
  if (ctx.language === 'JSONata' && has(reader, 'Arguments'))
    checkJsonataValue(c, ctx, reader['Arguments'], [...path, 'Arguments'], [])
  if (!has(reader, 'ReaderConfig')) return
  const config = reader['ReaderConfig']
  const configPath: Path = [...path, 'ReaderConfig']
  if (!isRecord(config)) {
    c.report('SFN204', configPath, "The field 'ReaderConfig' must be an object.")
    return
  }
  const enums: Record<string, readonly string[]> = {
    InputType: ['MANIFEST', 'JSON', 'CSV', 'JSONL', 'PARQUET'],
    CSVHeaderLocation: ['FIRST_ROW', 'GIVEN'],
    CSVDelimiter: ['COMMA', 'PIPE', 'SEMICOLON', 'SPACE', 'TAB'],
    ManifestType: ['ATHENA_DATA', 'S3_INVENTORY'],
    Transformation: ['NONE', 'LOAD_AND_FLATTEN'],
  }
  for (const key of Object.keys(config)) {
    const values = enums[key]
    if (values !== undefined && has(enums, key))
      checkEnum(c, config[key], [...configPath, key], key, values)
    else if (key === 'MaxItemsPath') {
      if (ctx.language === 'JSONPath')
        checkPathValue(c, ctx, config[key], [...configPath, key], key, 'reference')
      else
        c.report(
          'SFN221',
          configPath,
          "The QueryLanguage is set to 'JSONata', but field 'MaxItemsPath' is only supported for the 'JSONPath' QueryLanguage",
        )
    } else if (!['CSVHeaders', 'MaxItems', 'ItemsPointer'].includes(key)) {
      c.report('SFN203', configPath, `Field '${key}' is not supported`)
    }
  }
  exclusive(c, ctx, config, ['MaxItems', 'MaxItemsPath'])
  if (has(config, 'MaxItems')) {
    const value = config['MaxItems']
    if (!isExpression(c, ctx, value, [...configPath, 'MaxItems'])) {
      checkIntegerLiteral(c, value, [...configPath, 'MaxItems'], 'MaxItems', 0, 100_000_000)
    }
  }
}

function checkItemBatcher(c: Checker, ctx: StateCtx, batcher: unknown, path: Path): void {
  if (!isRecord(batcher)) {
    c.report('SFN204', path, `The field 'ItemBatcher' of state '${ctx.name}' must be an object.`)
    return
  }
  const pathFields = ['MaxItemsPerBatchPath', 'MaxInputBytesPerBatchPath']
  for (const key of Object.keys(batcher)) {
    if (['MaxItemsPerBatch', 'MaxInputBytesPerBatch', 'BatchInput'].includes(key)) continue
    if (pathFields.includes(key)) {
      if (ctx.language === 'JSONPath')
        checkPathValue(c, ctx, batcher[key], [...path, key], key, 'reference')
      else
        c.report(
          'SFN221',
          path,
          `The QueryLanguage is set to 'JSONata', but field '${key}' is only supported for the 'JSONPath' QueryLanguage`,
        )
      continue
    }
    c.report('SFN203', path, `Field '${key}' is not supported`)
  }
  exclusive(c, ctx, batcher, ['MaxItemsPerBatch', 'MaxItemsPerBatchPath'])
  exclusive(c, ctx, batcher, ['MaxInputBytesPerBatch', 'MaxInputBytesPerBatchPath'])
  for (const [field, max] of [
    ['MaxItemsPerBatch', MAX_INT],
    ['MaxInputBytesPerBatch', 262_144],
  ] as const) {
    if (!has(batcher, field)) continue
    const value = batcher[field]
    if (!isExpression(c, ctx, value, [...path, field]))
      checkIntegerLiteral(c, value, [...path, field], field, 1, max)
  }
  if (has(batcher, 'BatchInput')) {
    if (ctx.language === 'JSONPath')
      checkPayloadTemplate(c, ctx, batcher['BatchInput'], [...path, 'BatchInput'])
    else checkJsonataValue(c, ctx, batcher['BatchInput'], [...path, 'BatchInput'], [])
  }
}

function checkResultWriter(c: Checker, ctx: StateCtx, writer: unknown, path: Path): void {
  if (!isRecord(writer)) {
    c.report('SFN204', path, `The field 'ResultWriter' of state '${ctx.name}' must be an object.`)
    return
  }
  for (const key of Object.keys(writer)) {
    if (key === 'Resource' || key === 'WriterConfig') continue
    const mode = key === 'Parameters' ? 'JSONPath' : key === 'Arguments' ? 'JSONata' : undefined
    if (mode === undefined) c.report('SFN203', path, `Field '${key}' is not supported`)
    else if (mode !== ctx.language) {
      c.report(
        'SFN221',
        path,
        `The QueryLanguage is set to '${ctx.language}', but field '${key}' is only supported for the '${mode}' QueryLanguage`,
      )
    }
  }
  const resource = writer['Resource']
  if (
    has(writer, 'Resource') &&
    (typeof resource !== 'string' || !RESULT_WRITER_RESOURCE.test(resource))
  ) {
    c.report(
      'SFN204',
      [...path, 'Resource'],
      "The field 'Resource' does not match the allowed value arn:aws:states:::s3:putObject",
    )
  }
  if (ctx.language === 'JSONPath' && has(writer, 'Parameters'))
    checkPayloadTemplate(c, ctx, writer['Parameters'], [...path, 'Parameters'])
  if (ctx.language === 'JSONata' && has(writer, 'Arguments'))
    checkJsonataValue(c, ctx, writer['Arguments'], [...path, 'Arguments'], [])
  if (has(writer, 'WriterConfig')) {
    const config = writer['WriterConfig']
    const configPath: Path = [...path, 'WriterConfig']
    if (!isRecord(config)) {
      c.report('SFN204', configPath, "The field 'WriterConfig' must be an object.")
      return
    }
    for (const key of Object.keys(config)) {
      if (key === 'OutputType')
        checkEnum(c, config[key], [...configPath, key], key, ['JSON', 'JSONL'])
      else if (key === 'Transformation')
        checkEnum(c, config[key], [...configPath, key], key, ['NONE', 'COMPACT', 'FLATTEN'])
      else c.report('SFN203', configPath, `Field '${key}' is not supported`)
    }
  }
}

/** Inner scopes may read outer variables but not assign them (ASL-SPEC §4). */
export function checkVariableScopes(c: Checker): void {
  for (const scope of c.scopes) {
    for (const [name, path] of scope.assigned) {
      let outer = scope.isolated ? undefined : scope.parent
      while (outer !== undefined) {
        if (outer.assigned.has(name)) {
          c.report(
            'SFN224',
            path,
            `The variable '${name}' is assigned here in an inner scope but already belongs to an outer scope; an inner scope may read it but not assign it. Rename the inner variable or return the value as output.`,
          )
          break
        }
        outer = outer.isolated ? undefined : outer.parent
      }
    }
  }
}
