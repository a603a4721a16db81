import { isDeepStrictEqual } from 'node:util'

import type { Better } from './stats.ts'
import type { Timing } from './measure.ts'

/** Which implementation a child process measures. */
export type Side = 'ours' | 'peer'

/** One figure a child process measured. */
export interface Metric {
  readonly name: string
  readonly unit: string
  readonly better: Better
  readonly value: number
}

/**
 * A benchmark scenario. Each side runs in its own fresh child process, several times; the parent takes
 * medians. A side returns every metric it measured; the harness adds the process's peak RSS.
 */
export interface Scenario {
  /** `pnpm bench <name>` selects scenarios whose name or group equals the argument. */
  readonly name: string
  readonly group: string
  readonly title: string
  /** What "peer" means in this scenario (a tool, or "plain function calls" for the floor). */
  readonly peerName: string
  readonly ours: () => Promise<Metric[]>
  readonly peer?: () => Promise<Metric[]>
  /** Fewer fresh processes for a side that takes minutes (the peer's Map over 100,000 items). */
  readonly runs?: Partial<Record<Side, number>>
}

/** Metrics of a timed batch of `count` operations: per-operation wall and CPU time, and the rate. */
export function batchMetrics(label: string, count: number, timing: Timing): Metric[] {
  return [
    {
      name: `${label}: ops/s`,
      unit: 'ops/s',
      better: 'higher',
      value: (count * 1000) / timing.wallMs,
    },
    {
      name: `${label}: wall per op`,
      unit: 'µs',
      better: 'lower',
      value: (timing.wallMs * 1000) / count,
    },
    {
      name: `${label}: cpu per op`,
      unit: 'µs',
      better: 'lower',
      value: (timing.cpuMs * 1000) / count,
    },
  ]
}

/** Metrics of one timed region: wall and CPU milliseconds. */
export function regionMetrics(label: string, timing: Timing): Metric[] {
  return [
    { name: `${label}: wall`, unit: 'ms', better: 'lower', value: timing.wallMs },
    { name: `${label}: cpu`, unit: 'ms', better: 'lower', value: timing.cpuMs },
  ]
}

/** Thrown when a side checks its own result and finds it wrong: a fast wrong answer is no benchmark. */
export class WrongResultError extends Error {
  override readonly name = 'WrongResultError'
}

/** Fails the run when `actual` is not deep-equal to `expected` (key order aside). */
export function checkResult(what: string, actual: unknown, expected: unknown): void {
  if (isDeepStrictEqual(actual, expected)) return
  const show = (value: unknown): string => String(JSON.stringify(value)).slice(0, 400)
  throw new WrongResultError(
    `${what} returned a wrong result.\n  expected: ${show(expected)}\n  actual:   ${show(actual)}`,
  )
}
