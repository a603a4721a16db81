import type { QueryLanguage } from '@statewright/asl'
import { eq, format, pass, workflow } from '@statewright/dsl'
import { Greeting } from './tasks.ts'

/**
 * The Step Functions console's "Hello world" starter, in the DSL: a Pass shapes the input, a Choice on
 * `IsHelloWorldExample` either fails or waits 3 seconds, a Parallel runs two branches on the same data,
 * and the execution succeeds with the branches' outputs. The same workflow written in either query
 * language.
 */
export const helloWorldIn = (queryLanguage: QueryLanguage = 'JSONPath') =>
  workflow(
    'HelloWorld',
    {
      input: Greeting,
      queryLanguage,
      comment:
        'A Hello World example demonstrating various state types of the Amazon States Language.',
    },
    (start) =>
      start
        .pass('Pass', (p) =>
          p
            .parameters((s) => ({
              IsHelloWorldExample: s.IsHelloWorldExample,
              message: format('Hello, {}!', s.name),
            }))
            .comment('A Pass state passes its input on, or reshapes it, without doing any work.'),
        )
        .choice('Hello World example?', (c) =>
          c
            .when(
              (s) => eq(s.IsHelloWorldExample, true),
              (yes) =>
                yes
                  .wait('Wait 3 sec', {
                    seconds: 3,
                    comment: 'A Wait state delays the execution for a given time.',
                  })
                  .parallel('Parallel State', [
                    (b) => b.pass('Hello', (p) => p.parameters((s) => ({ greeting: s.message }))),
                    (b) => b.next(pass('World', { result: { from: 'the second branch' } })),
                  ])
                  .succeed('Hello World'),
            )
            .otherwise((no) => no.fail('No', { error: 'NotHelloWorld', cause: 'Not Hello World' }))
            .comment('A Choice state adds branching logic to a state machine.'),
        ),
  )

/** The starter in JSONPath, what `statewright run` and `statewright build` pick up. */
export const helloWorld = helloWorldIn()
