// A state machine and its nested machines (Parallel branches, Map processors): top-level fields,
// state names, transitions, terminal states, reachability, and variable scopes.

import { has, isRecord } from '../checker.ts'
import type { Checker, JsonRecord, Scope } from '../checker.ts'
import { MAX_INT } from './context.ts'
import type { Path, StateCtx, Transition } from './context.ts'
import { checkIntegerLiteral } from './literals.ts'
import { checkState } from './state.ts'

export const STATE_NAME_MAX = 80

export const ROOT_FIELDS: readonly string[] = [
  'StartAt',
  'States',
  'Comment',
  'Version',
  'TimeoutSeconds',
  'QueryLanguage',
]

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
export function checkMachine(
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
    c.report(
      'SFN204',
      path.concat('StartAt'),
      "The field 'StartAt' must be a string naming a state.",
    )
  }
  if (!has(machine, 'States')) return
  if (!isRecord(states)) {
    c.report(
      'SFN204',
      path.concat('States'),
      "The field 'States' must be an object of named states.",
    )
    return
  }
  const transitions: Transition[] = []
  const terminal: string[] = []
  const names = Object.keys(states)
  for (const name of names) {
    const statePath: Path = path.concat('States', name)
    checkStateName(c, name, statePath)
    const state = states[name]
    if (!c.stateScopes.has(name)) c.stateScopes.set(name, scope)
    checkState(c, name, state, statePath, scope, transitions)
    if (isRecord(state)) {
      if (state['Type'] === 'Succeed' || state['Type'] === 'Fail' || state['End'] === true) {
        terminal.push(name)
      }
    }
  }
  if (typeof startAt === 'string' && !has(states, startAt)) {
    c.report('SFN208', path.concat('StartAt'), `Missing 'Next' target: ${startAt}`)
  }
  for (const transition of transitions) {
    if (!has(states, transition.target)) {
      c.report(
        'SFN208',
        transition.at.concat(transition.field),
        `Missing 'Next' target: ${transition.target}`,
      )
    }
  }
  if (names.length === 0) {
    c.report('SFN233', path.concat('States'), 'Value cannot be empty')
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
  const referenced = new Set<string>()
  for (const transition of transitions) referenced.add(transition.target)
  referenced.add(startAt)
  for (const name of names) {
    if (!referenced.has(name)) {
      c.report('SFN209', path.concat('States', name), `State "${name}" is not reachable.`)
    }
  }
}

/** AWS reads any QueryLanguage other than exactly 'JSONPath' as JSONata, and reports the value apart. */
export function checkQueryLanguageValue(c: Checker, value: unknown, path: Path): void {
  if (typeof value !== 'string') c.report('SFN204', path, 'Expected value of type [STRING]')
  else if (value !== 'JSONPath' && value !== 'JSONata') {
    c.report('SFN204', path, 'Value should be one of the following: [JSONPath, JSONata]')
  }
}

export function checkStateName(c: Checker, name: string, path: Path): void {
  const first = c.stateNames.get(name)
  if (first !== undefined) {
    c.report('SFN211', path, `Duplicate State name: ${name}`)
  } else {
    c.stateNames.set(name, path)
  }
  const length = codePointCount(name)
  if (length === 0 || length > STATE_NAME_MAX) {
    c.report(
      'SFN212',
      path,
      `State name '${name}' must be 1 to ${STATE_NAME_MAX} characters long; it has ${length}. Rename the state.`,
    )
  }
}

/**
 * The number of code points of `text`, as `[...text].length` counts them (a lone surrogate counts
 * one). PERF: without an array of its characters, for every state name.
 */
function codePointCount(text: string): number {
  let count = 0
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index)
    if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
      const low = text.charCodeAt(index + 1)
      if (low >= 0xdc00 && low <= 0xdfff) index++
    }
    count++
  }
  return count
}

/** A Parallel branch or Map processor: `StartAt`, `States`, `Comment` (+ `ProcessorConfig`). */
export function checkSubMachine(
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

/**
 * A variable no Assign sets is a mistake AWS does not catch at creation (it fails the execution
 * when read), so it is a warning: most often a misspelt name.
 */
export function checkUnassignedVariables(c: Checker): void {
  for (const [stateName, names] of c.variableReferences) {
    const path = c.stateNames.get(stateName)
    for (const name of names) {
      if (c.assignedAnywhere.has(name) || path === undefined) continue
      c.report(
        'SFN242',
        path,
        `State '${stateName}' reads the variable '$${name}', which no state assigns; assign it first with Assign, or correct the name.`,
        'warning',
      )
    }
  }
}

/**
 * A Distributed Map runs its processor as separate child executions, which cannot read the
 * variables of the parent (DG "workflow variables"); AWS only finds out when the child runs.
 */
export function checkIsolatedReads(c: Checker): void {
  for (const [stateName, names] of c.variableReferences) {
    const scope = c.stateScopes.get(stateName)
    const path = c.stateNames.get(stateName)
    if (scope === undefined || path === undefined) continue
    let isolatedRoot: Scope | undefined = scope
    while (isolatedRoot !== undefined && !isolatedRoot.isolated) isolatedRoot = isolatedRoot.parent
    if (isolatedRoot === undefined) continue
    const root = isolatedRoot
    const inside = c.scopes.filter((s) => {
      let at: Scope | undefined = s
      while (at !== undefined && at !== root) at = at.isolated ? undefined : at.parent
      return at === root
    })
    for (const name of names) {
      if (inside.some((s) => s.assignedHere.has(name)) || !c.assignedAnywhere.has(name)) continue
      c.report(
        'SFN243',
        path,
        `State '${stateName}' reads the variable '$${name}', which is assigned outside its Distributed Map; child executions cannot see the parent's variables. Pass the value in through ItemSelector instead.`,
        'warning',
      )
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
