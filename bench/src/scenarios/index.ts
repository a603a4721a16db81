import type { Scenario } from '../harness/scenario.ts'
import { buildScenarios } from './build.ts'
import { runtimeScenarios } from './runtime.ts'
import { tscScenarios } from './tsc.ts'
import { validateScenarios } from './validate.ts'

/** Every scenario, in the order `pnpm bench` runs them. */
export const scenarios: readonly Scenario[] = [
  ...runtimeScenarios,
  ...buildScenarios,
  ...tscScenarios,
  ...validateScenarios,
]

export function findScenario(name: string): Scenario | undefined {
  return scenarios.find((scenario) => scenario.name === name)
}

/** The scenarios named (by name or group), all of them when none is; names that match nothing. */
export function selectScenarios(names: readonly string[]): {
  scenarios: Scenario[]
  unknown: string[]
} {
  if (names.length === 0) return { scenarios: [...scenarios], unknown: [] }
  const unknown = names.filter(
    (name) => !scenarios.some((s) => s.name === name || s.group === name),
  )
  const selected = scenarios.filter((s) => names.includes(s.name) || names.includes(s.group))
  return { scenarios: selected, unknown }
}
