import type { Row } from './report.ts'
import { formatNumber } from './report.ts'
import { round } from './stats.ts'

/** One bar of DESIGN.md §4, checked against a row of the report. */
export interface Bar {
  readonly label: string
  readonly scenario: string
  readonly metric: string
  /** `ratio ≥ limit` (ours is `limit` times better), or ours' median `≤ limit` in the row's unit. */
  readonly check: 'ratio-at-least' | 'ours-at-most'
  readonly limit: number
  /** The same figure in CPU time, shown beside: on a shared machine wall time also measures the neighbours. */
  readonly cpuMetric?: string
}

export interface BarResult {
  readonly bar: Bar
  readonly status: 'met' | 'missed' | 'not measured'
  /** The measured figure (a ratio or ours' median), null when not measured. */
  readonly value: number | null
  /** How far from the bar: "by 2.3×" when missed, the margin when met. */
  readonly detail: string
  /** The unit of the row the bar reads (ms, MB, …; × for ratios). */
  readonly unit?: string
  /** The same check on CPU time, when the bar names a CPU metric and it was measured. */
  readonly cpu?: { readonly value: number; readonly met: boolean }
}

export const bars: readonly Bar[] = [
  {
    label: 'e-commerce sequential exec/s ≥ 10× aws-local-stepfunctions',
    scenario: 'ecommerce',
    metric: 'sequential: ops/s',
    check: 'ratio-at-least',
    limit: 10,
    cpuMetric: 'sequential: cpu per op',
  },
  {
    label: 'Map 100,000 items with history < 1 s',
    scenario: 'map-100k',
    metric: 'map: wall',
    check: 'ours-at-most',
    limit: 1000,
    cpuMetric: 'map: cpu',
  },
  {
    label: 'Map 100,000 items peak RSS < 500 MB',
    scenario: 'map-100k',
    metric: 'peak RSS',
    check: 'ours-at-most',
    limit: 500,
  },
  {
    label: 'Map 10k → 100k wall time grows ≤ 11×',
    scenario: 'map',
    metric: 'growth 10k→100k, wall',
    check: 'ours-at-most',
    limit: 11,
    cpuMetric: 'growth 10k→100k, cpu',
  },
  {
    label: '1,000-state build + compile ≤ 30 ms warm',
    scenario: 'compile-1000',
    metric: 'build+compile: wall per op',
    check: 'ours-at-most',
    limit: 30,
    cpuMetric: 'build+compile: cpu per op',
  },
  {
    label: '1,000-state build + compile ≥ 3× faster than CDK rendering',
    scenario: 'compile-1000',
    metric: 'build+compile: wall per op',
    check: 'ratio-at-least',
    limit: 3,
    cpuMetric: 'build+compile: cpu per op',
  },
  {
    label: 'tsc check time, 1,000 typed states ≤ 2× CDK',
    scenario: 'tsc-1000',
    metric: 'tsc: check time',
    check: 'ratio-at-least',
    limit: 0.5,
  },
  {
    label: 'tsc, 2,000 typed states: no depth errors',
    scenario: 'tsc-2000',
    metric: 'tsc: depth errors (TS2589)',
    check: 'ours-at-most',
    limit: 0,
  },
  {
    label: 'validation of 1,000 states ≥ 5× faster than asl-validator',
    scenario: 'validate-1000',
    metric: 'validate: wall per op',
    check: 'ratio-at-least',
    limit: 5,
    cpuMetric: 'validate: cpu per op',
  },
  {
    // 5 s of back-off and Wait per execution on AWS; anything near that would be real sleeping.
    label: 'Retry/Wait in tests: no wall-clock sleeping (5 s of back-off and Wait) by default',
    scenario: 'retry-wait',
    metric: 'wall per execution',
    check: 'ours-at-most',
    limit: 50,
  },
]

/** Checks every bar whose row is in the report. */
export function checkBars(rows: readonly Row[], list: readonly Bar[] = bars): BarResult[] {
  return list.map((bar) => {
    const result = withCpu(bar, rows, checkBar(bar, rows))
    const row = rows.find(
      (candidate) => candidate.scenario === bar.scenario && candidate.metric === bar.metric,
    )
    const unit = bar.check === 'ratio-at-least' ? '×' : row?.unit
    return unit === undefined ? result : { ...result, unit }
  })
}

function withCpu(bar: Bar, rows: readonly Row[], result: BarResult): BarResult {
  if (bar.cpuMetric === undefined || result.status === 'not measured') return result
  const row = rows.find(
    (candidate) => candidate.scenario === bar.scenario && candidate.metric === bar.cpuMetric,
  )
  const value = row === undefined ? null : bar.check === 'ratio-at-least' ? row.ratio : row.ours
  if (value === null) return result
  return {
    ...result,
    cpu: { value, met: bar.check === 'ratio-at-least' ? value >= bar.limit : value <= bar.limit },
  }
}

function checkBar(bar: Bar, rows: readonly Row[]): BarResult {
  const row = rows.find(
    (candidate) => candidate.scenario === bar.scenario && candidate.metric === bar.metric,
  )
  const value = row === undefined ? null : bar.check === 'ratio-at-least' ? row.ratio : row.ours
  if (value === null) return { bar, status: 'not measured', value: null, detail: '' }
  if (bar.check === 'ratio-at-least') {
    const met = value >= bar.limit
    return {
      bar,
      status: met ? 'met' : 'missed',
      value,
      detail: met
        ? `${formatNumber(value)}×`
        : `${formatNumber(value)}×, missed by ${formatNumber(round(bar.limit / value))}×`,
    }
  }
  const met = value <= bar.limit
  const unit = row?.unit ?? ''
  const by =
    bar.limit === 0 ? `${formatNumber(value)}` : `${formatNumber(round(value / bar.limit))}×`
  return {
    bar,
    status: met ? 'met' : 'missed',
    value,
    detail: met
      ? `${formatNumber(value)} ${unit}`
      : `${formatNumber(value)} ${unit}, missed by ${by}`,
  }
}

export function formatBars(results: readonly BarResult[]): string {
  return results
    .filter((result) => result.status !== 'not measured')
    .map((result) => {
      const verdict = result.status === 'met' ? 'met   ' : 'MISSED'
      const suffix = result.bar.check === 'ratio-at-least' ? '×' : ''
      const cpu =
        result.cpu === undefined
          ? ''
          : ` (in CPU time: ${formatNumber(result.cpu.value)}${suffix}, ${result.cpu.met ? 'met' : 'missed'})`
      return `  ${verdict}  ${result.bar.label}: ${result.detail}${cpu}`
    })
    .join('\n')
}

/** The bars as a Markdown table (for BENCHMARKS.md): the figure in wall time, in CPU time, the verdict. */
export function formatBarsMarkdown(results: readonly BarResult[]): string {
  const lines = [
    '| bar (`DESIGN.md` §4) | measured | in CPU time | verdict |',
    '| --- | ---: | ---: | --- |',
  ]
  for (const result of results) {
    if (result.status === 'not measured') continue
    const unit = result.unit === undefined ? '' : result.unit === '×' ? '×' : ` ${result.unit}`
    const value = result.value === null ? '—' : `${formatNumber(result.value)}${unit}`
    const cpu = result.cpu === undefined ? '' : `${formatNumber(result.cpu.value)}${unit}`
    const verdict =
      result.status === 'met'
        ? `met${result.cpu !== undefined && !result.cpu.met ? ' (missed in CPU time)' : ''}`
        : `**missed** ${result.detail.slice(result.detail.indexOf('by '))}${
            result.cpu === undefined ? '' : result.cpu.met ? ' (met in CPU time)' : ''
          }`
    lines.push(`| ${result.bar.label} | ${value} | ${cpu} | ${verdict} |`)
  }
  return lines.join('\n')
}
