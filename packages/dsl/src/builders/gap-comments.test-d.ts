// Gaps 7 and 14 of COVERAGE.md: a Comment on a Choice rule, on Parallel branches and on a Map's
// ItemProcessor (lowered and run in test/gap-comments.test.ts).
import { describe, expectTypeOf, test } from 'vitest'
import { z } from 'zod'
import { eq, type OutputOf, pass, workflow } from '../index.ts'

const Order = z.object({ tier: z.string(), lines: z.array(z.string()) })

describe('gap 7: a Choice rule Comment', () => {
  test('accepted: a comment beside assign; the types are unchanged', () => {
    const flow = workflow('Rules', { input: Order }, (start) =>
      start.choice('Tier', (c) =>
        c
          .when(
            (s) => eq(s.tier, 'gold'),
            (b) => b.pass('Gold'),
            { comment: 'gold customers first' },
          )
          .otherwise((b) => b.pass('Other')),
      ),
    )
    expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<{ tier: string; lines: string[] }>()
  })

  test('rejected: a comment that is not a string', () => {
    workflow('Rules', { input: Order }, (start) =>
      start.choice('Tier', (c) =>
        c.when(
          (s) => eq(s.tier, 'gold'),
          pass('Gold'),
          // @ts-expect-error a Comment is a string
          { comment: 7 },
        ),
      ),
    )
  })
})

describe('gap 14: Comments on Parallel branches and on a Map ItemProcessor', () => {
  test('accepted: branchComments() on a Parallel, processorComment on a Map; types unchanged', () => {
    const flow = workflow('Commented', { input: Order }, (start) =>
      start
        .parallel('Both', [(b) => b.pass('Left'), (b) => b.pass('Right')], (p) =>
          p.branchComments('left view', undefined).resultPath('both'),
        )
        .map('Each', {
          items: (s) => s.lines,
          processorComment: 'one line',
          process: (line) => line.pass('Line'),
        }),
    )
    expectTypeOf<OutputOf<typeof flow>>().toEqualTypeOf<string[]>()
  })

  test('rejected: branchComments() on a Map or a Task, a processorComment that is not a string', () => {
    workflow('Wrong', { input: Order }, (start) =>
      start.map(
        'Each',
        { items: (s) => s.lines, process: (line) => line.pass('Line') },
        // @ts-expect-error branchComments() is for Parallel branches; a Map has processorComment
        (m) => m.branchComments('no'),
      ),
    )
    workflow('Wrong', { input: Order }, (start) =>
      start.map('Each', {
        items: (s) => s.lines,
        // @ts-expect-error a Comment is a string
        processorComment: 1,
        process: (line) => line.pass('Line'),
      }),
    )
  })
})
