/**
 * Reads V8 sampling heap profiles (`HeapProfiler.stopSampling`) into the functions that allocated the
 * most: bytes per function, collected objects included when the sampling was started with
 * `includeObjectsCollectedByMinorGC` / `…MajorGC`.
 */

interface HeapProfileNode {
  readonly id: number
  readonly callFrame: {
    readonly functionName: string
    readonly url: string
    readonly lineNumber: number
  }
  readonly children: readonly HeapProfileNode[]
}

export interface HeapProfile {
  readonly head: HeapProfileNode
  readonly samples: readonly { readonly nodeId: number; readonly size: number }[]
}

export interface Allocator {
  readonly name: string
  readonly location: string
  /** Sampled bytes allocated directly in the function, divided by `per` (e.g. per iteration). */
  readonly bytes: number
}

/**
 * Bytes per function (same name and place merged), largest first, each divided by `per`.
 * Anonymous functions are named after their caller (`(anonymous) < caller`), which is how one tells
 * the arrows of one file apart.
 */
export function allocators(profile: HeapProfile, per = 1, root = ''): Allocator[] {
  const bytesOf = new Map<number, number>()
  for (const sample of profile.samples) {
    bytesOf.set(sample.nodeId, (bytesOf.get(sample.nodeId) ?? 0) + sample.size)
  }
  const merged = new Map<string, { name: string; location: string; bytes: number }>()
  const pending: { node: HeapProfileNode; caller: string }[] = [{ node: profile.head, caller: '' }]
  while (pending.length > 0) {
    const { node, caller } = pending.pop()!
    const frame = node.callFrame
    const own = frame.functionName || '(root)'
    const name = frame.functionName === '' && caller !== '' ? `(anonymous) < ${caller}` : own
    const file = frame.url.replace(/^file:\/\//, '').replace(root, '')
    const location = file === '' ? '(native)' : `${file}:${frame.lineNumber + 1}`
    const bytes = bytesOf.get(node.id) ?? 0
    if (bytes > 0) {
      const key = `${name}@${location}`
      const entry = merged.get(key) ?? { name, location, bytes: 0 }
      entry.bytes += bytes
      merged.set(key, entry)
    }
    for (const child of node.children) pending.push({ node: child, caller: own })
  }
  return [...merged.values()]
    .map((entry) => ({ ...entry, bytes: entry.bytes / per }))
    .sort((a, b) => b.bytes - a.bytes)
}

/** Total sampled bytes, divided by `per`. */
export function allocatedBytes(profile: HeapProfile, per = 1): number {
  let total = 0
  for (const sample of profile.samples) total += sample.size
  return total / per
}

export function formatAllocators(title: string, list: readonly Allocator[]): string {
  const lines = list.map(
    (entry) =>
      `  ${(entry.bytes / 1024).toFixed(1).padStart(9)} KB  ${entry.name}  ${entry.location}`,
  )
  return [title, ...lines].join('\n')
}
