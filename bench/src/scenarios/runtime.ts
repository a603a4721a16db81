import type { AslStateMachine } from '@statewright/asl'

import { medianBatch, timed } from '../harness/measure.ts'
import {
  batchMetrics,
  checkResult,
  regionMetrics,
  type Metric,
  type Scenario,
} from '../harness/scenario.ts'
import type { OursExecution, OursHistoryEvent, OursRunOptions } from '../ours/runtime.ts'
import { loadLocalStepFunctions } from '../peers/local-sfn.ts'
import {
  mapDefinition,
  mapExpected,
  mapItems,
  parallelDefinition,
  passChainDefinition,
} from '../workloads/asl.ts'
import { flakyHandler, RETRY_WAIT_SECONDS, retryWaitDefinition } from '../workloads/retry-wait.ts'
import {
  ecommerceDefinition,
  ecommerceHandlers,
  ecommerceHandlersByKey,
  expectedOutput,
  makeOrder,
  type Order,
} from '../workloads/ecommerce.ts'

/** Scenarios 1, 2, 3 and 7: executing ASL, ours against aws-local-stepfunctions (or plain calls). */

const PEER = 'aws-local-stepfunctions'

/** Executes one input; both sides are reduced to this so that the loops below are shared. */
type Execute = (input: unknown) => Promise<unknown>

/** Our runtime on `definition`, resolving to the output of a SUCCEEDED execution (else throwing). */
async function oursExecutor(
  definition: AslStateMachine,
  options: OursRunOptions = {},
): Promise<{ execute: Execute; executeFull: (input: unknown) => Promise<OursExecution> }> {
  // Loaded here, not at the top: a package mid-edit then fails only the scenarios that use it.
  const { runOurs } = await import('../ours/runtime.ts')
  const executeFull = (input: unknown): Promise<OursExecution> =>
    runOurs(definition, input, options)
  const execute: Execute = async (input) => {
    const execution = await executeFull(input)
    if (execution.status !== 'SUCCEEDED') {
      throw new Error(`Execution ${execution.status}: ${execution.error}: ${execution.cause}`)
    }
    return execution.output
  }
  return { execute, executeFull }
}

/** aws-local-stepfunctions on `definition`: one StateMachine, one run() per execution. */
async function peerExecutor(
  definition: object,
  handlers: Record<string, (input: any) => unknown> = {},
): Promise<Execute> {
  const { StateMachine } = await loadLocalStepFunctions()
  const machine = new StateMachine(definition as never)
  const overrides = { taskResourceLocalHandlers: handlers as never }
  return (input) => machine.run(input as never, { overrides }).result
}

/** Runs `count` executions one after the other. */
async function sequential(
  execute: Execute,
  inputs: (i: number) => unknown,
  count: number,
): Promise<void> {
  for (let i = 0; i < count; i++) await execute(inputs(i))
}

/** Runs `count` executions keeping `inFlight` of them started and unfinished at all times. */
async function concurrent(
  execute: Execute,
  inputs: (i: number) => unknown,
  count: number,
  inFlight: number,
): Promise<void> {
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < count) await execute(inputs(next++))
  }
  await Promise.all(Array.from({ length: Math.min(inFlight, count) }, worker))
}

const ECOMMERCE_WARMUP = 1_000
// Per batch; the figure is the median of BATCHES batches.
const ECOMMERCE_COUNT = 2_000
const BATCHES = 5

/** Warm up, check the answer, then time sequential and 100-in-flight batches. */
async function ecommerceMetrics(execute: Execute): Promise<Metric[]> {
  for (const i of [0, 1, 2])
    checkResult('e-commerce', await execute(makeOrder(i)), expectedOutput(makeOrder(i)))
  await sequential(execute, makeOrder, ECOMMERCE_WARMUP)
  const seq = await medianBatch(BATCHES, () => sequential(execute, makeOrder, ECOMMERCE_COUNT))
  const par = await medianBatch(BATCHES, () => concurrent(execute, makeOrder, ECOMMERCE_COUNT, 100))
  return [
    ...batchMetrics('sequential', ECOMMERCE_COUNT, seq),
    ...batchMetrics('100 in flight', ECOMMERCE_COUNT, par),
  ]
}

/** Scenario 7's floor: the e-commerce work as plain (async) function calls, as the workflow would do it. */
async function ecommerceAsPlainCalls(order: unknown): Promise<unknown> {
  const input = order as Order
  const validation = ecommerceHandlers.validateOrder(input)
  if (!(validation.valid && validation.total > 0)) throw new Error('OrderRejected')
  const withValidation = { ...input, validation }
  const payment = ecommerceHandlers.chargePayment({
    orderId: input.orderId,
    customerId: input.customerId,
    total: validation.total,
  })
  const withPayment = { ...withValidation, payment }
  const shipped = ecommerceHandlers.shipOrder({
    orderId: input.orderId,
    paymentId: payment.paymentId,
  })
  return { ...withPayment, shipment: { trackingId: shipped.trackingId } }
}

const MAP_WARMUP_ITEMS = 200

const mapScenario = (n: number, label: string): Scenario => ({
  name: `map-${label}`,
  group: 'map',
  title: `Map over ${n.toLocaleString('en-US')} items, Pass processor, full history recorded and read`,
  peerName: PEER,
  // The peer needs minutes for 100,000 items with its event log read: one process is enough to show it.
  ...(n >= 100_000 ? { runs: { peer: 1 } } : {}),
  async ours() {
    const { executeFull } = await oursExecutor(mapDefinition, {
      // AWS's quotas (25,000 events, 256 KiB payloads) would fail these sizes: lifted, as a test would.
      maxHistoryEvents: Infinity,
      maxPayloadBytes: Infinity,
    })
    // A small Map first, on both sides, so that lazy module loading and JIT are not in the figure.
    readHistory((await executeFull({ items: mapItems(MAP_WARMUP_ITEMS) })).history)
    const input = { items: mapItems(n) }
    const ran = await timed(() => executeFull(input))
    const read = await timed(() => readHistory(ran.result.history))
    const execution = ran.result
    if (execution.status !== 'SUCCEEDED') {
      throw new Error(`Map ${execution.status}: ${execution.error}: ${execution.cause}`)
    }
    checkResult(`Map over ${n} items`, execution.output, mapExpected(n))
    return [
      ...regionMetrics('map', { wallMs: ran.wallMs + read.wallMs, cpuMs: ran.cpuMs + read.cpuMs }),
      ...regionMetrics('map, run only', ran),
      ...regionMetrics('map, history read only', read),
      { name: 'history events', unit: 'events', better: 'higher', value: read.result.events },
    ]
  },
  async peer() {
    const { StateMachine } = await loadLocalStepFunctions()
    const machine = new StateMachine(mapDefinition as never)
    // Its event log is a generator filled while the execution runs: reading it is part of running it.
    const runAndRead = async (items: unknown[]): Promise<{ output: unknown; events: number }> => {
      const execution = machine.run({ items } as never)
      let events = 0
      for await (const event of execution.eventLogs) {
        events++
        if ('state' in event) void event.state.output
      }
      return { output: await execution.result, events }
    }
    await runAndRead(mapItems(MAP_WARMUP_ITEMS))
    const items = mapItems(n)
    const whole = await timed(() => runAndRead(items))
    checkResult(`Map over ${n} items`, whole.result.output, mapExpected(n))
    return [
      ...regionMetrics('map', whole),
      { name: 'history events', unit: 'events', better: 'higher', value: whole.result.events },
    ]
  },
})

/**
 * Reads every event the way a test that inspects history would: its type and every details field,
 * which makes our lazily built JSON text (`input`, `output`) real.
 */
function readHistory(history: readonly OursHistoryEvent[]): { events: number; chars: number } {
  let chars = 0
  for (const event of history) {
    chars += event.type.length
    for (const key in event) {
      if (!key.endsWith('EventDetails')) continue
      const details = (event as unknown as Record<string, Record<string, unknown> | undefined>)[key]
      for (const field in details) {
        const value = details[field]
        if (typeof value === 'string') chars += value.length
      }
    }
  }
  return { events: history.length, chars }
}

const CHAIN_LENGTH = 1_000
const CHAIN_RUNS = 6
const PARALLEL_RUNS = 400

async function chainMetrics(execute: Execute): Promise<Metric[]> {
  checkResult('Pass chain', await execute({ id: 1 }), { id: 1, last: CHAIN_LENGTH })
  await sequential(execute, () => ({ id: 1 }), 5)
  const timing = await medianBatch(BATCHES, () =>
    sequential(execute, (i) => ({ id: i }), CHAIN_RUNS),
  )
  return batchMetrics('transition', CHAIN_RUNS * CHAIN_LENGTH, timing)
}

async function parallelMetrics(execute: Execute): Promise<Metric[]> {
  checkResult(
    'Parallel 10×10',
    await execute({ id: 1 }),
    Array.from({ length: 10 }, () => ({ id: 1, last: 10 })),
  )
  await sequential(execute, () => ({ id: 1 }), 200)
  const timing = await medianBatch(BATCHES, () =>
    sequential(execute, (i) => ({ id: i }), PARALLEL_RUNS),
  )
  return batchMetrics('execution', PARALLEL_RUNS, timing)
}

const RETRY_WAIT_RUNS = 50

/** Runs the flaky workflow; returns wall time per execution and, for ours, the simulated time. */
async function retryWaitMetrics(
  execute: (input: { id: number }) => Promise<{ output: unknown; simulatedMs?: number }>,
  runs: number,
): Promise<Metric[]> {
  const first = await execute({ id: -1 })
  checkResult('Retry/Wait', first.output, { id: -1, flaky: { ok: true, attempts: 3 } })
  let id = 0
  const timing = await timed(async () => {
    for (let i = 0; i < runs; i++) await execute({ id: id++ })
  })
  return [
    { name: 'wall per execution', unit: 'ms', better: 'lower', value: timing.wallMs / runs },
    { name: 'cpu per execution', unit: 'ms', better: 'lower', value: timing.cpuMs / runs },
    ...(first.simulatedMs === undefined
      ? []
      : [
          {
            name: 'simulated time per execution',
            unit: 's',
            better: 'higher' as const,
            value: first.simulatedMs / 1000,
          },
        ]),
  ]
}

export const runtimeScenarios: Scenario[] = [
  {
    name: 'ecommerce',
    group: 'runtime',
    title: 'E-commerce workflow (3 Lambda tasks, Retry, Catch, Choice): executions/s',
    peerName: PEER,
    ours: async () =>
      ecommerceMetrics(
        (await oursExecutor(ecommerceDefinition, { handlers: ecommerceHandlersByKey })).execute,
      ),
    peer: async () =>
      ecommerceMetrics(await peerExecutor(ecommerceDefinition, ecommerceHandlersByKey)),
  },
  mapScenario(1_000, '1k'),
  mapScenario(10_000, '10k'),
  mapScenario(100_000, '100k'),
  {
    name: 'pass-chain',
    group: 'runtime',
    title: '1,000-state Pass chain: time per transition',
    peerName: PEER,
    ours: async () => chainMetrics((await oursExecutor(passChainDefinition(CHAIN_LENGTH))).execute),
    peer: async () => chainMetrics(await peerExecutor(passChainDefinition(CHAIN_LENGTH))),
  },
  {
    name: 'parallel',
    group: 'runtime',
    title: 'Parallel of 10 branches × 10 Pass states: time per execution',
    peerName: PEER,
    ours: async () => parallelMetrics((await oursExecutor(parallelDefinition(10, 10))).execute),
    peer: async () => parallelMetrics(await peerExecutor(parallelDefinition(10, 10))),
  },
  {
    name: 'retry-wait',
    group: 'runtime',
    title: `Retry (2 failures, 1 s + 2 s back-off) and a 2 s Wait: ${RETRY_WAIT_SECONDS} s of waiting on AWS`,
    peerName: PEER,
    // The peer really sleeps: one execution per process is enough.
    runs: { peer: 2 },
    async ours() {
      const { runOurs } = await import('../ours/runtime.ts')
      const handlers = { Flaky: flakyHandler() }
      return retryWaitMetrics(async (input) => {
        const execution = await runOurs(retryWaitDefinition, input, { handlers })
        if (execution.status !== 'SUCCEEDED')
          throw new Error(`Retry/Wait ${execution.status}: ${execution.cause}`)
        return { output: execution.output, simulatedMs: execution.elapsedMs }
      }, RETRY_WAIT_RUNS)
    },
    async peer() {
      const execute = await peerExecutor(retryWaitDefinition, { Flaky: flakyHandler() })
      return retryWaitMetrics(async (input) => ({ output: await execute(input) }), 1)
    },
  },
  {
    name: 'floor',
    group: 'runtime',
    title: 'The floor: the e-commerce work as plain function calls (peer) vs our runtime',
    peerName: 'plain function calls',
    ours: async () =>
      ecommerceMetrics(
        (await oursExecutor(ecommerceDefinition, { handlers: ecommerceHandlersByKey })).execute,
      ),
    peer: async () => ecommerceMetrics(ecommerceAsPlainCalls),
  },
]
