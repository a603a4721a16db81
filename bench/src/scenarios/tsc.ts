import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  existsSync,
  renameSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

import { childrenCpuMs } from '../harness/measure.ts'
import type { Metric, Scenario } from '../harness/scenario.ts'
import { cdkSource } from '../workloads/cdk-source.ts'
import { dslSource } from '../workloads/dsl.ts'

/**
 * Scenario 5: `tsc --extendedDiagnostics` (TypeScript 7, the repo's) on a generated typed workflow of n
 * states, ours against the equivalent CDK code. Ours is checked the way a user of the published package
 * checks it: against the declaration files of @statewright/dsl and @statewright/asl (built once, cached),
 * not their sources.
 */

const benchDir = fileURLToPath(new URL('../../', import.meta.url))
const repoDir = join(benchDir, '..')
const tmpDir = join(benchDir, '.tmp')
const require = createRequire(import.meta.url)
const tscBin = join(dirname(require.resolve('typescript/package.json')), 'bin', 'tsc')

/** What `--extendedDiagnostics` printed, plus the errors and the process's own cost. */
export interface TscReport {
  readonly checkSeconds: number
  readonly totalSeconds: number
  readonly instantiations: number
  readonly types: number
  readonly memoryKb: number
  readonly errors: readonly { readonly code: number; readonly text: string }[]
}

/** Parses tsc's `--extendedDiagnostics` table and its `error TSxxxx` lines. */
export function parseTscOutput(output: string): TscReport {
  const field = (name: string): number => {
    const match = new RegExp(`^${name}:\\s+([\\d.]+)`, 'm').exec(output)
    if (match === null) throw new Error(`tsc printed no '${name}' line:\n${output.slice(0, 1200)}`)
    return Number(match[1])
  }
  const errors = [...output.matchAll(/error TS(\d+): (.*)/g)].map((m) => ({
    code: Number(m[1]),
    text: m[2] ?? '',
  }))
  return {
    checkSeconds: field('Check time'),
    totalSeconds: field('Total time'),
    instantiations: field('Instantiations'),
    types: field('Types'),
    memoryKb: field('Memory used'),
    errors,
  }
}

// "Type instantiation is excessively deep", "too complex to represent", "excessive stack depth".
const DEPTH_ERRORS = new Set([2589, 2590, 2321])

function runTsc(project: string): { report: TscReport; wallMs: number; cpuMs: number | null } {
  const readStat = (): string => readFileSync('/proc/self/stat', 'utf8')
  const cpuBefore = childrenCpuMs(readStat)
  const started = performance.now()
  const result = spawnSync(
    process.execPath,
    [tscBin, '-p', project, '--extendedDiagnostics', '--pretty', 'false'],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  )
  const wallMs = performance.now() - started
  const cpuAfter = childrenCpuMs(readStat)
  const report = parseTscOutput(`${result.stdout}\n${result.stderr}`)
  return {
    report,
    wallMs,
    cpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(
      (entry) => entry.isFile() && /\.ts$/.test(entry.name) && !/\.test(-d)?\.ts$/.test(entry.name),
    )
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
}

/**
 * Declarations of @statewright/asl and @statewright/dsl as `pnpm build` would emit them, under a folder
 * named by a hash of their sources, so repeated runs reuse them. Built in a scratch folder and renamed,
 * so a concurrent run never sees half of it.
 */
function declarations(): string {
  const packages = ['asl', 'dsl'] as const
  const hash = createHash('sha256')
  for (const name of packages) {
    for (const file of filesUnder(join(repoDir, 'packages', name, 'src')))
      hash.update(file).update(readFileSync(file))
  }
  const target = join(tmpDir, `declarations-${hash.digest('hex').slice(0, 16)}`)
  if (existsSync(target)) return target
  const scratch = `${target}.${process.pid}`
  for (const name of packages) {
    const result = spawnSync(
      process.execPath,
      [
        tscBin,
        '-p',
        join(repoDir, 'packages', name, 'tsconfig.build.json'),
        '--outDir',
        join(scratch, name),
        '--emitDeclarationOnly',
        '--declarationMap',
        'false',
      ],
      { encoding: 'utf8' },
    )
    // Type errors elsewhere in a package in progress do not stop declaration emit; a missing entry does.
    if (!existsSync(join(scratch, name, 'index.d.ts'))) {
      throw new Error(
        `Building the declarations of @statewright/${name} failed:\n${result.stdout}${result.stderr}`.slice(
          0,
          2000,
        ),
      )
    }
  }
  renameSync(scratch, target)
  return target
}

function writeProject(side: 'ours' | 'peer', n: number): string {
  const project = join(tmpDir, `tsc-${side}-${n}-${process.pid}`)
  rmSync(project, { recursive: true, force: true })
  mkdirSync(project, { recursive: true })
  const compilerOptions: Record<string, unknown> = {
    target: 'es2022',
    module: 'nodenext',
    moduleResolution: 'nodenext',
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  }
  if (side === 'ours') {
    const decl = relative(project, declarations())
    compilerOptions['paths'] = {
      '@statewright/asl': [`${decl}/asl/index.d.ts`],
      '@statewright/dsl': [`${decl}/dsl/index.d.ts`],
    }
  }
  writeFileSync(join(project, 'package.json'), '{ "type": "module" }\n')
  writeFileSync(
    join(project, 'tsconfig.json'),
    `${JSON.stringify({ compilerOptions, files: ['workflow.ts'] }, null, 2)}\n`,
  )
  writeFileSync(join(project, 'workflow.ts'), side === 'ours' ? dslSource(n) : cdkSource(n))
  return project
}

function tscMetrics(side: 'ours' | 'peer', n: number): Metric[] {
  const project = writeProject(side, n)
  try {
    const { report, wallMs, cpuMs } = runTsc(project)
    const depth = report.errors.filter((error) => DEPTH_ERRORS.has(error.code))
    const other = report.errors.filter((error) => !DEPTH_ERRORS.has(error.code))
    // Errors other than depth errors mean the generated code or the API it targets is wrong: no figure.
    if (other.length > 0 && depth.length === 0) {
      throw new Error(
        `The generated ${side} code does not type-check: TS${other[0]?.code} ${other[0]?.text}`,
      )
    }
    return [
      { name: 'tsc: check time', unit: 'ms', better: 'lower', value: report.checkSeconds * 1000 },
      { name: 'tsc: total time', unit: 'ms', better: 'lower', value: report.totalSeconds * 1000 },
      { name: 'tsc: instantiations', unit: 'count', better: 'lower', value: report.instantiations },
      { name: 'tsc: types', unit: 'count', better: 'lower', value: report.types },
      { name: 'tsc: memory used', unit: 'MB', better: 'lower', value: report.memoryKb / 1024 },
      { name: 'tsc process: wall', unit: 'ms', better: 'lower', value: wallMs },
      ...(cpuMs === null
        ? []
        : [{ name: 'tsc process: cpu', unit: 'ms', better: 'lower' as const, value: cpuMs }]),
      { name: 'tsc: depth errors (TS2589)', unit: 'count', better: 'lower', value: depth.length },
      { name: 'tsc: other errors', unit: 'count', better: 'lower', value: other.length },
    ]
  } finally {
    rmSync(project, { recursive: true, force: true })
  }
}

const tscScenario = (n: number): Scenario => ({
  name: `tsc-${n}`,
  group: 'tsc',
  title: `tsc (TypeScript 7) on a generated typed workflow of ${n.toLocaleString('en-US')} states vs the same in CDK`,
  peerName: 'aws-cdk-lib code',
  ours: async () => tscMetrics('ours', n),
  peer: async () => tscMetrics('peer', n),
})

export const tscScenarios: Scenario[] = [
  // Two states (one Task and the Fail state): what the libraries' own declarations cost on each side.
  {
    ...tscScenario(2),
    name: 'tsc-baseline',
    title: 'tsc on a 2-state workflow: the cost of loading each library',
  },
  tscScenario(100),
  tscScenario(1_000),
  tscScenario(2_000),
]
