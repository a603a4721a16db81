import type { StateVisit } from '../asl/walk.ts'
import type { Diagnostic } from '../diagnostics.ts'
import {
  inputReadsOf,
  passesInputThrough,
  replacedOutputOf,
  type InputRead,
  type KnownShape,
} from './data-flow.ts'
import type { Rule } from './rule.ts'

const fails = (shape: KnownShape, read: InputRead): boolean => {
  if (read.firstKey === undefined) return false
  return shape.kind !== 'object' || !shape.keys.has(read.firstKey)
}

// Only normal transitions carry the state's output; a catcher's Next receives the error output.
const successorsOf = (visit: StateVisit): string[] => {
  const { state } = visit
  const next: string[] = []
  if (typeof state['Next'] === 'string') next.push(state['Next'])
  if (typeof state['Default'] === 'string') next.push(state['Default'])
  if (Array.isArray(state['Choices'])) {
    for (const rule of state['Choices'] as unknown[]) {
      const target = (rule as { Next?: unknown } | null)?.Next
      if (typeof target === 'string') next.push(target)
    }
  }
  return next
}

function statesByScope(states: readonly StateVisit[]): Map<object, Map<string, StateVisit>> {
  const byScope = new Map<object, Map<string, StateVisit>>()
  for (const visit of states) {
    let scope = byScope.get(visit.scope)
    if (!scope) byScope.set(visit.scope, (scope = new Map()))
    scope.set(visit.name, visit)
  }
  return byScope
}

/**
 * SFN256: a state replaces its whole input with a result whose shape the definition fixes (a Pass
 * `Result`, a `ResultSelector`, the Lambda envelope, a Parallel/Map array), and a state after it (past
 * Choice and Wait states, which pass data on) still reads a field of the old input. At run time that
 * read fails with States.Runtime.
 */
export const findResultPathDiscardsInput: Rule = ({ states }) => {
  const found: Diagnostic[] = []
  // PERF: the states by scope are gathered only once a state replaces its input (few do).
  let byScope: Map<object, Map<string, StateVisit>> | undefined
  for (const visit of states) {
    const replaced = replacedOutputOf(visit)
    if (!replaced) continue
    byScope ??= statesByScope(states)
    const scope = byScope.get(visit.scope)!
    const seen = new Set<string>([visit.name])
    const queue = successorsOf(visit)
    let hit: { reader: StateVisit; read: InputRead } | undefined
    while (queue.length > 0 && !hit) {
      const name = queue.shift()!
      if (seen.has(name)) continue
      seen.add(name)
      const reader = scope.get(name)
      if (!reader) continue
      const read = inputReadsOf(reader).find((candidate) => fails(replaced.shape, candidate))
      if (read) hit = { reader, read }
      else if (passesInputThrough(reader)) queue.push(...successorsOf(reader))
    }
    if (!hit) continue
    const { shape } = replaced
    const holds =
      shape.kind === 'object'
        ? shape.keys.size === 0
          ? 'an empty object'
          : `only ${[...shape.keys].map((key) => `'${key}'`).join(', ')} (${shape.why})`
        : shape.kind === 'array'
          ? `an array (${shape.why})`
          : `a single value (${shape.why})`
    const explicit = visit.state['ResultPath'] !== undefined || visit.state['Output'] !== undefined
    const field = visit.queryLanguage === 'JSONata' ? 'Output' : 'ResultPath'
    const fix =
      visit.queryLanguage === 'JSONata'
        ? `Merge the result into the input in Output (e.g. "{% $merge([$states.input, {'result': $states.result}]) %}")`
        : `Keep the input by setting ResultPath to a field (e.g. '$.result'), or to null to drop the result`
    found.push({
      code: 'SFN256',
      severity: 'warning',
      path: explicit ? `${visit.path}/${field}` : visit.path,
      message:
        `'${visit.name}' ${replaced.how}, which holds ${holds}; but '${hit.reader.name}' then reads ` +
        `'${hit.read.expression}' (${hit.read.field}) from the input it discarded, and fails with ` +
        `States.Runtime. ${fix}.`,
    })
  }
  return found
}
