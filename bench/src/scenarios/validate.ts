import { timed } from '../harness/measure.ts'
import type { Metric, Scenario } from '../harness/scenario.ts'
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

export const validateScenarios: Scenario[] = [
  {
    name: 'validate-1000',
    group: 'validate',
    title: `Validate a definition of ${countStates(mixedDefinition(1_000)).toLocaleString('en-US')} states of every common kind`,
    peerName: 'asl-validator',
    async ours() {
      const { validateOurs } = await import('../ours/validate.ts')
      return validateMetrics(validateOurs)
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
