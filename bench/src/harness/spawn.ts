import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

import type { ChildOutcome } from './report.ts'
import type { Metric, Side } from './scenario.ts'

const childScript = fileURLToPath(new URL('../child.ts', import.meta.url))

/**
 * Runs one side of one scenario in a fresh Node process with this process's loader flags (tsx and the
 * `@statewright/source` condition), so no JIT state, module cache or heap carries over between runs.
 */
export function runChild(
  scenario: string,
  side: Side,
  timeoutMs: number,
  profileDir?: string,
): ChildOutcome {
  // One profile per thread (tsx's loader runs on a worker): a folder per process keeps them apart.
  const profiling = profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, ...profiling, childScript, scenario, side],
    {
      encoding: 'utf8',
      timeout: timeoutMs,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NODE_ENV: 'production' },
    },
  )
  return parseChildOutput(child.stdout ?? '', child.stderr ?? '', child.status, child.signal)
}

/** Reads the child's result line; anything else on stdout is the measured code's own output. */
export function parseChildOutput(
  stdout: string,
  stderr: string,
  status: number | null,
  signal: string | null,
): ChildOutcome {
  const lines = stdout.split('\n')
  const result = lines.find((line) => line.startsWith('BENCH_RESULT '))
  if (result !== undefined && status === 0) {
    return { ok: true, metrics: JSON.parse(result.slice('BENCH_RESULT '.length)) as Metric[] }
  }
  const error = lines.find((line) => line.startsWith('BENCH_ERROR '))
  if (error !== undefined)
    return { ok: false, error: JSON.parse(error.slice('BENCH_ERROR '.length)) as string }
  const why =
    signal !== null ? `killed by ${signal} (timeout or out of memory)` : `exit code ${status}`
  const tail = stderr.trim().split('\n').slice(-5).join('\n')
  return {
    ok: false,
    error: `the child process ended without a result: ${why}${tail ? `\n${tail}` : ''}`,
  }
}
