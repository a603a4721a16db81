import { describe, expect, test } from 'vitest'

import { allocatedBytes, allocators, formatAllocators, type HeapProfile } from './heap-profile.ts'

const node = (
  id: number,
  functionName: string,
  url: string,
  children: HeapProfile['head'][] = [],
): HeapProfile['head'] => ({ id, callFrame: { functionName, url, lineNumber: 0 }, children })

// build allocates 300 bytes itself and calls an arrow that allocates 100; emit (two nodes) 400.
const profile: HeapProfile = {
  head: node(1, '', '', [
    node(2, 'build', 'file:///repo/src/build.ts', [node(3, '', 'file:///repo/src/build.ts')]),
    node(4, 'emit', 'file:///repo/src/emit.ts'),
    node(5, 'emit', 'file:///repo/src/emit.ts'),
  ]),
  samples: [
    { nodeId: 2, size: 200 },
    { nodeId: 2, size: 100 },
    { nodeId: 3, size: 100 },
    { nodeId: 4, size: 150 },
    { nodeId: 5, size: 250 },
  ],
}

describe('allocators', () => {
  test('merges a function’s nodes, names arrows after their caller and ranks by bytes', () => {
    expect(allocators(profile, 2, '/repo/')).toStrictEqual([
      { name: 'emit', location: 'src/emit.ts:1', bytes: 200 },
      { name: 'build', location: 'src/build.ts:1', bytes: 150 },
      { name: '(anonymous) < build', location: 'src/build.ts:1', bytes: 50 },
    ])
  })

  test('counts every sample once in the total', () => {
    expect(allocatedBytes(profile)).toBe(800)
    expect(allocatedBytes(profile, 4)).toBe(200)
  })

  test('formats kilobytes, one function per line', () => {
    expect(formatAllocators('top', allocators(profile, 1, '/repo/').slice(0, 1))).toBe(
      'top\n        0.4 KB  emit  src/emit.ts:1',
    )
  })
})
