import { DslError } from '../errors.ts'
import type { StateNode } from '../ir/state-node.ts'

// Variables read anywhere in a state's own fields (not inside its branches): `{ kind: 'path', root: 'variable' }`.
function readsOf(value: unknown, found: Set<string>): void {
  if (typeof value !== 'object' || value === null) return
  if (Array.isArray(value)) {
    for (const item of value) readsOf(item, found)
    return
  }
  const record = value as Record<string, unknown>
  if (record['kind'] === 'path' && record['root'] === 'variable') {
    const [name] = record['segments'] as readonly unknown[]
    if (typeof name === 'string') found.add(name)
    return
  }
  for (const [key, item] of Object.entries(record)) {
    if (key === 'branches' || key === 'processor' || key === 'source' || key.endsWith('Schema'))
      continue
    readsOf(item, found)
  }
}

// Module level, not a closure in assignsOf: this runs for every state of every workflow.
function collectAssigned(assign: unknown, names: string[]): void {
  const node = assign as
    { kind?: string; entries?: readonly (readonly [string, unknown])[] } | undefined
  if (node?.kind === 'object') for (const [name] of node.entries ?? []) names.push(name)
}

const assignsOf = (state: StateNode): string[] => {
  const names: string[] = []
  collectAssigned(state.assign, names)
  if ('catch' in state) for (const clause of state.catch) collectAssigned(clause.assign, names)
  if (state.kind === 'Choice') for (const rule of state.rules) collectAssigned(rule.assign, names)
  return names
}

interface Scope {
  /** Variables assigned in this scope or an enclosing one: readable here. */
  readonly visible: ReadonlySet<string>
  /** Where the enclosing scopes' variables were assigned, for messages. */
  readonly owners: ReadonlyMap<string, string>
  /** Inside a Distributed Map: outer variables are not readable at all. */
  readonly distributedMap?: string
}

/**
 * AWS's scope rules for variables (ASL-SPEC §4), checked when the workflow is built: a Parallel branch or Map
 * iteration may read the variables of the enclosing scopes but not assign them, and a Distributed Map's
 * iterations cannot read them (they run as separate executions).
 * @internal
 */
export function checkVariableScopes(states: readonly StateNode[], scope?: Scope): void {
  const own = new Map<string, string>()
  for (const state of states) {
    for (const name of assignsOf(state)) {
      const owner = scope?.owners.get(name)
      if (owner !== undefined) {
        throw new DslError(
          'SFN109',
          `State '${state.name}' assigns variable '${name}', which the enclosing scope assigns in '${owner}'. ` +
            'A Parallel branch or Map iteration can read outer variables but not assign them: return the value in the output and assign it after the Parallel/Map.',
        )
      }
      own.set(name, state.name)
    }
  }
  if (scope?.distributedMap !== undefined) {
    for (const state of states) {
      const reads = new Set<string>()
      readsOf(state, reads)
      for (const name of reads) {
        if (!own.has(name) && scope.visible.has(name)) {
          throw new DslError(
            'SFN109',
            `State '${state.name}' reads variable '${name}' inside Distributed Map '${scope.distributedMap}', whose iterations cannot see outer variables: pass the value in itemSelector().`,
          )
        }
      }
    }
  }
  const owners = new Map([...(scope?.owners ?? []), ...own])
  const visible = new Set(owners.keys())
  for (const state of states) {
    if (state.kind === 'Parallel') {
      for (const branch of state.branches) checkVariableScopes(branch.states, { visible, owners })
    } else if (state.kind === 'Map') {
      checkVariableScopes(state.processor.states, {
        visible,
        owners,
        ...(state.distributed === undefined ? {} : { distributedMap: state.name }),
      })
    }
  }
}
