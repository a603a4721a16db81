import { describe, expectTypeOf, test } from 'vitest'
import { z } from 'zod'
import { eq, goto, lambda, task, workflow } from '../index.ts'

const Job = z.object({ jobId: z.string(), status: z.string() })
const charge = lambda('ChargeFunction', { input: Job, output: Job })

describe('goto()', () => {
  test('a name is refused with the sentence on the argument', () => {
    workflow('Loop', { input: Job }, (start) =>
      start.next(task(charge)).choice('Done?', (c) =>
        c
          .when(
            (s) => eq(s.status, 'DONE'),
            (b) => b.succeed('Finished'),
          )
          // @ts-expect-error goto() takes the state itself, not its name
          .otherwise(goto('Chrage')),
      ),
    )
    expectTypeOf(goto).parameter(0).not.toEqualTypeOf<string>()
  })
})
