/**
 * One fresh process of a benchmark: `child.ts <scenario> <side>` runs that side of that scenario once and
 * prints one `BENCH_RESULT <json>` line (or `BENCH_ERROR <message>`). Started by main.ts, never by hand.
 */
import { peakRssMb } from './harness/measure.ts'
import type { Metric } from './harness/scenario.ts'
import { findScenario } from './scenarios/index.ts'

const [name = '', side = ''] = process.argv.slice(2)

async function main(): Promise<Metric[]> {
  const scenario = findScenario(name)
  if (scenario === undefined) throw new Error(`There is no scenario named '${name}'.`)
  const runSide = side === 'ours' ? scenario.ours : side === 'peer' ? scenario.peer : undefined
  if (runSide === undefined) throw new Error(`Scenario '${name}' has no side '${side}'.`)
  const metrics = await runSide()
  return [...metrics, { name: 'peak RSS', unit: 'MB', better: 'lower', value: peakRssMb() }]
}

main().then(
  (metrics) => {
    process.stdout.write(`BENCH_RESULT ${JSON.stringify(metrics)}\n`)
    process.exit(0)
  },
  (error: unknown) => {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
    process.stdout.write(`BENCH_ERROR ${JSON.stringify(message)}\n`)
    process.exit(1)
  },
)
