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

function ordered(
  value: Record<string, unknown>,
  order: readonly string[],
  tail: readonly string[] = [],
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of order) if (key in value && !tail.includes(key)) out[key] = value[key]
  for (const key of Object.keys(value))
    if (!(key in out) && !tail.includes(key)) out[key] = value[key]
  for (const key of tail) if (key in value) out[key] = value[key]
  return out
}

function orderRule(rule: unknown): unknown {
  if (!isRecord(rule)) return rule
  const out = ordered(rule, RULE_ORDER, RULE_TAIL)
  for (const key of ['And', 'Or']) {
    if (Array.isArray(out[key])) out[key] = (out[key] as unknown[]).map(orderRule)
  }
  if (out['Not'] !== undefined) out['Not'] = orderRule(out['Not'])
  return out
}

function orderScope(
  scope: Record<string, unknown>,
  order: readonly string[],
): Record<string, unknown> {
  const out = ordered(scope, order)
  if (isRecord(out['States'])) {
    const states: Record<string, unknown> = {}
    for (const [name, state] of Object.entries(out['States'])) states[name] = orderState(state)
    out['States'] = states
  }
  return out
}

function orderState(state: unknown): unknown {
  if (!isRecord(state)) return state
  const out = ordered(state, STATE_ORDER)
  if (Array.isArray(out['Retry'])) {
    out['Retry'] = out['Retry'].map((r: unknown) => (isRecord(r) ? ordered(r, RETRIER_ORDER) : r))
  }
  if (Array.isArray(out['Catch'])) {
    out['Catch'] = out['Catch'].map((c: unknown) => (isRecord(c) ? ordered(c, CATCHER_ORDER) : c))
  }
  if (Array.isArray(out['Choices'])) out['Choices'] = out['Choices'].map(orderRule)
  if (Array.isArray(out['Branches'])) {
    out['Branches'] = out['Branches'].map((b: unknown) =>
      isRecord(b) ? orderScope(b, BRANCH_ORDER) : b,
    )
  }
  for (const key of ['ItemProcessor', 'Iterator']) {
    if (isRecord(out[key])) out[key] = orderScope(out[key], BRANCH_ORDER)
  }
  return out
}

/**
 * The definition with every ASL object's keys in the documented order (Type first, Next/End last);
 * payloads (Parameters, Result, …) keep the author's order, because their keys are data.
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
