import type { AslStateMachine } from '@statewright/asl'
import { collectStates, isRecord, type StateVisit } from './asl/walk.ts'

const escape = (text: string): string =>
  text
    .replaceAll('&', '#amp;')
    .replaceAll('"', '#quot;')
    .replaceAll('<', '#lt;')
    .replaceAll('>', '#gt;')

const shorten = (text: string, max = 48): string =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text

// Mermaid node shapes by state type: a decision diamond for Choice, a stadium for terminal states.
function nodeShape(id: string, visit: StateVisit): string {
  const type = String(visit.state['Type'] ?? '?')
  const label = `"${escape(visit.name)}<br/><small>${escape(type)}</small>"`
  switch (type) {
    case 'Choice':
      return `${id}{${label}}`
    case 'Succeed':
    case 'Fail':
      return `${id}([${label}])`
    case 'Wait':
      return `${id}[/${label}/]`
    case 'Parallel':
    case 'Map':
      return `${id}[[${label}]]`
    default:
      return `${id}[${label}]`
  }
}

/** A short reading of a Choice rule for an edge label: `$.amount > 100`, a Condition, or And/Or/Not. */
function ruleLabel(rule: Record<string, unknown>): string {
  if (typeof rule['Condition'] === 'string')
    return rule['Condition'].replace(/^\{%\s*|\s*%\}$/g, '')
  for (const combinator of ['And', 'Or']) {
    if (Array.isArray(rule[combinator])) return `${combinator}(${rule[combinator].length} rules)`
  }
  if (isRecord(rule['Not'])) return `Not(${ruleLabel(rule['Not'])})`
  const operator = Object.keys(rule).find(
    (key) => !['Variable', 'Next', 'Comment', 'Assign', 'Output'].includes(key),
  )
  if (operator === undefined) return 'rule'
  return `${String(rule['Variable'] ?? '')} ${operator} ${JSON.stringify(rule[operator])}`
}

/**
 * A Mermaid flowchart of any ASL definition: states (by type), Next/Default/Choice edges, Catch edges
 * dotted and labelled with their errors, Parallel branches and Map processors as subgraphs.
 * @example
 * toMermaid({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } })
 * // 'flowchart TD\n  start((Start)) --> s0\n  s0["A<br/><small>Pass</small>"]\n  s0 --> finish\n  …'
 */
export function toMermaid(input: AslStateMachine): string {
  // Any JSON may reach here (`statewright graph` of a hand-written file); draw what is there.
  const definition = (isRecord(input) ? input : { StartAt: '', States: {} }) as AslStateMachine
  const visits = collectStates(definition)
  const ids = new Map<StateVisit, string>()
  visits.forEach((visit, index) => ids.set(visit, `s${index}`))
  const byScope = new Map<object, Map<string, string>>()
  for (const visit of visits) {
    let scope = byScope.get(visit.scope)
    if (!scope) byScope.set(visit.scope, (scope = new Map()))
    scope.set(visit.name, ids.get(visit)!)
  }
  const lines = ['flowchart TD', '  start((Start))', '  finish((End))']
  const edges: string[] = []
  // Which subgraph (scope owner path) each state is declared in; '' is the top level.
  const scopes = new Map<string, StateVisit[]>()
  for (const visit of visits) {
    const list = scopes.get(visit.scopePath) ?? []
    list.push(visit)
    scopes.set(visit.scopePath, list)
  }
  const startOf = (
    owner: Record<string, unknown>,
    scope: Map<string, string> | undefined,
  ): string | undefined =>
    typeof owner['StartAt'] === 'string' ? scope?.get(owner['StartAt']) : undefined

  const topScope = isRecord(definition.States) ? byScope.get(definition.States) : undefined
  const first = startOf(definition as unknown as Record<string, unknown>, topScope)
  if (first) edges.push(`  start --> ${first}`)

  for (const visit of visits) {
    const id = ids.get(visit)!
    const scope = byScope.get(visit.scope)!
    const { state } = visit
    const to = (target: unknown): string | undefined =>
      typeof target === 'string' ? scope.get(target) : undefined
    if (typeof state['Next'] === 'string') {
      const target = to(state['Next'])
      if (target) edges.push(`  ${id} --> ${target}`)
    }
    if (Array.isArray(state['Choices'])) {
      for (const rule of state['Choices'] as unknown[]) {
        if (!isRecord(rule)) continue
        const target = to(rule['Next'])
        if (target) edges.push(`  ${id} -- "${escape(shorten(ruleLabel(rule)))}" --> ${target}`)
      }
    }
    const fallback = to(state['Default'])
    if (fallback) edges.push(`  ${id} -- "Default" --> ${fallback}`)
    if (Array.isArray(state['Catch'])) {
      for (const catcher of state['Catch'] as unknown[]) {
        if (!isRecord(catcher)) continue
        const target = to(catcher['Next'])
        const errors = Array.isArray(catcher['ErrorEquals'])
          ? catcher['ErrorEquals'].join(', ')
          : 'error'
        if (target) edges.push(`  ${id} -. "${escape(shorten(errors))}" .-> ${target}`)
      }
    }
    const ends = state['End'] === true || state['Type'] === 'Succeed' || state['Type'] === 'Fail'
    if (ends && visit.parent === undefined) edges.push(`  ${id} --> finish`)
    // A Map or Parallel starts each of its scopes.
    const owners: Record<string, unknown>[] = []
    if (Array.isArray(state['Branches']))
      owners.push(...(state['Branches'] as unknown[]).filter(isRecord))
    for (const field of ['ItemProcessor', 'Iterator'])
      if (isRecord(state[field])) owners.push(state[field])
    for (const owner of owners) {
      const inner = isRecord(owner['States']) ? byScope.get(owner['States']) : undefined
      const target = startOf(owner, inner)
      if (target) edges.push(`  ${id} -.-> ${target}`)
    }
  }

  const render = (scopePath: string, indent: string): void => {
    for (const visit of scopes.get(scopePath) ?? []) {
      lines.push(`${indent}${nodeShape(ids.get(visit)!, visit)}`)
      const children = [...scopes.keys()].filter(
        (path) => path.startsWith(`${visit.path}/`) && scopes.get(path)![0]!.parent === visit,
      )
      children.forEach((childPath) => {
        const label = childPath.endsWith(']')
          ? `Branch ${Number(/\[(\d+)\]$/.exec(childPath)![1]) + 1} of ${visit.name}`
          : `Items of ${visit.name}`
        lines.push(
          `${indent}subgraph ${ids.get(visit)}_${children.indexOf(childPath)} ["${escape(label)}"]`,
        )
        render(childPath, `${indent}  `)
        lines.push(`${indent}end`)
      })
    }
  }
  render('', '  ')
  return `${[...lines, ...edges].join('\n')}\n`
}
