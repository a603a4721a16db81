import { timed } from '../harness/measure.ts'
import type { Metric, Scenario } from '../harness/scenario.ts'
import { loadValidateStateMachine } from '../ours.ts'
import { loadAslValidator } from '../peers/asl-validator.ts'
import { countStates, mixedDefinition } from '../workloads/asl.ts'

/** Scenario 6: validating a 1,000-state definition, ours vs asl-validator. */

const WARMUP = 10
const ITERATIONS = 40

async function validateMetrics(validate: (definition: unknown) => void): Promise<Metric[]> {
  // Each call gets its own copy: asl-validator writes QueryLanguage into the definition it checks.
  const copies = Array.from({ length: WARMUP + ITERATIONS + 1 }, () => mixedDefinition(1_000))
  validate(copies[0])
  for (let i = 1; i <= WARMUP; i++) validate(copies[i])
  const timing = await timed(() => {
    for (let i = WARMUP + 1; i < copies.length; i++) validate(copies[i])
  })
  return [
    {
      name: 'validate: wall per op',
      unit: 'ms',
      better: 'lower',
      value: timing.wallMs / ITERATIONS,
    },
    { name: 'validate: cpu per op', unit: 'ms', better: 'lower', value: timing.cpuMs / ITERATIONS },
  ]
}

/** Whatever shape our validator answers in (diagnostics, or a verdict object), it must accept the definition. */
function assertAccepted(answer: unknown): void {
  const diagnostics = Array.isArray(answer)
    ? answer
    : typeof answer === 'object' &&
        answer !== null &&
        Array.isArray((answer as { diagnostics?: unknown }).diagnostics)
      ? (answer as { diagnostics: unknown[] }).diagnostics
      : undefined
  const errors = (diagnostics ?? []).filter(
    (d) => (d as { severity?: string }).severity !== 'warning',
  )
  const verdict = answer as { ok?: unknown; valid?: unknown; isValid?: unknown } | null
  const refused =
    errors.length > 0 ||
    verdict?.ok === false ||
    verdict?.valid === false ||
    verdict?.isValid === false
  if (refused)
    throw new Error(
      `validateStateMachine() refused the definition: ${JSON.stringify(answer).slice(0, 600)}`,
    )
}

export const validateScenarios: Scenario[] = [
  {
    name: 'validate-1000',
    group: 'validate',
    title: `Validate a definition of ${countStates(mixedDefinition(1_000)).toLocaleString('en-US')} states of every common kind`,
    peerName: 'asl-validator',
    async ours() {
      const validateStateMachine = await loadValidateStateMachine()
      return validateMetrics((definition) => assertAccepted(validateStateMachine(definition)))
    },
    async peer() {
      const validator = loadAslValidator()
      return validateMetrics((definition) => {
        const result = validator(definition)
        if (!result.isValid)
          throw new Error(`asl-validator refused the definition: ${result.errorsText('; ')}`)
      })
    },
  },
]
