import { describe, expect, test } from 'vitest'

import {
  formatAwsInvalidDefinition,
  validateStateMachineDefinition,
  variableReferences,
} from './aws.ts'
import { validateStateMachine } from './validate.ts'

describe('formatAwsInvalidDefinition', () => {
  test('joins problems the way CreateStateMachine does, without a location where AWS gives none', () => {
    const diagnostics = validateStateMachine({
      StartAt: 'A',
      States: { A: { Type: 'Pass', Next: 'B' } },
    })

    expect(formatAwsInvalidDefinition(diagnostics)).toMatchInlineSnapshot(
      `"Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' target: B at /States/A/Next, MISSING_END_STATE: Workflow has no terminal state at null'"`,
    )
  })

  test('quotes a single problem with its location', () => {
    const diagnostics = validateStateMachine({
      StartAt: 'W',
      States: { W: { Type: 'Wait', Timestamp: '2016-12-05T21:29:29', End: true } },
    })

    expect(formatAwsInvalidDefinition(diagnostics)).toMatchInlineSnapshot(
      `"Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: String does not match RFC3339 timestamp at /States/W/Timestamp'"`,
    )
  })
})

describe('validateStateMachineDefinition', () => {
  test('answers OK with no diagnostics for a valid definition', () => {
    expect(
      validateStateMachineDefinition('{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}'),
    ).toStrictEqual({ result: 'OK', diagnostics: [], truncated: false })
  })

  test('answers FAIL with AWS codes and locations', () => {
    expect(validateStateMachineDefinition({})).toMatchInlineSnapshot(`
      {
        "diagnostics": [
          {
            "code": "SCHEMA_VALIDATION_FAILED",
            "location": "/",
            "message": "These fields are required: [States, StartAt]",
            "severity": "ERROR",
          },
        ],
        "result": "FAIL",
        "truncated": false,
      }
    `)
  })

  test('leaves out the location of a problem AWS does not locate', () => {
    expect(validateStateMachineDefinition(' ').diagnostics).toMatchInlineSnapshot(`
      [
        {
          "code": "SCHEMA_VALIDATION_FAILED",
          "message": "Definition must be a valid JSON object",
          "severity": "ERROR",
        },
      ]
    `)
  })

  test('cuts the list at maxResults and says it did', () => {
    const states = Object.fromEntries(
      ['A', 'B', 'C'].map((name) => [name, { Type: 'Pass', Next: `${name}x` }]),
    )

    const answer = validateStateMachineDefinition(
      { StartAt: 'A', States: states },
      { maxResults: 2 },
    )

    expect([answer.result, answer.diagnostics.length, answer.truncated]).toStrictEqual([
      'FAIL',
      2,
      true,
    ])
  })

  test('checks EXPRESS restrictions when asked for that type', () => {
    const definition = {
      StartAt: 'T',
      States: {
        T: {
          Type: 'Task',
          Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken',
          End: true,
        },
      },
    }

    expect([
      validateStateMachineDefinition(definition).result,
      validateStateMachineDefinition(definition, { type: 'EXPRESS' }).result,
    ]).toStrictEqual(['OK', 'FAIL'])
  })
})

describe('variableReferences', () => {
  test('lists the variables each JSONPath state reads, from paths, templates and intrinsics', () => {
    expect(
      variableReferences({
        StartAt: 'Set',
        States: {
          Set: { Type: 'Pass', Assign: { a: 1, b: 2, c: 'x', d: 3 }, Next: 'Read' },
          Read: {
            Type: 'Pass',
            InputPath: '$a',
            Parameters: { 'x.$': "States.Format('{}', $b)", literal: '$c' },
            Assign: { 'e.$': '$d.field' },
            Next: 'Check',
          },
          Check: {
            Type: 'Choice',
            Choices: [{ Variable: '$a', NumericEqualsPath: '$b', Next: 'Done' }],
          },
          Done: { Type: 'Succeed' },
        },
      }),
    ).toStrictEqual({ Read: ['a', 'b', 'd'], Check: ['a', 'b'] })
  })

  test('lists the variables JSONata expressions read, not $states nor names bound inside (:=, parameters, #$i)', () => {
    expect(
      variableReferences({
        QueryLanguage: 'JSONata',
        StartAt: 'Set',
        States: {
          Set: { Type: 'Pass', Assign: { n: 1 }, Next: 'Use' },
          Use: {
            Type: 'Pass',
            Output:
              '{% ($local := 2; $map([$n], function($v) { $v + $local + $states.input.k })) %}',
            Assign: { first: '{% $states.input.items#$i[$i < 1] %}' },
            End: true,
          },
        },
      }),
    ).toStrictEqual({ Use: ['n'] })
  })

  test('names the Map state for its own fields and the inner state for its own', () => {
    expect(
      variableReferences({
        StartAt: 'Set',
        States: {
          Set: { Type: 'Pass', Assign: { list: [1], tpl: '{}' }, Next: 'M' },
          M: {
            Type: 'Map',
            ItemsPath: '$list',
            ItemSelector: { 'v.$': 'States.Format($tpl, $$.Map.Item.Value)' },
            ItemProcessor: {
              StartAt: 'Inner',
              States: { Inner: { Type: 'Pass', Parameters: { 'q.$': '$tpl' }, End: true } },
            },
            End: true,
          },
        },
      }),
    ).toStrictEqual({ M: ['list', 'tpl'], Inner: ['tpl'] })
  })

  test('keeps a state named __proto__ as an ordinary key', () => {
    const refs = variableReferences(
      JSON.parse(
        '{"StartAt":"S","States":{"S":{"Type":"Pass","Assign":{"x":1},"Next":"__proto__"},"__proto__":{"Type":"Pass","InputPath":"$x","End":true}}}',
      ),
    )

    expect([Object.keys(refs), Object.getPrototypeOf(refs) === Object.prototype]).toStrictEqual([
      ['__proto__'],
      true,
    ])
  })
})

describe('formatAwsInvalidDefinition on text that is not JSON', () => {
  test('does not repeat the location the parser message already ends with', () => {
    expect(formatAwsInvalidDefinition(validateStateMachine('nope'))).toMatchInlineSnapshot(`
      "Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: Unrecognized token 'nope': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')
       at [Source: (String)"nope"; line: 1, column: 5]'"
    `)
  })
})
