// Gap 9 of COVERAGE.md: a state's query language is a build-time check against the workflow's (a JSONata
// workflow refuses JSONPath states: test/gap-query-language.test.ts); the type keeps the state's data.
import { describe, expectTypeOf, test } from 'vitest'
import { z } from 'zod'
import { type OutputOf, pass, workflow } from '../index.ts'

describe('gap 9: queryLanguage() on a state', () => {
  test('accepted: either language, the output type unchanged', () => {
    workflow('Typed', { input: z.object({ id: z.string() }) }, (start) =>
      start.pass('Shape', (p) => {
        const shaped = p.parameters((s) => ({ job: s.id })).queryLanguage('JSONata')
        expectTypeOf<OutputOf<typeof shaped>>().toEqualTypeOf<{ job: string }>()
        return shaped
      }),
    )
  })

  test('rejected: a language AWS does not have', () => {
    // @ts-expect-error the languages are 'JSONPath' and 'JSONata'
    pass('Shape').queryLanguage('jsonata')
  })
})
