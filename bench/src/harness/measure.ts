/** Timing of one region of a child process: wall time beside the CPU time it used. */
import { median } from './stats.ts'

export interface Timing {
  readonly wallMs: number
  readonly cpuMs: number
}

/** Runs `work` once and returns its result with the wall and CPU (user + system) milliseconds spent. */
export async function timed<T>(work: () => T | Promise<T>): Promise<Timing & { result: T }> {
  const cpuBefore = process.cpuUsage()
  const wallBefore = performance.now()
  const result = await work()
  const wallMs = performance.now() - wallBefore
  const cpu = process.cpuUsage(cpuBefore)
  return { result, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 }
}

/** Peak resident set size of this process so far, in MB (the kernel's high-water mark). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024
}

/**
 * CPU time (user + system, ms) of the waited-for children of this process, from `/proc/self/stat`:
 * Node reports no rusage for child processes, and `tsc` runs as one. Null off Linux.
 */
export function childrenCpuMs(readStat: () => string): number | null {
  try {
    const stat = readStat()
    // Fields after the parenthesised command name; cutime and cstime are fields 16 and 17 (1-based).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const cutime = Number(fields[13])
    const cstime = Number(fields[14])
    if (!Number.isFinite(cutime) || !Number.isFinite(cstime)) return null
    return ((cutime + cstime) * 1000) / CLOCK_TICKS_PER_SECOND
  } catch {
    return null
  }
}

// USER_HZ is 100 on every Linux architecture Node supports; the kernel scales the values to it.
const CLOCK_TICKS_PER_SECOND = 100

/**
 * Runs `work` `batches` times and returns the median wall time and the median CPU time of a batch: on a
 * shared machine a neighbour's burst then spoils one batch, not the figure.
 */
export async function medianBatch(batches: number, work: () => unknown): Promise<Timing> {
  const wall: number[] = []
  const cpu: number[] = []
  for (let i = 0; i < batches; i++) {
    const timing = await timed(work)
    wall.push(timing.wallMs)
    cpu.push(timing.cpuMs)
  }
  return { wallMs: median(wall), cpuMs: median(cpu) }
}
