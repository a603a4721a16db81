import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { eq, goto, lambda, task, wait, workflow } from '../src/index.ts'
import { closestStateName } from '../src/builders/piece.ts'

const Job = z.object({ jobId: z.string(), status: z.string() })
const charge = lambda('ChargeFunction', { input: Job, output: Job })

// goto() with a name is a type error (test-d); from JavaScript a name works, and a typo is SFN108 naming
// the closest state on that level.
const looping = (target: unknown) =>
  workflow('Loop', { input: Job }, (start) =>
    start
      .next(task(charge))
      .wait('Pause', { seconds: 5 })
      .choice('Done?', (c) =>
        c
          .when(
            (s) => eq(s.status, 'DONE'),
            (b) => b.succeed('Finished'),
          )
          .otherwise(goto(target as never) as never),
      ),
  )

describe('goto() given a name (JavaScript)', () => {
  test('a typo is SFN108 with the closest state on the level', () => {
    expect(() => looping('Chrage').toAsl()).toThrow(
      "SFN108: goto('Chrage') jumps to a state that is not in the same workflow or branch: add 'Chrage' with next() on this level, or jump to a state that is (did you mean 'Charge'?).",
    )
    expect(() => looping('pause').toAsl()).toThrow("(did you mean 'Pause'?)")
  })

  test('a name far from every state gets no suggestion', () => {
    expect(() => looping('Elsewhere').toAsl()).toThrow(/jump to a state that is\.$/)
  })

  test('an existing name jumps to that state', () => {
    expect(looping('Charge').toAsl().States['Done?']).toStrictEqual({
      Type: 'Choice',
      Choices: [{ Variable: '$.status', StringEquals: 'DONE', Next: 'Finished' }],
      Default: 'Charge',
    })
  })

  test('a state placed on another level is not suggested as the same name', () => {
    const inner = wait('Inner', { seconds: 1 })
    expect(() =>
      workflow('Levels', { input: Job }, (start) =>
        start.parallel('Both', [(b) => b.next(inner)]).next(goto(inner)),
      ).toAsl(),
    ).toThrow(/jump to a state that is\.$/)
  })
})

describe('closestStateName', () => {
  test('edits, a transposition and case count; too far is nothing', () => {
    expect(closestStateName('Chrage', ['Pause', 'Charge', 'Done?'])).toBe('Charge')
    expect(closestStateName('Payment', ['Pay', 'Payments'])).toBe('Payments')
    expect(closestStateName('PAUSE', ['Pause'])).toBe('Pause')
    expect(closestStateName('Ab', ['Xy', 'Ac'])).toBe('Ac')
    expect(closestStateName('Ship', ['Charge', 'Pause'])).toBeUndefined()
    expect(closestStateName('Charge', ['Charge'])).toBeUndefined()
  })
})
