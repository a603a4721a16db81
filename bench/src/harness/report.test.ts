import { describe, expect, test } from 'vitest'

import { checkBars, formatBars, formatBarsMarkdown } from './bars.ts'
import { aggregate, deriveRows, formatTable, type ChildOutcome } from './report.ts'
import type { Metric } from './scenario.ts'

const rate = (value: number): Metric => ({
  name: 'sequential: ops/s',
  unit: 'ops/s',
  better: 'higher',
  value,
})
const wall = (value: number): Metric => ({ name: 'map: wall', unit: 'ms', better: 'lower', value })
const ok = (...metrics: Metric[]): ChildOutcome => ({ ok: true, metrics })

describe('aggregate', () => {
  test('gives each metric the median and range of each side and the ratio in our favour', () => {
    const rows = aggregate({
      scenario: 'ecommerce',
      peerName: 'peer-tool',
      ours: [ok(rate(300)), ok(rate(100)), ok(rate(200))],
      peer: [ok(rate(20)), ok(rate(10)), ok(rate(30))],
    })

    expect(rows).toStrictEqual([
      {
        scenario: 'ecommerce',
        metric: 'sequential: ops/s',
        ours: 200,
        peer: 20,
        ratio: 10,
        unit: 'ops/s',
        better: 'higher',
        peerName: 'peer-tool',
        oursRange: [100, 300],
        peerRange: [10, 30],
        runs: { ours: 3, peer: 3 },
      },
    ])
  })

  test('keeps the first error of a side and the figures of the runs that worked', () => {
    const rows = aggregate({
      scenario: 'map-1k',
      peerName: 'peer-tool',
      ours: [{ ok: false, error: 'MissingApiError: no run()' }],
      peer: [ok(wall(50)), ok(wall(70))],
    })

    expect(rows).toMatchObject([
      {
        metric: 'map: wall',
        ours: null,
        peer: 60,
        ratio: null,
        errors: { ours: 'MissingApiError: no run()' },
      },
    ])
  })

  test('reports a scenario where every process failed as one failed row', () => {
    const rows = aggregate({
      scenario: 'parallel',
      peerName: 'peer-tool',
      ours: [{ ok: false, error: 'boom' }],
      peer: [],
    })

    expect(rows).toMatchObject([
      { scenario: 'parallel', metric: 'failed', ours: null, errors: { ours: 'boom' } },
    ])
  })

  test('rows have the keys --json promises', () => {
    const [row] = aggregate({
      scenario: 's',
      peerName: 'p',
      ours: [ok(rate(2))],
      peer: [ok(rate(1))],
    })

    expect(Object.keys(row ?? {})).toEqual(
      expect.arrayContaining(['scenario', 'metric', 'ours', 'peer', 'ratio']),
    )
    expect(JSON.parse(JSON.stringify(row))).toMatchObject({
      scenario: 's',
      metric: 'sequential: ops/s',
      ours: 2,
      peer: 1,
      ratio: 2,
    })
  })
})

describe('deriveRows', () => {
  test('computes the Map growth from 10,000 to 100,000 items on each side', () => {
    const rows = [
      ...aggregate({
        scenario: 'map-10k',
        peerName: 'p',
        ours: [ok(wall(40))],
        peer: [ok(wall(1600))],
      }),
      ...aggregate({
        scenario: 'map-100k',
        peerName: 'p',
        ours: [ok(wall(420))],
        peer: [ok(wall(32000))],
      }),
    ]

    expect(deriveRows(rows)).toMatchObject([
      { scenario: 'map', metric: 'growth 10k→100k, wall', ours: 10.5, peer: 20, unit: '×' },
    ])
  })

  test('derives nothing when a size is missing', () => {
    expect(
      deriveRows(aggregate({ scenario: 'map-10k', peerName: 'p', ours: [ok(wall(1))], peer: [] })),
    ).toStrictEqual([])
  })
})

describe('checkBars', () => {
  test('says by how much a ratio bar is missed and when a ceiling is met', () => {
    const rows = [
      ...aggregate({
        scenario: 'ecommerce',
        peerName: 'p',
        ours: [ok(rate(50))],
        peer: [ok(rate(10))],
      }),
      ...aggregate({ scenario: 'map-100k', peerName: 'p', ours: [ok(wall(800))], peer: [] }),
    ]

    const results = checkBars(rows).filter((result) => result.status !== 'not measured')

    expect(formatBars(results)).toMatchInlineSnapshot(`
      "  MISSED  e-commerce sequential exec/s ≥ 10× aws-local-stepfunctions: 5×, missed by 2×
        met     Map 100,000 items with history < 1 s: 800 ms"
    `)
  })
})

describe('checkBars in CPU time', () => {
  test('shows the CPU-time verdict beside the wall-time one', () => {
    const cpu = (value: number): Metric => ({
      name: 'sequential: cpu per op',
      unit: 'µs',
      better: 'lower',
      value,
    })
    const rows = aggregate({
      scenario: 'ecommerce',
      peerName: 'p',
      ours: [ok(rate(50), cpu(10))],
      peer: [ok(rate(10), cpu(120))],
    })

    const [result] = checkBars(rows).filter((r) => r.status !== 'not measured')

    expect(result).toMatchObject({ status: 'missed', value: 5, cpu: { value: 12, met: true } })
    expect(formatBars(result === undefined ? [] : [result])).toContain('(in CPU time: 12×, met)')
  })
})

describe('formatBarsMarkdown', () => {
  test('gives the wall and CPU figures and says by how much a bar is missed', () => {
    const cpu = (value: number): Metric => ({
      name: 'sequential: cpu per op',
      unit: 'µs',
      better: 'lower',
      value,
    })
    const rows = aggregate({
      scenario: 'ecommerce',
      peerName: 'p',
      ours: [ok(rate(50), cpu(20))],
      peer: [ok(rate(10), cpu(60))],
    })

    expect(formatBarsMarkdown(checkBars(rows)).split('\n')[2]).toBe(
      '| e-commerce sequential exec/s ≥ 10× aws-local-stepfunctions | 5× | 3× | **missed** by 2× |',
    )
  })
})

describe('formatTable', () => {
  test('aligns the columns and shows ranges, missing figures and ratios', () => {
    const rows = aggregate({
      scenario: 'ecommerce',
      peerName: 'peer-tool',
      ours: [ok(rate(300)), ok(rate(100))],
      peer: [],
    })

    expect(formatTable(rows)).toMatchInlineSnapshot(`
      "scenario   metric             unit   ours: median (min–max)  peer: median (min–max)  ratio  peer
      ---------  -----------------  -----  ----------------------  ----------------------  -----  ---------
      ecommerce  sequential: ops/s  ops/s  200 (100–300)           —                       —      peer-tool"
    `)
  })
})
