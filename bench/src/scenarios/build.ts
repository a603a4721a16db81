import { timed } from '../harness/measure.ts'
import { median } from '../harness/stats.ts'
import type { Metric, Scenario } from '../harness/scenario.ts'
import { buildWithDsl } from '../workloads/dsl.ts'

/** Scenario 4: build + compile a 1,000-state workflow, ours (DSL + compile()) vs CDK's StateGraph. */

const STATES = 1_000
const WARMUP = 15
const ITERATIONS = 30

type Graph = { States: Record<string, { Type?: string; Next?: string }> }

/** Warm up, then time `ITERATIONS` builds and renders one by one; the figures are medians. */
async function buildMetrics<TBuilt>(
  build: () => TBuilt,
  render: (built: TBuilt) => Graph,
): Promise<Metric[]> {
  checkGraph(render(build()))
  for (let i = 0; i < WARMUP; i++) render(build())
  const samples: Record<'build' | 'compile' | 'build+compile', { wall: number[]; cpu: number[] }> =
    {
      build: { wall: [], cpu: [] },
      compile: { wall: [], cpu: [] },
      'build+compile': { wall: [], cpu: [] },
    }
  for (let i = 0; i < ITERATIONS; i++) {
    const built = await timed(build)
    const rendered = await timed(() => render(built.result))
    for (const [label, timing] of [
      ['build', built],
      ['compile', rendered],
      [
        'build+compile',
        { wallMs: built.wallMs + rendered.wallMs, cpuMs: built.cpuMs + rendered.cpuMs },
      ],
    ] as const) {
      samples[label].wall.push(timing.wallMs)
      samples[label].cpu.push(timing.cpuMs)
    }
  }
  return (['build+compile', 'build', 'compile'] as const).flatMap((label): Metric[] => [
    {
      name: `${label}: wall per op`,
      unit: 'ms',
      better: 'lower',
      value: median(samples[label].wall),
    },
    {
      name: `${label}: cpu per op`,
      unit: 'ms',
      better: 'lower',
      value: median(samples[label].cpu),
    },
  ])
}

/** Both sides must produce the same graph: every state, the same types, the same transitions. */
function checkGraph(graph: Graph): void {
  const names = Object.keys(graph.States)
  if (names.length !== STATES) throw new Error(`Expected ${STATES} states, got ${names.length}.`)
  const step = graph.States['Step0002']
  const charge = graph.States['Charge0001']
  if (
    step?.Type !== 'Pass' ||
    step.Next !== 'Charge0003' ||
    charge?.Type !== 'Task' ||
    charge.Next !== 'Step0002'
  ) {
    throw new Error(
      `The rendered graph is not the benchmark workflow: ${JSON.stringify({ charge, step })}`,
    )
  }
}

export const buildScenarios: Scenario[] = [
  {
    name: 'compile-1000',
    group: 'build',
    title:
      'Build + compile a 1,000-state workflow (warm), DSL + compile() vs CDK constructs + StateGraph',
    peerName: 'aws-cdk-lib StateGraph',
    async ours() {
      const [{ compileOurs, oursDsl }, zod] = await Promise.all([
        import('../ours/build.ts'),
        import('zod'),
      ])
      return buildMetrics(
        () => buildWithDsl(oursDsl, zod, STATES),
        (workflow) => compileOurs(workflow) as unknown as Graph,
      )
    },
    async peer() {
      const { buildWithCdk, renderWithCdk } = await import('../workloads/cdk.ts')
      return buildMetrics(() => buildWithCdk(STATES), renderWithCdk)
    },
  },
]
