/** Reads V8 `.cpuprofile` files (`node --cpu-prof`) into the functions that took the most self time. */

interface CpuProfileNode {
  readonly id: number
  readonly callFrame: {
    readonly functionName: string
    readonly url: string
    readonly lineNumber: number
  }
}

export interface CpuProfile {
  readonly nodes: readonly CpuProfileNode[]
  readonly samples: readonly number[]
  readonly timeDeltas: readonly number[]
}

export interface HotFunction {
  readonly name: string
  readonly location: string
  readonly selfMs: number
  readonly share: number
}

/** Self time per function (same name and place merged), largest first; `share` is of all sampled time. */
export function hotFunctions(profile: CpuProfile, top = 15, root = ''): HotFunction[] {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]))
  const selfUs = new Map<string, { name: string; location: string; us: number }>()
  let totalUs = 0
  profile.samples.forEach((nodeId, index) => {
    const delta = profile.timeDeltas[index] ?? 0
    totalUs += delta
    const frame = byNode.get(nodeId)?.callFrame
    if (frame === undefined) return
    const file = frame.url.replace(/^file:\/\//, '').replace(root, '')
    const location = file === '' ? '(native)' : `${file}:${frame.lineNumber + 1}`
    const name = frame.functionName || '(anonymous)'
    const key = `${name}@${location}`
    const entry = selfUs.get(key) ?? { name, location, us: 0 }
    entry.us += delta
    selfUs.set(key, entry)
  })
  return [...selfUs.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, top)
    .map((entry) => ({
      name: entry.name,
      location: entry.location,
      selfMs: entry.us / 1000,
      share: totalUs === 0 ? 0 : entry.us / totalUs,
    }))
}

export function formatHotFunctions(title: string, hot: readonly HotFunction[]): string {
  const lines = hot.map(
    (fn) =>
      `  ${(fn.share * 100).toFixed(1).padStart(5)}%  ${fn.selfMs.toFixed(1).padStart(8)} ms  ${fn.name}  ${fn.location}`,
  )
  return [`${title} (self time)`, ...lines].join('\n')
}

/** Sampled time outside the idle and program pseudo-frames: how busy a thread's profile is. */
export function busyMs(profile: CpuProfile): number {
  const idle = new Set(
    profile.nodes
      .filter((node) => ['(idle)', '(program)'].includes(node.callFrame.functionName))
      .map((node) => node.id),
  )
  let us = 0
  profile.samples.forEach((nodeId, index) => {
    if (!idle.has(nodeId)) us += profile.timeDeltas[index] ?? 0
  })
  return us / 1000
}
