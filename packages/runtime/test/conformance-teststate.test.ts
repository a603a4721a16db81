import { describe, expect, it } from 'vitest'
import { sharedConformanceDir } from '../conformance/recorded.ts'
import { runTestStateCorpus } from '../conformance/teststate.ts'

const dir = sharedConformanceDir()

// The corpus is development material outside the repository (../shared/conformance); CI has it.
describe.skipIf(dir === undefined)('AWS TestState corpus', () => {
  it('answers at least 97% of the recorded TestState calls as AWS did', async () => {
    const results = await runTestStateCorpus(dir!)

    const passed = results.filter((r) => r.ok).length
    const misses = results.filter((r) => !r.ok).map((r) => `${r.id}: ${r.reason}`)
    expect(results.length).toBeGreaterThanOrEqual(147)
    expect(passed / results.length, misses.join('\n')).toBeGreaterThanOrEqual(0.97)
  }, 60_000)
})
