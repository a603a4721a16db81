import { collectStates, isRecord, type StateVisit } from '../asl/walk.ts'
import type { Diagnostic } from '../diagnostics.ts'
import type { Rule } from './rule.ts'

const HISTORY_LIMIT = 25_000

/** History events one run of each state adds (ASL-SPEC §14 "Typical sequences"). */
function eventsOfScope(scope: { States?: unknown }): number {
  const visits = collectStates(scope as Record<string, unknown>).filter(
    (v) => v.parent === undefined,
  )
  let total = 0
  for (const { state } of visits) {
    const type = state['Type']
    if (type === 'Task') total += 5
    else if (type === 'Fail') total += 1
    else if (type === 'Parallel' && Array.isArray(state['Branches'])) {
      total += 4
      for (const branch of state['Branches'] as unknown[]) {
        if (isRecord(branch)) total += eventsOfScope(branch)
      }
    } else if (type === 'Map') {
      const processor = state['ItemProcessor'] ?? state['Iterator']
      total += 6 + (isRecord(processor) ? eventsOfScope(processor) : 0)
    } else total += 2
  }
  return total
}

const isInline = (state: Record<string, unknown>): boolean => {
  if (state['ItemReader'] !== undefined) return false
  const processor = state['ItemProcessor']
  const config = isRecord(processor) ? processor['ProcessorConfig'] : undefined
  return !(isRecord(config) && config['Mode'] === 'DISTRIBUTED')
}

/** The keys a simple `$.a.b` / `{% $states.input.a.b %}` items source walks, or undefined. */
function itemsKeys(visit: StateVisit): string[] | undefined {
  const { state } = visit
  if (visit.queryLanguage === 'JSONata') {
    const items = state['Items']
    if (items === undefined) return []
    const match =
      typeof items === 'string'
        ? /^\{%\s*\$states\.input((?:\.[A-Za-z_]\w*)*)\s*%\}$/.exec(items)
        : null
    return match ? (match[1] ?? '').split('.').filter(Boolean) : undefined
  }
  const inputPath = state['InputPath']
  if (inputPath !== undefined && inputPath !== '$') return undefined
  const path = state['ItemsPath'] ?? '$'
  if (typeof path !== 'string') return undefined
  const match = /^\$((?:\.[A-Za-z_]\w*)*)$/.exec(path)
  return match ? (match[1] ?? '').split('.').filter(Boolean) : undefined
}

/** The sub-schema at `keys` of a JSON Schema (properties only; unions are not followed). */
function schemaAt(schema: unknown, keys: readonly string[]): Record<string, unknown> | undefined {
  let current = schema
  for (const key of keys) {
    if (!isRecord(current) || !isRecord(current['properties'])) return undefined
    current = current['properties'][key]
  }
  return isRecord(current) ? current : undefined
}

/**
 * Which top-level keys the execution input still holds at each top-level state: states reached
 * from StartAt while every state before them kept the input (ResultPath into a field, Choice, Wait).
 */
function inputPreservedAt(
  states: readonly StateVisit[],
  startAt: unknown,
): Map<string, Set<string>> {
  const top = new Map(states.filter((v) => v.parent === undefined).map((v) => [v.name, v]))
  const overwritten = new Map<string, Set<string>>()
  const queue: { name: unknown; lost: Set<string> }[] = [{ name: startAt, lost: new Set() }]
  while (queue.length > 0) {
    const { name, lost } = queue.shift()!
    if (typeof name !== 'string' || overwritten.has(name)) continue
    const visit = top.get(name)
    if (!visit) continue
    overwritten.set(name, lost)
    const { state } = visit
    const outputPath = state['OutputPath']
    if (outputPath !== undefined && outputPath !== '$') continue
    let after = lost
    if (visit.queryLanguage === 'JSONata') {
      if (
        state['Output'] !== undefined ||
        !['Pass', 'Choice', 'Wait'].includes(String(state['Type']))
      ) {
        continue
      }
    } else if (['Task', 'Pass', 'Parallel', 'Map'].includes(String(state['Type']))) {
      const resultPath = state['ResultPath']
      const keepsInput =
        state['Type'] === 'Pass' &&
        state['Result'] === undefined &&
        state['Parameters'] === undefined
      if (resultPath === undefined || resultPath === '$') {
        if (!keepsInput) continue
      } else if (typeof resultPath === 'string') {
        const key = /^\$\.([A-Za-z_]\w*)/.exec(resultPath)?.[1]
        if (key === undefined) continue
        after = new Set([...lost, key])
      }
    }
    const next = [state['Next'], state['Default']]
    if (Array.isArray(state['Choices'])) {
      for (const rule of state['Choices'] as unknown[]) if (isRecord(rule)) next.push(rule['Next'])
    }
    for (const target of next) queue.push({ name: target, lost: after })
  }
  return overwritten
}

/**
 * SFN255: an inline Map whose items come straight from the execution input, where the input schema
 * lets the array grow past what an inline Map can run: every iteration adds history events, and an
 * execution fails at 25,000 (ASL-SPEC §13). Literal `Items` arrays are checked the same way.
 */
export const findInlineMapOverLimits: Rule = ({ definition, states, inputSchema }) => {
  const found: Diagnostic[] = []
  // PERF: what the input keeps is worked out for the first top-level inline Map that needs it, not
  // for every workflow with an input schema (most have no such Map).
  let preserved: Map<string, Set<string>> | undefined
  for (const visit of states) {
    const { state, name, path } = visit
    if (state['Type'] !== 'Map' || !isInline(state)) continue
    const processor = state['ItemProcessor'] ?? state['Iterator']
    const perItem = 2 + (isRecord(processor) ? eventsOfScope(processor) : 0)
    const maxItems = Math.floor(HISTORY_LIMIT / perItem)
    const items = state['Items']
    let problem: string | undefined
    if (Array.isArray(items) && items.length > maxItems) {
      problem = `its Items array has ${items.length} entries`
    } else if (inputSchema !== undefined && visit.parent === undefined) {
      preserved ??= inputPreservedAt(states, definition.StartAt)
      const keys = itemsKeys(visit)
      const lost = preserved.get(name)
      if (keys === undefined || keys.length === 0 || lost === undefined || lost.has(keys[0]!))
        continue
      const schema = schemaAt(inputSchema, keys)
      if (schema?.['type'] !== 'array') continue
      const bound = schema['maxItems']
      const where = `the execution input's '${keys.join('.')}'`
      if (typeof bound !== 'number')
        problem = `it iterates over ${where}, which the input schema does not bound`
      else if (bound > maxItems)
        problem = `it iterates over ${where}, which may hold ${bound} items`
    }
    if (problem === undefined) continue
    found.push({
      code: 'SFN255',
      severity: 'warning',
      path,
      message:
        `Inline Map '${name}' may exceed its limits: ${problem}, and each item adds about ${perItem} ` +
        `history events, so more than about ${maxItems} items fail the execution at the 25,000-event ` +
        'limit. Bound the array (z.array(…).max(n)) or run the Map in DISTRIBUTED mode.',
    })
  }
  return found
}
