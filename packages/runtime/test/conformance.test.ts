import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  isPureAsl,
  isRunnable,
  loadCompare,
  runRecordedCorpus,
  sharedConformanceDir,
} from '../conformance/recorded.ts'

const dir = sharedConformanceDir()

// The corpus is development material outside the repository (../shared/conformance); CI has it.
describe.skipIf(dir === undefined)('AWS-recorded corpus', () => {
  it('matches AWS on at least 99% of pure-ASL cases strictly and 99% of recorded histories', async () => {
    const compare = await loadCompare(dir!)

    const { results } = await runRecordedCorpus(
      join(dir!, 'aws-recorded.jsonl'),
      compare,
      isPureAsl,
    )

    const strict = results.filter((r) => r.strict).length
    const withHistory = results.filter((r) => r.historyMatch !== undefined)
    const historyMatch = withHistory.filter((r) => r.historyMatch).length
    const misses = results.filter((r) => !r.strict).map((r) => `${r.id}: ${r.reason}`)
    expect(results.length).toBeGreaterThanOrEqual(700)
    expect(strict / results.length, misses.join('\n')).toBeGreaterThanOrEqual(0.99)
    expect(historyMatch / withHistory.length).toBeGreaterThanOrEqual(0.99)
  }, 60_000)

  it('matches AWS on at least 99% of the service cases it replays from recorded answers', async () => {
    const compare = await loadCompare(dir!)

    const { results } = await runRecordedCorpus(
      join(dir!, 'aws-recorded.jsonl'),
      compare,
      (c) => isRunnable(c) && !isPureAsl(c),
    )

    const strict = results.filter((r) => r.strict).length
    const misses = results.filter((r) => !r.strict).map((r) => `${r.id}: ${r.reason}`)
    expect(results.length).toBeGreaterThanOrEqual(140)
    expect(strict / results.length, misses.join('\n')).toBeGreaterThanOrEqual(0.99)
  }, 60_000)
})
