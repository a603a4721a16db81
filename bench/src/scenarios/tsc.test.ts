import { describe, expect, test } from 'vitest'

import { parseTscOutput } from './tsc.ts'

const diagnostics = `workflow.ts(3,7): error TS2589: Type instantiation is excessively deep and possibly infinite.
workflow.ts(9,1): error TS2322: Type 'string' is not assignable to type 'number'.
Files:              83
Types:           35328
Instantiations:  34231
Memory used:    64687K
Check time:     0.304s
Total time:     0.371s
`

describe('parseTscOutput', () => {
  test('reads the --extendedDiagnostics figures and every error with its code', () => {
    expect(parseTscOutput(diagnostics)).toStrictEqual({
      checkSeconds: 0.304,
      totalSeconds: 0.371,
      instantiations: 34231,
      types: 35328,
      memoryKb: 64687,
      errors: [
        { code: 2589, text: 'Type instantiation is excessively deep and possibly infinite.' },
        { code: 2322, text: "Type 'string' is not assignable to type 'number'." },
      ],
    })
  })

  test('refuses output without the diagnostics table, quoting it', () => {
    expect(() => parseTscOutput('error TS5083: Cannot read file tsconfig.json.')).toThrow(
      /tsc printed no 'Check time' line:\nerror TS5083/,
    )
  })
})
