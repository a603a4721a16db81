/** Summary statistics of one metric over the fresh processes of a scenario. */

export interface Summary {
  readonly median: number
  readonly min: number
  readonly max: number
  readonly count: number
}

/** Whether a bigger value of a metric is the better one (executions/s) or the smaller (ms, MB). */
export type Better = 'higher' | 'lower'

/** The median of `values` (mean of the two middle values for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

export function summarize(values: readonly number[]): Summary {
  return {
    median: median(values),
    min: values.length === 0 ? Number.NaN : Math.min(...values),
    max: values.length === 0 ? Number.NaN : Math.max(...values),
    count: values.length,
  }
}

/**
 * How many times better ours is than the peer: ours/peer for higher-is-better metrics, peer/ours for
 * lower-is-better ones, so that a ratio above 1 always means we win. Null when either side is missing
 * or the division means nothing (a zero).
 */
export function advantage(ours: number | null, peer: number | null, better: Better): number | null {
  if (ours === null || peer === null || !Number.isFinite(ours) || !Number.isFinite(peer))
    return null
  const [numerator, denominator] = better === 'higher' ? [ours, peer] : [peer, ours]
  if (denominator === 0) return null
  return numerator / denominator
}

/** A figure rounded to 3 significant digits (whole numbers from 1,000 up), for tables and JSON alike. */
export function round(value: number): number {
  if (!Number.isFinite(value) || value === 0) return value
  if (Math.abs(value) >= 1000) return Math.round(value)
  const digits = 3 - Math.ceil(Math.log10(Math.abs(value)))
  const factor = 10 ** Math.max(0, digits)
  return Math.round(value * factor) / factor
}
