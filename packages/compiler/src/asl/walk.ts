import type { AslStateMachine, JsonValue, QueryLanguage } from '@statewright/asl'

/** A state as the lints see it: untyped fields, because hand-written ASL may hold anything. */
export type LooseState = { readonly [field: string]: unknown }

/** One state of a definition, at any depth, with where it sits. */
export interface StateVisit {
  readonly name: string
  readonly state: LooseState
  /** Location of the state: `/States/P/Branches[0]/States/X`. */
  readonly path: string
  /** The `States` object the state belongs to; transitions stay inside it. */
  readonly scope: Readonly<Record<string, unknown>>
  /** The pointer of the scope's owner: `''` for the top level, `/States/P/Branches[0]` for a branch. */
  readonly scopePath: string
  /** The state's effective query language (its own, else the machine's: SPEC "Query Languages"). */
  readonly queryLanguage: QueryLanguage
  /** The Map or Parallel state that runs this scope, if any. */
  readonly parent: StateVisit | undefined
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

// PERF: module level; an array literal in a function is a new array on every call (per state).
const PROCESSOR_FIELDS: readonly string[] = ['ItemProcessor', 'Iterator']

/**
 * Every state of the definition, top level first, in document order. Iterative, so a definition
 * nested 10,000 levels deep cannot overflow the stack here.
 */
export function collectStates(definition: AslStateMachine | Record<string, unknown>): StateVisit[] {
  const root = definition as Record<string, unknown>
  const machineLanguage: QueryLanguage =
    root['QueryLanguage'] === 'JSONata' ? 'JSONata' : 'JSONPath'
  const visits: StateVisit[] = []
  const pending: {
    owner: Record<string, unknown>
    ownerPath: string
    parent: StateVisit | undefined
  }[] = [{ owner: root, ownerPath: '', parent: undefined }]
  for (let next = 0; next < pending.length; next++) {
    const { owner, ownerPath, parent } = pending[next]!
    const states = owner['States']
    if (!isRecord(states)) continue
    // PERF: for-in, not Object.entries (an array per state, on every compile).
    for (const name in states) {
      if (!Object.hasOwn(states, name)) continue
      const state = states[name]
      if (!isRecord(state)) continue
      const language = state['QueryLanguage']
      // PERF: a plain literal (no spread, no pointer()): this runs once per state of every compile.
      const visit: StateVisit = {
        name,
        state,
        path: `${ownerPath}/States/${name}`,
        scope: states,
        scopePath: ownerPath,
        queryLanguage:
          language === 'JSONata' || language === 'JSONPath' ? language : machineLanguage,
        parent,
      }
      visits.push(visit)
      const branches = state['Branches']
      if (Array.isArray(branches)) {
        branches.forEach((branch, index) => {
          if (isRecord(branch)) {
            pending.push({
              owner: branch,
              ownerPath: `${visit.path}/Branches[${index}]`,
              parent: visit,
            })
          }
        })
      }
      for (const field of PROCESSOR_FIELDS) {
        const processor = state[field]
        if (isRecord(processor)) {
          pending.push({ owner: processor, ownerPath: `${visit.path}/${field}`, parent: visit })
        }
      }
    }
  }
  return visits
}

/**
 * The nesting depth of a JSON value, counted without recursion; stops early at `limit + 1` so a
 * hostile document costs no more than the limit.
 */
export function jsonDepth(value: unknown, limit: number = Number.POSITIVE_INFINITY): number {
  let max = 0
  // PERF: two parallel stacks, no object per visited value (this runs on every compile).
  const values: unknown[] = [value]
  const depths: number[] = [0]
  while (values.length > 0) {
    const current = values.pop()
    const depth = depths.pop()!
    if (typeof current !== 'object' || current === null) continue
    const here = depth + 1
    if (here > max) max = here
    if (max > limit) return max
    if (Array.isArray(current)) {
      for (const child of current) {
        if (typeof child === 'object' && child !== null) {
          values.push(child)
          depths.push(here)
        }
      }
    } else {
      for (const key in current) {
        if (!Object.hasOwn(current, key)) continue
        const child = (current as Record<string, unknown>)[key]
        if (typeof child === 'object' && child !== null) {
          values.push(child)
          depths.push(here)
        }
      }
    }
  }
  return max
}

/** The deepest nesting the compiler and the CLI accept; deeper documents get SFN303, not a crash. */
export const MAX_JSON_DEPTH = 512

/** Targets a state can move to, with the pointer of the field that names each. */
export function transitionsOf(visit: StateVisit): { target: string; path: string }[] {
  const found: { target: string; path: string }[] = []
  const { state, path } = visit
  if (typeof state['Next'] === 'string') found.push({ target: state['Next'], path: `${path}/Next` })
  if (typeof state['Default'] === 'string') {
    found.push({ target: state['Default'], path: `${path}/Default` })
  }
  const choices = state['Choices']
  if (Array.isArray(choices)) {
    choices.forEach((rule: unknown, index) => {
      if (isRecord(rule) && typeof rule['Next'] === 'string') {
        found.push({ target: rule['Next'], path: `${path}/Choices[${index}]/Next` })
      }
    })
  }
  const catchers = state['Catch']
  if (Array.isArray(catchers)) {
    catchers.forEach((catcher: unknown, index) => {
      if (isRecord(catcher) && typeof catcher['Next'] === 'string') {
        found.push({ target: catcher['Next'], path: `${path}/Catch[${index}]/Next` })
      }
    })
  }
  return found
}

export { isRecord }
export type { JsonValue }
