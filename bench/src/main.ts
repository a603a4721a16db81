/**
 * `pnpm bench [name…] [--json] [--runs N]`: runs each selected scenario, ours and the peer side by side,
 * in several fresh child processes, and prints medians with min–max and the ratio (above 1: ours wins).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { checkBars, formatBars, formatBarsMarkdown } from './harness/bars.ts'
import { busyMs, formatHotFunctions, hotFunctions, type CpuProfile } from './harness/profile.ts'
import {
  aggregate,
  deriveRows,
  formatErrors,
  formatMarkdown,
  formatTable,
  type ChildOutcome,
  type Row,
} from './harness/report.ts'
import type { Side } from './harness/scenario.ts'
import { runChild } from './harness/spawn.ts'
import { scenarios, selectScenarios } from './scenarios/index.ts'

interface Options {
  readonly names: string[]
  readonly format: 'table' | 'json' | 'markdown'
  readonly out: string | undefined
  readonly from: string | undefined
  readonly runs: number
  readonly timeoutSeconds: number
  readonly sides: readonly Side[]
  readonly profile: boolean
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url))

const usage = `Usage: pnpm bench [name…] [--json | --markdown] [--out FILE | --from FILE] [--runs N] [--timeout S]
                  [--ours-only | --peer-only] [--profile] [--list]

Runs each scenario (or those named: a scenario or a group) in N fresh processes per side (default 5),
ours and the peer alternately, and prints medians with min–max; ratio = how many times better ours is.
--json prints one JSON array of { scenario, metric, ours, peer, ratio, … } on stdout (progress on stderr);
use \`pnpm -s bench --json\` so that pnpm prints no banner before it.
--markdown prints the report as Markdown (for BENCHMARKS.md); --out FILE also writes the JSON array to FILE;
--from FILE prints the report of such a file again, without running anything.
--profile records a V8 CPU profile of each process under bench/.tmp/profiles and prints its hottest functions.`

function parseArgs(argv: readonly string[]): Options | 'help' | 'list' {
  const names: string[] = []
  let format: Options['format'] = 'table'
  let out: string | undefined
  let from: string | undefined
  let runs = 5
  let timeoutSeconds = 600
  let sides: Side[] = ['ours', 'peer']
  let profile = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--') continue
    if (arg === '--help' || arg === '-h') return 'help'
    if (arg === '--list') return 'list'
    if (arg === '--json') format = 'json'
    else if (arg === '--markdown') format = 'markdown'
    else if (arg === '--out' || arg === '--from') {
      const file = argv[++i]
      if (file === undefined || file.startsWith('-'))
        throw new UsageError(`${arg} needs a file name.`)
      if (arg === '--out') out = file
      else from = file
    } else if (arg === '--profile') profile = true
    else if (arg === '--ours-only') sides = ['ours']
    else if (arg === '--peer-only') sides = ['peer']
    else if (arg === '--runs' || arg === '--timeout') {
      const value = Number(argv[++i])
      if (!Number.isInteger(value) || value < 1)
        throw new UsageError(`${arg} needs a whole number of at least 1.`)
      if (arg === '--runs') runs = value
      else timeoutSeconds = value
    } else if (arg.startsWith('-')) throw new UsageError(`Unknown option '${arg}'.`)
    else names.push(arg)
  }
  return { names, format, out, from, runs, timeoutSeconds, sides, profile }
}

class UsageError extends Error {}

function log(message: string): void {
  process.stderr.write(`${message}\n`)
}

function main(argv: readonly string[]): number {
  let options: ReturnType<typeof parseArgs>
  try {
    options = parseArgs(argv)
  } catch (error) {
    log(`${(error as Error).message}\n\n${usage}`)
    return 2
  }
  if (options === 'help') {
    process.stdout.write(`${usage}\n`)
    return 0
  }
  if (options === 'list') {
    for (const scenario of scenarios) {
      process.stdout.write(
        `${scenario.name.padEnd(16)} ${scenario.title} (peer: ${scenario.peerName})\n`,
      )
    }
    return 0
  }
  const selected = selectScenarios(options.names)
  if (selected.unknown.length > 0) {
    log(`Unknown scenario '${selected.unknown.join("', '")}'. Run 'pnpm bench --list' to see them.`)
    return 2
  }

  const loadBefore = loadavg()[0] ?? 0
  const rows: Row[] =
    options.from === undefined ? [] : (JSON.parse(readFileSync(options.from, 'utf8')) as Row[])
  const profiles: string[] = []
  const profileDir = join(repoRoot, 'bench', '.tmp', 'profiles')
  if (options.profile) mkdirSync(profileDir, { recursive: true })
  for (const scenario of options.from === undefined ? selected.scenarios : []) {
    const outcomes: Record<Side, ChildOutcome[]> = { ours: [], peer: [] }
    const runsOf = (side: Side): number =>
      !options.sides.includes(side) || (side === 'peer' && scenario.peer === undefined)
        ? 0
        : Math.min(options.runs, scenario.runs?.[side] ?? options.runs)
    const total = Math.max(runsOf('ours'), runsOf('peer'))
    for (let run = 0; run < total; run++) {
      for (const side of ['ours', 'peer'] as const) {
        if (run >= runsOf(side)) continue
        log(`${scenario.name}: ${side} ${run + 1}/${runsOf(side)}`)
        const dir = options.profile
          ? join(profileDir, `${scenario.name}-${side}-${run + 1}`)
          : undefined
        if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
        const outcome = runChild(scenario.name, side, options.timeoutSeconds * 1000, dir)
        if (!outcome.ok) log(`  failed: ${outcome.error.split('\n')[0]}`)
        if (dir !== undefined && run === 0) profiles.push(dir)
        outcomes[side].push(outcome)
      }
    }
    rows.push(...aggregate({ scenario: scenario.name, peerName: scenario.peerName, ...outcomes }))
  }
  if (options.from === undefined) rows.push(...deriveRows(rows))

  if (options.out !== undefined) writeFileSync(options.out, `${JSON.stringify(rows, null, 2)}\n`)
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`)
  } else {
    const errors = formatErrors(rows)
    const bars =
      options.format === 'markdown'
        ? formatBarsMarkdown(checkBars(rows))
        : formatBars(checkBars(rows))
    const table = options.format === 'markdown' ? formatMarkdown(rows) : formatTable(rows)
    if (options.from === undefined) process.stdout.write(`${machineNotes(loadBefore)}\n\n`)
    process.stdout.write(
      `${table}\n${bars ? `\nBars (DESIGN.md §4)\n${bars}\n` : ''}${errors ? `\n${errors}\n` : ''}`,
    )
    for (const dir of profiles) {
      // The busiest thread's profile is the main thread's; the others are loader workers.
      const busiest = readdirSync(dir)
        .map((file) => join(dir, file))
        .map((file) => ({ file, profile: JSON.parse(readFileSync(file, 'utf8')) as CpuProfile }))
        .sort((a, b) => busyMs(b.profile) - busyMs(a.profile))[0]
      if (busiest === undefined) continue
      const title = busiest.file.replace(repoRoot, '')
      process.stdout.write(
        `\n${formatHotFunctions(title, hotFunctions(busiest.profile, 20, repoRoot))}\n`,
      )
    }
  }
  return rows.some((row) => row.errors !== undefined) ? 1 : 0
}

/** What the figures depend on: the engine, the processor, and how busy the machine was. */
function machineNotes(loadBefore: number): string {
  const cpu = cpus()
  const model = cpu[0]?.model.trim() ?? 'unknown CPU'
  const memory = `${Math.round(totalmem() / 2 ** 30)} GiB`
  const load = `load average ${loadBefore.toFixed(2)} before, ${(loadavg()[0] ?? 0).toFixed(2)} after`
  return `Node ${process.version}, ${model} × ${cpu.length}, ${memory}; ${load}`
}

process.exitCode = main(process.argv.slice(2))
