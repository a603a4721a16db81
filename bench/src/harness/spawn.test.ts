import { describe, expect, test } from 'vitest'

import { childrenCpuMs } from './measure.ts'
import { parseChildOutput } from './spawn.ts'

describe('parseChildOutput', () => {
  test('reads the result line among the measured code’s own output', () => {
    const stdout = `noise\nBENCH_RESULT [{"name":"x","unit":"ms","better":"lower","value":3}]\n`

    expect(parseChildOutput(stdout, '', 0, null)).toStrictEqual({
      ok: true,
      metrics: [{ name: 'x', unit: 'ms', better: 'lower', value: 3 }],
    })
  })

  test('reads the error line of a failed side', () => {
    expect(
      parseChildOutput('BENCH_ERROR "MissingApiError: no run()"\n', '', 1, null),
    ).toStrictEqual({
      ok: false,
      error: 'MissingApiError: no run()',
    })
  })

  test('says how a child that printed nothing ended', () => {
    const outcome = parseChildOutput('', 'FATAL ERROR: heap out of memory\n', null, 'SIGKILL')

    expect(outcome).toStrictEqual({
      ok: false,
      error:
        'the child process ended without a result: killed by SIGKILL (timeout or out of memory)\nFATAL ERROR: heap out of memory',
    })
  })
})

describe('childrenCpuMs', () => {
  test('adds cutime and cstime of /proc/self/stat, in clock ticks of 10 ms', () => {
    const stat = '4242 (node (x)) S 1 2 3 4 5 6 7 8 9 10 11 12 150 25 20 0 1 0 0'

    expect(childrenCpuMs(() => stat)).toBe(1750)
  })

  test('is null when the file cannot be read', () => {
    expect(
      childrenCpuMs(() => {
        throw new Error('ENOENT')
      }),
    ).toBeNull()
  })
})
