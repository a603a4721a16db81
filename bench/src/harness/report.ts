import type { Metric, Side } from './scenario.ts'
import { advantage, round, summarize, type Better, type Summary } from './stats.ts'

/** What one child process reported: its metrics, or why it failed. */
export type ChildOutcome =
  | { readonly ok: true; readonly metrics: readonly Metric[] }
  | { readonly ok: false; readonly error: string }

/** Every outcome of one scenario, by side, in the order the processes ran. */
export interface ScenarioOutcomes {
  readonly scenario: string
  readonly peerName: string
  readonly ours: readonly ChildOutcome[]
  readonly peer: readonly ChildOutcome[]
}

/**
 * One line of `pnpm bench --json`. `ours` and `peer` are medians over the fresh processes; `ratio` is
 * how many times better ours is (above 1: ours wins), see `advantage()`. The rest is detail for readers.
 */
export interface Row {
  readonly scenario: string
  readonly metric: string
  readonly ours: number | null
  readonly peer: number | null
  readonly ratio: number | null
  readonly unit: string
  readonly better: Better
  readonly peerName: string
  readonly oursRange: readonly [number, number] | null
  readonly peerRange: readonly [number, number] | null
  readonly runs: { readonly ours: number; readonly peer: number }
  readonly errors?: Partial<Record<Side, string>>
}

interface MetricInfo {
  readonly unit: string
  readonly better: Better
}

/** Turns the outcomes of one scenario into rows: one per metric, medians and ranges per side. */
export function aggregate(outcomes: ScenarioOutcomes): Row[] {
  const info = new Map<string, MetricInfo>()
  const values: Record<Side, Map<string, number[]>> = { ours: new Map(), peer: new Map() }
  for (const side of ['ours', 'peer'] as const) {
    for (const outcome of outcomes[side]) {
      if (!outcome.ok) continue
      for (const metric of outcome.metrics) {
        if (!info.has(metric.name))
          info.set(metric.name, { unit: metric.unit, better: metric.better })
        const list = values[side].get(metric.name) ?? []
        list.push(metric.value)
        values[side].set(metric.name, list)
      }
    }
  }
  const errors = firstErrors(outcomes)
  if (info.size === 0) {
    return [
      {
        scenario: outcomes.scenario,
        metric: 'failed',
        ours: null,
        peer: null,
        ratio: null,
        unit: '',
        better: 'lower',
        peerName: outcomes.peerName,
        oursRange: null,
        peerRange: null,
        runs: { ours: 0, peer: 0 },
        ...(errors === undefined ? {} : { errors }),
      },
    ]
  }
  return [...info].map(([metric, { unit, better }]) => {
    const ours = summaryOrNull(values.ours.get(metric))
    const peer = summaryOrNull(values.peer.get(metric))
    return {
      scenario: outcomes.scenario,
      metric,
      ours: ours && round(ours.median),
      peer: peer && round(peer.median),
      ratio: roundOrNull(advantage(ours?.median ?? null, peer?.median ?? null, better)),
      unit,
      better,
      peerName: outcomes.peerName,
      oursRange: ours && [round(ours.min), round(ours.max)],
      peerRange: peer && [round(peer.min), round(peer.max)],
      runs: { ours: ours?.count ?? 0, peer: peer?.count ?? 0 },
      ...(errors === undefined ? {} : { errors }),
    }
  })
}

function summaryOrNull(values: readonly number[] | undefined): Summary | null {
  return values === undefined || values.length === 0 ? null : summarize(values)
}

function roundOrNull(value: number | null): number | null {
  return value === null ? null : round(value)
}

function firstErrors(outcomes: ScenarioOutcomes): Partial<Record<Side, string>> | undefined {
  const errors: Partial<Record<Side, string>> = {}
  for (const side of ['ours', 'peer'] as const) {
    const failed = outcomes[side].find((outcome) => !outcome.ok)
    if (failed !== undefined && !failed.ok) errors[side] = failed.error
  }
  return Object.keys(errors).length === 0 ? undefined : errors
}

/**
 * Rows computed across scenarios: how Map's wall time and peak RSS grow from 10,000 to 100,000 items
 * (linear would be 10×; the bar allows 11×).
 */
export function deriveRows(rows: readonly Row[]): Row[] {
  const derived: Row[] = []
  for (const [metric, label] of [
    ['map: wall', 'growth 10k→100k, wall'],
    ['map: cpu', 'growth 10k→100k, cpu'],
    ['peak RSS', 'growth 10k→100k, peak RSS'],
  ] as const) {
    const small = rows.find((row) => row.scenario === 'map-10k' && row.metric === metric)
    const large = rows.find((row) => row.scenario === 'map-100k' && row.metric === metric)
    if (small === undefined || large === undefined) continue
    const growth = (a: number | null, b: number | null): number | null =>
      a === null || b === null || a === 0 ? null : round(b / a)
    const ours = growth(small.ours, large.ours)
    const peer = growth(small.peer, large.peer)
    derived.push({
      scenario: 'map',
      metric: label,
      ours,
      peer,
      ratio: roundOrNull(advantage(ours, peer, 'lower')),
      unit: '×',
      better: 'lower',
      peerName: large.peerName,
      oursRange: null,
      peerRange: null,
      runs: {
        ours: Math.min(small.runs.ours, large.runs.ours),
        peer: Math.min(small.runs.peer, large.runs.peer),
      },
    })
  }
  return derived
}

/** A figure for the table: thousands separated, `—` when missing. */
export function formatNumber(value: number | null): string {
  if (value === null || Number.isNaN(value)) return '—'
  return value.toLocaleString('en-US', { maximumFractionDigits: 3 })
}

function cell(median: number | null, range: readonly [number, number] | null): string {
  if (median === null) return '—'
  if (range === null || range[0] === range[1]) return formatNumber(median)
  return `${formatNumber(median)} (${formatNumber(range[0])}–${formatNumber(range[1])})`
}

/** The human report: one aligned table, the scenario named on its first row. */
export function formatTable(rows: readonly Row[]): string {
  const header = [
    'scenario',
    'metric',
    'unit',
    'ours: median (min–max)',
    'peer: median (min–max)',
    'ratio',
    'peer',
  ]
  const lines: string[][] = [header]
  let previous = ''
  for (const row of rows) {
    lines.push([
      row.scenario === previous ? '' : row.scenario,
      row.metric,
      row.unit,
      cell(row.ours, row.oursRange),
      cell(row.peer, row.peerRange),
      row.ratio === null ? '—' : `${formatNumber(row.ratio)}×`,
      row.scenario === previous ? '' : row.peerName,
    ])
    previous = row.scenario
  }
  const widths = header.map((_, column) =>
    Math.max(...lines.map((line) => (line[column] ?? '').length)),
  )
  const render = (line: string[]): string =>
    line
      .map((text, column) => text.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd()
  const rule = widths.map((width) => '-'.repeat(width)).join('  ')
  return [render(header), rule, ...lines.slice(1).map(render)].join('\n')
}

/** The failures, one paragraph per scenario and side, for the end of the human report. */
export function formatErrors(rows: readonly Row[]): string {
  const seen = new Set<string>()
  const out: string[] = []
  for (const row of rows) {
    for (const [side, error] of Object.entries(row.errors ?? {})) {
      const key = `${row.scenario}/${side}`
      if (seen.has(key)) continue
      seen.add(key)
      out.push(`${row.scenario} (${side}) failed: ${error}`)
    }
  }
  return out.join('\n')
}

/** The report as a Markdown table (for BENCHMARKS.md), the same cells as the terminal table. */
export function formatMarkdown(rows: readonly Row[]): string {
  const lines = [
    '| scenario | metric | unit | ours: median (min–max) | peer: median (min–max) | ratio | peer |',
    '| --- | --- | --- | ---: | ---: | ---: | --- |',
  ]
  let previous = ''
  for (const row of rows) {
    const first = row.scenario !== previous
    lines.push(
      `| ${first ? row.scenario : ''} | ${row.metric} | ${row.unit} | ${cell(row.ours, row.oursRange)} | ` +
        `${cell(row.peer, row.peerRange)} | ${row.ratio === null ? '—' : `${formatNumber(row.ratio)}×`} | ` +
        `${first ? row.peerName : ''} |`,
    )
    previous = row.scenario
  }
  return lines.join('\n')
}
