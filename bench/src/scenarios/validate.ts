import { medianBatch } from '../harness/measure.ts'
import type { Metric, Scenario } from '../harness/scenario.ts'
import { loadAslValidator } from '../peers/asl-validator.ts'
import { countStates, mixedDefinition } from '../workloads/asl.ts'

/** Scenario 6: validating a 1,000-state definition, ours vs asl-validator. */

const WARMUP = 10
// The figure is the median of BATCHES batches of PER_BATCH validations.
const BATCHES = 5
const PER_BATCH = 8
const ITERATIONS = BATCHES * PER_BATCH

async function validateMetrics(validate: (definition: unknown) => void): Promise<Metric[]> {
  // Each call gets its own copy: asl-validator writes QueryLanguage into the definition it checks.
  const copies = Array.from({ length: WARMUP + ITERATIONS + 1 }, () => mixedDefinition(1_000))
  validate(copies[0])
  for (let i = 1; i <= WARMUP; i++) validate(copies[i])
  let next = WARMUP + 1
  const timing = await medianBatch(BATCHES, () => {
    for (let i = 0; i < PER_BATCH; i++) validate(copies[next++])
  })
  return [
    {
      name: 'validate: wall per op',
      unit: 'ms',
      better: 'lower',
      value: timing.wallMs / PER_BATCH,
    },
    { name: 'validate: cpu per op', unit: 'ms', better: 'lower', value: timing.cpuMs / PER_BATCH },
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
