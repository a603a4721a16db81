import { describe, expect, test } from 'vitest'

import { busyMs, hotFunctions, type CpuProfile } from './profile.ts'

const frame = (id: number, functionName: string, url: string, lineNumber = 0) => ({
  id,
  callFrame: { functionName, url, lineNumber },
})

// Four samples: 3 ms in run (two nodes of the same function), 1 ms idle, 2 ms in parse.
const profile: CpuProfile = {
  nodes: [
    frame(1, '(idle)', ''),
    frame(2, 'run', 'file:///repo/src/run.ts', 9),
    frame(3, 'run', 'file:///repo/src/run.ts', 9),
    frame(4, 'parse', 'file:///repo/src/parse.ts', 0),
  ],
  samples: [2, 1, 3, 4],
  timeDeltas: [1000, 1000, 2000, 2000],
}

describe('hotFunctions', () => {
  test('merges a function’s nodes and ranks by self time, locations relative to the root', () => {
    expect(hotFunctions(profile, 2, '/repo/')).toStrictEqual([
      { name: 'run', location: 'src/run.ts:10', selfMs: 3, share: 0.5 },
      { name: 'parse', location: 'src/parse.ts:1', selfMs: 2, share: 2 / 6 },
    ])
  })
})

describe('busyMs', () => {
  test('leaves the idle and program frames out', () => {
    expect(busyMs(profile)).toBe(5)
  })
})
