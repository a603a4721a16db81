/**
 * The compile-1000 workload in one warm process, for working on it: median build and compile times,
 * young-generation collections per iteration, and where the bytes are allocated (V8's sampling heap
 * profiler, collected objects included). Deterministic where wall times on a shared machine are not.
 *
 *   pnpm --filter @statewright/bench compile-loop                  # build + compile
 *   pnpm --filter @statewright/bench compile-loop -- build 40      # building only, top 40 allocators
 *   node --no-turbo-inlining --import tsx --conditions=@statewright/source src/tools/compile-loop.ts
 *     (bytes attributed to the function that allocates them rather than to the one it was inlined into)
 */
import { Session } from 'node:inspector/promises'
import { PerformanceObserver } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import * as zod from 'zod'

import {
  allocatedBytes,
  allocators,
  formatAllocators,
  type HeapProfile,
} from '../harness/heap-profile.ts'
import { median } from '../harness/stats.ts'
import { compileOurs, oursDsl } from '../ours/build.ts'
import { buildWithDsl } from '../workloads/dsl.ts'

const STATES = 1_000
const WARMUP = 30
const TIMED = 200
const PROFILED = 50

type Mode = 'all' | 'build' | 'compile'
const [modeArg = 'all', topArg = '25'] = process.argv.slice(2).filter((arg) => arg !== '--')
if (modeArg !== 'all' && modeArg !== 'build' && modeArg !== 'compile') {
  console.error('Usage: compile-loop [all|build|compile] [top allocators, default 25]')
  process.exit(2)
}
const mode: Mode = modeArg
const top = Number(topArg)

const build = (): unknown => buildWithDsl(oursDsl, zod, STATES)
for (let i = 0; i < WARMUP; i++) compileOurs(build())

let collections = 0
let collectionMs = 0
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    collections++
    collectionMs += entry.duration
  }
})
observer.observe({ entryTypes: ['gc'] })
const buildMs: number[] = []
const compileMs: number[] = []
const bothMs: number[] = []
for (let i = 0; i < TIMED; i++) {
  const start = performance.now()
  const workflow = build()
  const built = performance.now()
  compileOurs(workflow)
  const compiled = performance.now()
  buildMs.push(built - start)
  compileMs.push(compiled - built)
  bothMs.push(compiled - start)
}
// Collection entries are delivered asynchronously.
await new Promise((resolve) => setTimeout(resolve, 20))
observer.disconnect()
console.log(
  `${TIMED} iterations: build ${median(buildMs).toFixed(2)} ms, compile ${median(compileMs).toFixed(2)} ms, ` +
    `both ${median(bothMs).toFixed(2)} ms (medians); ${(collections / TIMED).toFixed(2)} collections ` +
    `and ${(collectionMs / TIMED).toFixed(2)} ms of collection per iteration`,
)

const session = new Session()
session.connect()
await session.post('HeapProfiler.enable')
await session.post('HeapProfiler.startSampling', {
  samplingInterval: 64,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
})
const workflow = mode === 'compile' ? build() : undefined
for (let i = 0; i < PROFILED; i++) {
  if (mode === 'build') build()
  else compileOurs(workflow ?? build())
}
const { profile } = (await session.post('HeapProfiler.stopSampling')) as unknown as {
  profile: HeapProfile
}
session.disconnect()
const what = mode === 'all' ? 'build + compile' : mode
const root = fileURLToPath(new URL('../../../', import.meta.url))
console.log(
  `${(allocatedBytes(profile, PROFILED) / 1024 / 1024).toFixed(2)} MB allocated per ${what} ` +
    `(${PROFILED} profiled${mode === 'compile' ? ', plus one build' : ''})`,
)
console.log(
  formatAllocators(
    `Top ${top} allocators per ${what}:`,
    allocators(profile, PROFILED, root).slice(0, top),
  ),
)
