import type { AslStateMachine } from '@statewright/asl'
import { describe, expect, test } from 'vitest'
import { expectAslValidatorAccepts } from '../test/second-opinion.ts'
import { toMermaid } from './graph.ts'

describe('toMermaid', () => {
  test('draws branches and item processors as subgraphs, catches as dotted edges', () => {
    const definition: AslStateMachine = {
      StartAt: 'Fan',
      States: {
        Fan: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'Left', States: { Left: { Type: 'Pass', End: true } } },
            { StartAt: 'Right', States: { Right: { Type: 'Wait', Seconds: 1, End: true } } },
          ],
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Broken' }],
          Next: 'Each',
        },
        Each: {
          Type: 'Map',
          ItemProcessor: { StartAt: 'Item', States: { Item: { Type: 'Succeed' } } },
          Next: 'IsBig',
        },
        IsBig: {
          Type: 'Choice',
          Choices: [
            { Variable: '$.size', NumericGreaterThan: 10, Next: 'Broken' },
            {
              And: [
                { Variable: '$.a', IsPresent: true },
                { Variable: '$.b', IsNull: false },
              ],
              Next: 'Done',
            },
          ],
          Default: 'Done',
        },
        Broken: { Type: 'Fail', Error: 'Broken' },
        Done: { Type: 'Succeed' },
      },
    }
    expectAslValidatorAccepts(definition)

    expect(toMermaid(definition)).toMatchInlineSnapshot(`
      "flowchart TD
        start((Start))
        finish((End))
        s0[["Fan<br/><small>Parallel</small>"]]
        subgraph s0_0 ["Branch 1 of Fan"]
          s5["Left<br/><small>Pass</small>"]
        end
        subgraph s0_1 ["Branch 2 of Fan"]
          s6[/"Right<br/><small>Wait</small>"/]
        end
        s1[["Each<br/><small>Map</small>"]]
        subgraph s1_0 ["Items of Each"]
          s7(["Item<br/><small>Succeed</small>"])
        end
        s2{"IsBig<br/><small>Choice</small>"}
        s3(["Broken<br/><small>Fail</small>"])
        s4(["Done<br/><small>Succeed</small>"])
        start --> s0
        s0 --> s1
        s0 -. "States.ALL" .-> s3
        s0 -.-> s5
        s0 -.-> s6
        s1 --> s2
        s1 -.-> s7
        s2 -- "$.size NumericGreaterThan 10" --> s3
        s2 -- "And(2 rules)" --> s4
        s2 -- "Default" --> s4
        s3 --> finish
        s4 --> finish
      "
    `)
  })

  test('draws JSONata conditions and survives definitions that are not objects', () => {
    const jsonata = toMermaid({
      QueryLanguage: 'JSONata',
      StartAt: 'C',
      States: {
        C: {
          Type: 'Choice',
          Choices: [{ Condition: '{% $states.input.n > 1 %}', Next: 'D' }],
          Default: 'D',
        },
        D: { Type: 'Succeed' },
      },
    })

    expect(jsonata).toContain('s0 -- "$states.input.n #gt; 1" --> s1')
    expect(toMermaid(null as never)).toBe('flowchart TD\n  start((Start))\n  finish((End))\n')
  })
})
