// Gap 9 of COVERAGE.md: a JSONPath state in a JSONata workflow, which AWS refuses, is refused when the
// workflow is built (DslError naming the state and the fix), at the top level and nested; the fix the
// message gives (a JSONPath workflow with JSONata states) lowers whole and runs.
import { run } from '@statewright/runtime'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { DslError, pass, workflow } from '../src/index.ts'

const Job = z.object({ jobId: z.string(), parts: z.array(z.string()) })

const fix =
  "drop queryLanguage('JSONPath') from 'Legacy', or write the workflow in JSONPath and mark its JSONata states with queryLanguage('JSONata')."

describe('gap 9: a JSONPath state in a JSONata workflow is refused at build', () => {
  test('at the top level: a DslError naming the state and the fix', () => {
    const build = () =>
      workflow('Modern', { input: Job, queryLanguage: 'JSONata' }, (start) =>
        start
          .pass('First')
          .pass('Legacy', (p) => p.parameters((s) => ({ id: s.jobId })).queryLanguage('JSONPath')),
      )

    expect(build).toThrow(DslError)
    expect(build).toThrow(
      `SFN104: State 'Legacy' is written in JSONPath (queryLanguage('JSONPath')), but workflow 'Modern' is JSONata, where AWS refuses JSONPath states: ${fix}`,
    )
  })

  test('inside a Parallel branch and a Map iteration', () => {
    const legacy = () => pass('Legacy').queryLanguage('JSONPath')
    const inBranch = () =>
      workflow('Branch', { input: Job, queryLanguage: 'JSONata' }, (start) =>
        start.parallel('Both', [(b) => b.pass('Fine'), legacy()]),
      )
    const inIteration = () =>
      workflow('Iteration', { input: Job, queryLanguage: 'JSONata' }, (start) =>
        start.map('Each', { items: (s) => s.parts, process: (item) => item.next(legacy()) }),
      )

    expect(inBranch).toThrow(`State 'Legacy' is written in JSONPath`)
    expect(inIteration).toThrow(`State 'Legacy' is written in JSONPath`)
  })

  const migrated = workflow('Migrated', { input: Job }, (start) =>
    start
      .pass('Legacy', (p) => p.parameters((s) => ({ id: s.jobId })))
      .pass('Modern', (p) => p.parameters((s) => ({ job: s.id })).queryLanguage('JSONata')),
  )

  test('the fix lowers whole: a JSONPath workflow with a JSONata state', () => {
    expect(migrated.toAsl()).toStrictEqual({
      StartAt: 'Legacy',
      States: {
        Legacy: { Type: 'Pass', Parameters: { 'id.$': '$.jobId' }, Next: 'Modern' },
        Modern: {
          Type: 'Pass',
          QueryLanguage: 'JSONata',
          Output: { job: '{% $states.input.id %}' },
          End: true,
        },
      },
    })
  })

  test('the fix runs', async () => {
    const result = await run(migrated, { jobId: 'j1', parts: [] })

    expect(result.status).toBe('SUCCEEDED')
    expect(result.output).toStrictEqual({ job: 'j1' })
  })
})
