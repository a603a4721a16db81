import type { AslStateMachine } from '@statewright/asl'
import { format } from 'prettier'
import { isRecord } from './asl/walk.ts'

// The order AWS's documentation and console write ASL in: what a state is, what it reads, what it
// does, what it writes, how it fails, where it goes. Keys not listed keep their order, after these.
const MACHINE_ORDER = ['Comment', 'QueryLanguage', 'Version', 'StartAt', 'TimeoutSeconds', 'States']
const STATE_ORDER = [
  'Type',
  'Comment',
  'QueryLanguage',
  'Resource',
  'Credentials',
  'InputPath',
  'Parameters',
  'Arguments',
  'ItemsPath',
  'Items',
  'ItemReader',
  'ItemSelector',
  'ItemBatcher',
  'ItemProcessor',
  'Iterator',
  'Branches',
  'MaxConcurrency',
  'MaxConcurrencyPath',
  'ToleratedFailureCount',
  'ToleratedFailureCountPath',
  'ToleratedFailurePercentage',
  'ToleratedFailurePercentagePath',
  'Label',
  'Choices',
  'Default',
  'Seconds',
  'SecondsPath',
  'Timestamp',
  'TimestampPath',
  'TimeoutSeconds',
  'TimeoutSecondsPath',
  'HeartbeatSeconds',
  'HeartbeatSecondsPath',
  'Result',
  'ResultSelector',
  'ResultPath',
  'ResultWriter',
  'OutputPath',
  'Output',
  'Assign',
  'Error',
  'ErrorPath',
  'Cause',
  'CausePath',
  'Retry',
  'Catch',
  'Next',
  'End',
]
const BRANCH_ORDER = ['Comment', 'QueryLanguage', 'ProcessorConfig', 'StartAt', 'States']
const RETRIER_ORDER = [
  'ErrorEquals',
  'Comment',
  'IntervalSeconds',
  'MaxAttempts',
  'BackoffRate',
  'MaxDelaySeconds',
  'JitterStrategy',
]
const CATCHER_ORDER = ['ErrorEquals', 'Comment', 'ResultPath', 'Output', 'Assign', 'Next']
// A Choice rule: the test first (Variable and its operator, or And/Or/Not, or Condition), then effects.
const RULE_ORDER = ['Comment', 'Variable', 'Condition', 'And', 'Or', 'Not']
const RULE_TAIL = ['Assign', 'Output', 'Next']
// One shared empty tail: the rank cache is keyed by the list itself.
const NO_TAIL: readonly string[] = []

// PERF: ordering is copy-on-write. Lowering already writes most objects in this order, so an object
// whose keys are in order (and whose nested ASL objects are too) is returned as it is, not copied.

// PERF: each order list's ranks in a Map (an indexOf over the 48 state keys cost a scan per key).
const rankCache = new WeakMap<readonly string[], ReadonlyMap<string, number>>()
function ranksOf(order: readonly string[]): ReadonlyMap<string, number> {
  let ranks = rankCache.get(order)
  if (ranks === undefined) {
    ranks = new Map(order.map((key, index) => [key, index]))
    rankCache.set(order, ranks)
  }
  return ranks
}

/** True when `value`'s keys already sit as `ordered` would place them. */
function inOrder(
  value: Record<string, unknown>,
  order: readonly string[],
  tail: readonly string[],
): boolean {
  // Phases: listed keys by their rank, then unlisted keys (any order), then tail keys by rank.
  let phase = 0
  let rank = -1
  const orderRanks = ranksOf(order)
  const tailRanks = ranksOf(tail)
  // PERF: for-in over own keys (the same order as Object.keys), without a key array per object.
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue
    const tailRank = tailRanks.get(key) ?? -1
    const orderRank = tailRank === -1 ? (orderRanks.get(key) ?? -1) : -1
    const keyPhase = tailRank !== -1 ? 2 : orderRank !== -1 ? 0 : 1
    const keyRank = keyPhase === 2 ? tailRank : keyPhase === 0 ? orderRank : 0
    if (keyPhase < phase || (keyPhase === phase && keyPhase !== 1 && keyRank <= rank)) return false
    if (keyPhase !== phase) rank = -1
    phase = keyPhase
    if (keyPhase !== 1) rank = keyRank
  }
  return true
}

function ordered(
  value: Record<string, unknown>,
  order: readonly string[],
  tail: readonly string[] = NO_TAIL,
): Record<string, unknown> {
  if (inOrder(value, order, tail)) return value
  const out: Record<string, unknown> = {}
  for (const key of order) if (key in value && !tail.includes(key)) out[key] = value[key]
  for (const key of Object.keys(value))
    if (!(key in out) && !tail.includes(key)) out[key] = value[key]
  for (const key of tail) if (key in value) out[key] = value[key]
  return out
}

/** `items` with `order` applied to each; the same array when no item changed. */
function mapSame(items: readonly unknown[], order: (item: unknown) => unknown): readonly unknown[] {
  let out: unknown[] | undefined
  for (let index = 0; index < items.length; index++) {
    const item = items[index]
    const next = order(item)
    if (next !== item) {
      out ??= items.slice()
      out[index] = next
    }
  }
  return out ?? items
}

/** `value` with `patch` applied: the same object when every patched field is unchanged. */
function patched(
  value: Record<string, unknown>,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  let out: Record<string, unknown> | undefined
  for (const [key, next] of Object.entries(patch)) {
    if (next === value[key]) continue
    out ??= { ...value }
    out[key] = next
  }
  return out ?? value
}

function orderRule(rule: unknown): unknown {
  if (!isRecord(rule)) return rule
  const out = ordered(rule, RULE_ORDER, RULE_TAIL)
  const patch: Record<string, unknown> = {}
  for (const key of ['And', 'Or']) {
    if (Array.isArray(out[key])) patch[key] = mapSame(out[key] as unknown[], orderRule)
  }
  if (out['Not'] !== undefined) patch['Not'] = orderRule(out['Not'])
  return patched(out, patch)
}

function orderScope(
  scope: Record<string, unknown>,
  order: readonly string[],
): Record<string, unknown> {
  const out = ordered(scope, order)
  const states = out['States']
  if (!isRecord(states)) return out
  let orderedStates: Record<string, unknown> | undefined
  for (const name of Object.keys(states)) {
    const state = states[name]
    const next = orderState(state)
    if (next !== state && orderedStates === undefined) orderedStates = { ...states }
    if (orderedStates !== undefined) orderedStates[name] = next
  }
  return patched(out, { States: orderedStates ?? states })
}

const orderRetrier = (r: unknown): unknown => (isRecord(r) ? ordered(r, RETRIER_ORDER) : r)
const orderCatcher = (c: unknown): unknown => (isRecord(c) ? ordered(c, CATCHER_ORDER) : c)
const orderBranch = (b: unknown): unknown => (isRecord(b) ? orderScope(b, BRANCH_ORDER) : b)

const orderArray =
  (order: (item: unknown) => unknown) =>
  (value: unknown): unknown =>
    Array.isArray(value) ? mapSame(value, order) : value
const orderNested = (value: unknown): unknown =>
  isRecord(value) ? orderScope(value, BRANCH_ORDER) : value

// The fields of a state that hold ASL objects of their own, and how to order each.
const STATE_CHILDREN: readonly (readonly [string, (value: unknown) => unknown])[] = [
  ['Retry', orderArray(orderRetrier)],
  ['Catch', orderArray(orderCatcher)],
  ['Choices', orderArray(orderRule)],
  ['Branches', orderArray(orderBranch)],
  ['ItemProcessor', orderNested],
  ['Iterator', orderNested],
]

function orderState(state: unknown): unknown {
  if (!isRecord(state)) return state
  let out = ordered(state, STATE_ORDER)
  let copied = out !== state
  for (const [key, order] of STATE_CHILDREN) {
    const value = out[key]
    if (value === undefined) continue
    const next = order(value)
    if (next === value) continue
    if (!copied) {
      out = { ...out }
      copied = true
    }
    out[key] = next
  }
  return out
}

/**
 * The definition with every ASL object's keys in the documented order (Type first, Next/End last);
 * payloads (Parameters, Result, …) keep the author's order, because their keys are data. Objects
 * already in order are shared with `definition`, not copied.
 * @example
 * orderAslKeys({ States: { A: { End: true, Type: 'Pass' } }, StartAt: 'A' })
 * // { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }
 */
export function orderAslKeys(definition: AslStateMachine): AslStateMachine {
  // Not an object (hand-written input can be anything): nothing to order, and nothing to lose.
  if (!isRecord(definition)) return definition
  return orderScope(
    definition as unknown as Record<string, unknown>,
    MACHINE_ORDER,
  ) as unknown as AslStateMachine
}

// Fixed here, never read from the user's .prettierrc: output must be byte-identical on every machine.
const PRETTIER_JSON = {
  parser: 'json',
  printWidth: 100,
  tabWidth: 2,
  useTabs: false,
  endOfLine: 'lf',
} as const

/**
 * Any JSON value as prettier-formatted text with a final newline (used for schemas and maps too).
 * @example
 * await formatJson({ a: [1, 2] }) // '{ "a": [1, 2] }\n' (objects stay expanded)
 */
export async function formatJson(value: unknown): Promise<string> {
  return format(JSON.stringify(value, null, 2), PRETTIER_JSON)
}

/**
 * The ASL text `statewright build` writes: keys in ASL order, prettier-formatted, byte-identical
 * across runs and machines.
 * @example
 * await emitAsl({ StartAt: 'Done', States: { Done: { Type: 'Succeed' } } })
 * // '{\n  "StartAt": "Done",\n  "States": {\n    "Done": {\n      "Type": "Succeed"\n    }\n  }\n}\n'
 */
export async function emitAsl(definition: AslStateMachine): Promise<string> {
  return formatJson(orderAslKeys(definition))
}
