// Runs one case of ../shared/conformance/aws-validation.jsonl through @statewright/asl's validator
// and compares the answer with AWS's, in the tiers the corpus README describes. compare.mjs is read
// from ../shared/conformance at run time (never copied into the repo); without it every case is
// reported as skipped.

import {
  formatAwsInvalidDefinition,
  validateStateMachine,
  validateStateMachineDefinition,
  variableReferences,
} from '@statewright/asl'

/** The deepest tier on which our answer agrees with AWS's. */
export type ValidationTier = 'accepted' | 'errorCode' | 'location' | 'message' | 'none'

/** The outcome of one case. */
export interface ValidationCaseResult {
  /** Verdict agrees, and where AWS names locations (or variable references) ours are the same. */
  readonly ok: boolean
  /** Why the case was not run (it tests another CreateStateMachine parameter, or no corpus). */
  readonly skipped?: string
  readonly tier: ValidationTier
  readonly reason?: string
}

interface ValidationCase {
  readonly id: string
  readonly category: string
  readonly api: string
  readonly stateMachineType?: 'STANDARD' | 'EXPRESS'
  readonly definition?: unknown
  readonly definitionText?: string
  readonly flags?: readonly string[]
  readonly expected: {
    readonly accepted: boolean
    readonly errorCode?: string
    readonly message?: string
    readonly result?: string
    readonly diagnostics?: readonly { code: string; severity: string; location?: string }[]
    readonly variableReferences?: Record<string, string[]>
  }
}

type CheckValidation = (
  testCase: unknown,
  actual: unknown,
  options?: { fields?: string[] },
) => { ok: boolean; reason?: string }

/** Categories that test CreateStateMachine parameters other than the definition. */
const OTHER_PARAMETERS = new Set(['logging_configuration', 'versioning_parameters'])

let compare: { checkValidation: CheckValidation } | undefined
try {
  compare = (await import(
    new URL('../../../../shared/conformance/compare.mjs', import.meta.url).href
  )) as { checkValidation: CheckValidation }
} catch {
  compare = undefined
}

/** The `/States/…` locations an InvalidDefinition message names (`… at /States/A/Next, …`). */
function locationsInMessage(message: string | undefined): string[] {
  if (message === undefined) return []
  return [...message.matchAll(/ at (\/[^,']*)/g)].map((m) => (m[1] ?? '').trimEnd())
}

/**
 * Validates the case's definition as AWS would (CreateStateMachine or ValidateStateMachineDefinition,
 * with its state machine type) and compares: verdict, then error code / diagnostic codes, then
 * locations, then the exact message text.
 *
 * @example
 * const r = runValidationCase(JSON.parse(line))
 * if (!r.ok) console.log(r.tier, r.reason)
 */
export function runValidationCase(testCase: unknown): ValidationCaseResult {
  const c = testCase as ValidationCase
  if (OTHER_PARAMETERS.has(c.category)) {
    return { ok: true, skipped: `tests ${c.category}, not the definition`, tier: 'none' }
  }
  if (compare === undefined) {
    return { ok: true, skipped: '../shared/conformance/compare.mjs not found', tier: 'none' }
  }
  const input = c.definitionText ?? c.definition
  const options = { type: c.stateMachineType ?? 'STANDARD' } as const
  const diagnostics = validateStateMachine(input, options)
  const accepted = !diagnostics.some((d) => d.severity === 'error')
  const actual: Record<string, unknown> = { accepted }
  if (c.api === 'ValidateStateMachineDefinition') {
    Object.assign(actual, validateStateMachineDefinition(input, options))
  } else if (!accepted) {
    actual['errorCode'] = 'InvalidDefinition'
    actual['message'] = formatAwsInvalidDefinition(diagnostics)
  }
  if (c.expected.variableReferences !== undefined)
    actual['variableReferences'] = variableReferences(input)

  const verdict = compare.checkValidation(c, actual, { fields: ['accepted'] })
  if (!verdict.ok) return { ok: false, tier: 'none', reason: verdict.reason ?? 'verdict differs' }
  const full = compare.checkValidation(c, actual)
  if (full.ok) return { ok: true, tier: 'message' }

  // Codes: the error code of a rejection, or the result and each diagnostic's code and severity.
  const ours = (actual['diagnostics'] ?? []) as {
    code: string
    severity: string
    location?: string
  }[]
  const theirs = c.expected.diagnostics ?? []
  const codesAgree =
    (c.expected.errorCode === undefined || c.expected.errorCode === actual['errorCode']) &&
    (c.expected.result === undefined || c.expected.result === actual['result']) &&
    (c.expected.diagnostics === undefined ||
      (ours.length === theirs.length &&
        theirs.every((d, i) => d.code === ours[i]?.code && d.severity === ours[i]?.severity)))
  if (!codesAgree) return { ok: false, tier: 'accepted', reason: full.reason }

  const expectedLocations =
    c.expected.diagnostics !== undefined
      ? theirs.map((d) => d.location ?? '')
      : locationsInMessage(c.expected.message)
  const actualLocations =
    c.expected.diagnostics !== undefined
      ? ours.map((d) => d.location ?? '')
      : locationsInMessage(actual['message'] as string | undefined)
  // Locations other than /States/… or / (a JSON parser's "[Source: …]") are not ours to match.
  const comparable = expectedLocations.every((l) => l === '' || l.startsWith('/'))
  const locationsAgree =
    !comparable || JSON.stringify(expectedLocations) === JSON.stringify(actualLocations)
  if (!locationsAgree) {
    return {
      ok: false,
      tier: 'errorCode',
      reason: `locations: expected ${JSON.stringify(expectedLocations)}, got ${JSON.stringify(actualLocations)}`,
    }
  }
  if (c.expected.variableReferences !== undefined) {
    const refs = compare.checkValidation(c, actual, { fields: ['accepted', 'variableReferences'] })
    if (!refs.ok) return { ok: false, tier: 'location', reason: refs.reason }
  }
  return { ok: true, tier: 'location', reason: full.reason }
}
