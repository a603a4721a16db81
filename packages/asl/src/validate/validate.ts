import { Checker } from './checker.ts'
import type { Diagnostic, ValidateOptions } from './diagnostic.ts'
import { checkWalkable } from './guard.ts'
import { parseDefinitionText } from './json-text.ts'
import { locatePaths } from './locate.ts'
import {
  checkDefinition,
  checkIsolatedReads,
  checkUnassignedVariables,
  checkVariableScopes,
} from './rules/index.ts'

/**
 * Checks a state machine definition against every rule AWS applies when it is created
 * (CreateStateMachine / ValidateStateMachineDefinition) and returns all problems at once; `[]` means
 * AWS would accept it. Accepts the parsed definition or its JSON text. Never throws.
 *
 * @example
 * validateStateMachine({ StartAt: 'Wait', States: { Wait: { Type: 'Wait', Timestamp: '2016-12-05 21:29:29Z', End: true } } })
 * // [{ code: 'SFN229', awsCode: 'SCHEMA_VALIDATION_FAILED', severity: 'error',
 * //    path: '/States/Wait/Timestamp', message: 'String does not match RFC3339 timestamp' }]
 */
export function validateStateMachine(
  definition: unknown,
  options: ValidateOptions = {},
): Diagnostic[] {
  return runChecker(definition, options).diagnostics
}

/** @internal The whole walk, for callers that also want what it learned (variable references). */
export function runChecker(definition: unknown, options: ValidateOptions = {}): Checker {
  const c = new Checker(options.type === 'EXPRESS' ? 'EXPRESS' : 'STANDARD')
  let value = definition
  if (typeof definition === 'string') {
    const parsed = parseDefinitionText(definition)
    if (!parsed.ok) {
      if (parsed.empty) c.report('SFN201', '', parsed.message)
      else
        c.diagnostics.push({
          code: 'SFN200',
          awsCode: 'INVALID_JSON_DESCRIPTION',
          severity: 'error',
          path: parsed.location,
          message: parsed.message,
        })
      return c
    }
    value = parsed.value
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    c.report('SFN201', '', 'Definition must be a valid JSON object')
    return c
  }
  const walkable = checkWalkable(c, value)
  if (walkable.ok) {
    // What AWS would receive: the JSON text of the object, without its undefined fields.
    if (walkable.hasUndefinedFields) value = JSON.parse(JSON.stringify(value)) as unknown
    checkDefinition(c, value)
    checkVariableScopes(c)
    checkUnassignedVariables(c)
    checkIsolatedReads(c)
  }
  if (typeof definition === 'string' && c.diagnostics.length > 0) addPositions(c, definition)
  return c
}

/** Gives each diagnostic the line and column of its path (or its nearest ancestor) in the text. */
function addPositions(c: Checker, text: string): void {
  const positions = locatePaths(text)
  c.diagnostics.forEach((d, index) => {
    let path = d.path
    while (path !== '' && !positions.has(path)) path = parentPath(path)
    const position = positions.get(path === '' ? '/' : path)
    if (position !== undefined) c.diagnostics[index] = { ...d, ...position }
  })
}

function parentPath(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('['))
  return cut <= 0 ? '' : path.slice(0, cut)
}
