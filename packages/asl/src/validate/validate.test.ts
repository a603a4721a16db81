import { describe, expect, test } from 'vitest'

import type { ValidateOptions } from './diagnostic.ts'
import { validateStateMachine } from './validate.ts'

/** One line per diagnostic: "<code> <awsCode> <path>: <message>". */
function show(definition: unknown, options?: ValidateOptions): string[] {
  return validateStateMachine(definition, options).map(
    (d) => `${d.code} ${d.awsCode} ${d.path}: ${d.message}`,
  )
}

/** A machine whose first state is the start. */
function machine(states: Record<string, unknown>, extra: Record<string, unknown> = {}): unknown {
  return { StartAt: Object.keys(states)[0], States: states, ...extra }
}

const end = { Type: 'Succeed' }

describe('validateStateMachine: the definition as a whole', () => {
  test('accepts a one-state Pass machine', () => {
    expect(show(machine({ A: { Type: 'Pass', End: true } }))).toStrictEqual([])
  })

  test('accepts JSON text and validates what it holds', () => {
    expect(show('{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}')).toStrictEqual([])
  })

  test('reports text that is not JSON with line and column, as AWS does', () => {
    expect(show('not a definition')).toMatchInlineSnapshot(`
      [
        "SFN200 INVALID_JSON_DESCRIPTION [Source: (String)"not a definition"; line: 1, column: 4]: Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')
       at [Source: (String)"not a definition"; line: 1, column: 4]",
      ]
    `)
  })

  test('reports the line of a syntax error deeper in the text', () => {
    expect(show('{\n  "StartAt": "A",\n  "States": {,}\n}')).toMatchInlineSnapshot(`
      [
        "SFN200 INVALID_JSON_DESCRIPTION [Source: (String)"{
        "StartAt": "A",
        "States": {,}
      }"; line: 3, column: 15]: Unexpected character (',' (code 44)): was expecting double-quote to start field name
       at [Source: (String)"{
        "StartAt": "A",
        "States": {,}
      }"; line: 3, column: 15]",
      ]
    `)
  })

  test('reports blank text as not a JSON object', () => {
    expect(show(' ')).toMatchInlineSnapshot(`
      [
        "SFN201 SCHEMA_VALIDATION_FAILED : Definition must be a valid JSON object",
      ]
    `)
  })

  test('reports a root that is not an object', () => {
    expect(show([1, 2])).toMatchInlineSnapshot(`
      [
        "SFN201 SCHEMA_VALIDATION_FAILED : Definition must be a valid JSON object",
      ]
    `)
  })

  test('lists the missing top-level fields in one message', () => {
    expect(show({})).toMatchInlineSnapshot(`
      [
        "SFN202 SCHEMA_VALIDATION_FAILED /: These fields are required: [States, StartAt]",
      ]
    `)
  })

  test('refuses unknown top-level fields', () => {
    expect(show(machine({ A: { Type: 'Pass', End: true } }, { Coment: 'typo' })))
      .toMatchInlineSnapshot(`
      [
        "SFN203 SCHEMA_VALIDATION_FAILED /: Field 'Coment' is not supported",
      ]
    `)
  })

  test('reports every problem at once', () => {
    expect(
      show(
        machine({
          A: { Type: 'Pass', Next: 'Nowhere' },
          B: { Type: 'Wait', Seconds: -1, End: true },
          C: { Type: 'Nope' },
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN232 SCHEMA_VALIDATION_FAILED /States/B/Seconds: The field 'Seconds' of state 'B' must be at least 0; it is -1.",
        "SFN205 SCHEMA_VALIDATION_FAILED /States/C/Type: The field 'Type' should have one of these values: [Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map]",
        "SFN208 MISSING_TRANSITION_TARGET /States/A/Next: Missing 'Next' target: Nowhere",
        "SFN209 MISSING_TRANSITION_TARGET /States/B: State "B" is not reachable.",
        "SFN209 MISSING_TRANSITION_TARGET /States/C: State "C" is not reachable.",
      ]
    `)
  })
})

describe('validateStateMachine: state shape', () => {
  test('refuses an unknown Type with the list AWS gives', () => {
    expect(show(machine({ A: { Type: 'Lambda', End: true } }))).toMatchInlineSnapshot(`
      [
        "SFN205 SCHEMA_VALIDATION_FAILED /States/A/Type: The field 'Type' should have one of these values: [Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map]",
      ]
    `)
  })

  test('still follows the Next of a state whose Type is wrong', () => {
    expect(show(machine({ A: { Type: 'Passs', Next: 'B' }, B: end }))).toMatchInlineSnapshot(`
      [
        "SFN205 SCHEMA_VALIDATION_FAILED /States/A/Type: The field 'Type' should have one of these values: [Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map]",
      ]
    `)
  })

  test('requires Type', () => {
    expect(show(machine({ A: { End: true } }))).toMatchInlineSnapshot(`
      [
        "SFN202 SCHEMA_VALIDATION_FAILED /States/A: These fields are required: [Type]",
      ]
    `)
  })

  test('refuses a field the state type does not support', () => {
    expect(show(machine({ A: { Type: 'Pass', TimeoutSeconds: 5, End: true } })))
      .toMatchInlineSnapshot(`
      [
        "SFN203 SCHEMA_VALIDATION_FAILED /States/A: Field 'TimeoutSeconds' is not supported",
      ]
    `)
  })

  test('refuses Retry and Catch on a Pass state', () => {
    expect(show(machine({ A: { Type: 'Pass', Retry: [], Catch: [], End: true } })))
      .toMatchInlineSnapshot(`
      [
        "SFN203 SCHEMA_VALIDATION_FAILED /States/A: Field 'Retry' is not supported",
        "SFN203 SCHEMA_VALIDATION_FAILED /States/A: Field 'Catch' is not supported",
      ]
    `)
  })

  test('requires the fields of a state type', () => {
    expect(show(machine({ A: { Type: 'Task', End: true } }))).toMatchInlineSnapshot(`
      [
        "SFN202 SCHEMA_VALIDATION_FAILED /States/A: These fields are required: [Resource]",
      ]
    `)
  })

  test('requires Next or End on a non-terminal state', () => {
    expect(show(machine({ A: { Type: 'Pass' }, B: end }))).toMatchInlineSnapshot(`
      [
        "SFN207 SCHEMA_VALIDATION_FAILED /States/A: State 'A' has neither 'Next' nor '"End": true'; add a 'Next' state or end the workflow here.",
        "SFN209 MISSING_TRANSITION_TARGET /States/B: State "B" is not reachable.",
      ]
    `)
  })

  test('refuses Next and End together', () => {
    expect(show(machine({ A: { Type: 'Pass', Next: 'B', End: true }, B: end })))
      .toMatchInlineSnapshot(`
      [
        "SFN206 SCHEMA_VALIDATION_FAILED /States/A: State 'A' has both 'Next' and 'End'; a state either continues or ends. Remove one of them.",
      ]
    `)
  })

  test('refuses an integer field holding a string in a JSONPath state', () => {
    expect(
      show(
        machine({
          A: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            TimeoutSeconds: '{% 5 %}',
            End: true,
          },
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN204 SCHEMA_VALIDATION_FAILED /States/A/TimeoutSeconds: The field 'TimeoutSeconds' of state 'A' must be an integer.",
      ]
    `)
  })

  test('refuses HeartbeatSeconds not below TimeoutSeconds', () => {
    expect(
      show(
        machine({
          A: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            TimeoutSeconds: 10,
            HeartbeatSeconds: 10,
            End: true,
          },
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN232 SCHEMA_VALIDATION_FAILED /States/A/HeartbeatSeconds: State 'A' has HeartbeatSeconds (10) not smaller than TimeoutSeconds (10); lower the heartbeat or raise the timeout.",
      ]
    `)
  })

  test('refuses mutually exclusive fields', () => {
    expect(show(machine({ A: { Type: 'Fail', Error: 'E', ErrorPath: '$.error' } })))
      .toMatchInlineSnapshot(`
      [
        "SFN206 SCHEMA_VALIDATION_FAILED /States/A: State 'A' sets 'Error' and 'ErrorPath', which are mutually exclusive; keep one.",
      ]
    `)
  })

  test('requires exactly one wait duration', () => {
    expect(show(machine({ A: { Type: 'Wait', End: true } }))).toMatchInlineSnapshot(`
      [
        "SFN202 SCHEMA_VALIDATION_FAILED /States/A: Wait state 'A' needs exactly one of 'Seconds', 'SecondsPath', 'Timestamp', 'TimestampPath'; add one.",
      ]
    `)
  })

  test('accepts a very long wait, which AWS only refuses when it runs', () => {
    expect(show(machine({ A: { Type: 'Wait', Seconds: 2_147_483_647, End: true } }))).toStrictEqual(
      [],
    )
  })

  test('refuses a Timestamp that is not RFC 3339', () => {
    expect(show(machine({ A: { Type: 'Wait', Timestamp: '2016-12-05 21:29:29Z', End: true } })))
      .toMatchInlineSnapshot(`
      [
        "SFN229 SCHEMA_VALIDATION_FAILED /States/A/Timestamp: String does not match RFC3339 timestamp",
      ]
    `)
  })

  test('refuses a JSONata Timestamp in a JSONPath state', () => {
    expect(
      show(machine({ A: { Type: 'Wait', Timestamp: "{% '2016-03-14T01:59:00Z' %}", End: true } })),
    ).toMatchInlineSnapshot(`
      [
        "SFN229 SCHEMA_VALIDATION_FAILED /States/A/Timestamp: String does not match RFC3339 timestamp",
      ]
    `)
  })

  test('accepts a JSONata Timestamp in a JSONata state', () => {
    expect(
      show(
        machine(
          { A: { Type: 'Wait', Timestamp: '{% $states.input.at %}', End: true } },
          { QueryLanguage: 'JSONata' },
        ),
      ),
    ).toStrictEqual([])
  })

  test('requires RoleArn in Credentials', () => {
    expect(
      show(
        machine({
          A: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Credentials: {},
            End: true,
          },
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN202 SCHEMA_VALIDATION_FAILED /States/A/Credentials: The field 'RoleArn' is required but was missing",
      ]
    `)
  })

  test('refuses a Parallel state without branches', () => {
    expect(show(machine({ A: { Type: 'Parallel', Branches: [], End: true } })))
      .toMatchInlineSnapshot(`
      [
        "SFN233 SCHEMA_VALIDATION_FAILED /States/A/Branches: Value cannot be empty",
      ]
    `)
  })
})

describe('validateStateMachine: query languages', () => {
  test('refuses a JSONata-only field in a JSONPath state', () => {
    expect(show(machine({ A: { Type: 'Pass', Output: 1, End: true } }))).toMatchInlineSnapshot(`
      [
        "SFN221 SCHEMA_VALIDATION_FAILED /States/A: The QueryLanguage is set to 'JSONPath', but field 'Output' is only supported for the 'JSONata' QueryLanguage",
      ]
    `)
  })

  test('refuses a JSONPath-only field in a JSONata state', () => {
    expect(
      show(
        machine({ A: { Type: 'Pass', InputPath: '$.a', End: true } }, { QueryLanguage: 'JSONata' }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN221 SCHEMA_VALIDATION_FAILED /States/A: The QueryLanguage is set to 'JSONata', but field 'InputPath' is only supported for the 'JSONPath' QueryLanguage",
      ]
    `)
  })

  test('refuses a JSONPath state in a JSONata machine', () => {
    expect(
      show(
        machine(
          { A: { Type: 'Pass', QueryLanguage: 'JSONPath', End: true } },
          { QueryLanguage: 'JSONata' },
        ),
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN222 SCHEMA_VALIDATION_FAILED /States/A: 'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine",
      ]
    `)
  })

  test('lets a JSONata state live in a JSONPath machine', () => {
    expect(
      show(
        machine({
          A: { Type: 'Pass', QueryLanguage: 'JSONata', Output: '{% $states.input %}', End: true },
        }),
      ),
    ).toStrictEqual([])
  })

  test('refuses QueryLanguage on a Map processor', () => {
    expect(
      show(
        machine({
          M: {
            Type: 'Map',
            ItemProcessor: { QueryLanguage: 'JSONata', StartAt: 'P', States: { P: end } },
            End: true,
          },
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN203 SCHEMA_VALIDATION_FAILED /States/M/ItemProcessor: Field 'QueryLanguage' is not supported",
      ]
    `)
  })
})

describe('validateStateMachine: transitions and names', () => {
  test('reports a Next naming no state, with AWS wording', () => {
    expect(show(machine({ A: { Type: 'Pass', Next: 'B' }, C: end }))).toMatchInlineSnapshot(`
      [
        "SFN208 MISSING_TRANSITION_TARGET /States/A/Next: Missing 'Next' target: B",
        "SFN209 MISSING_TRANSITION_TARGET /States/C: State "C" is not reachable.",
      ]
    `)
  })

  test('says Next for Default and Catch targets too, at their own location', () => {
    expect(
      show(
        machine({
          C: {
            Type: 'Choice',
            Choices: [{ Variable: '$.x', IsPresent: true, Next: 'T' }],
            Default: 'Gone',
          },
          T: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Lost' }],
            End: true,
          },
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN208 MISSING_TRANSITION_TARGET /States/C/Default: Missing 'Next' target: Gone",
        "SFN208 MISSING_TRANSITION_TARGET /States/T/Catch[0]/Next: Missing 'Next' target: Lost",
      ]
    `)
  })

  test('points at the Next of the Choice rule whose target is missing', () => {
    expect(
      show(
        machine({
          C: {
            Type: 'Choice',
            Choices: [
              { Variable: '$.x', IsPresent: true, Next: 'D' },
              { Variable: '$.y', IsPresent: true, Next: 'Gone' },
            ],
            Default: 'D',
          },
          D: end,
        }),
      ),
    ).toStrictEqual([
      "SFN208 MISSING_TRANSITION_TARGET /States/C/Choices[1]/Next: Missing 'Next' target: Gone",
    ])
  })

  test('refuses StartAt naming no state', () => {
    expect(show({ StartAt: 'X', States: { A: { Type: 'Pass', End: true } } }))
      .toMatchInlineSnapshot(`
      [
        "SFN208 MISSING_TRANSITION_TARGET /StartAt: Missing 'Next' target: X",
        "SFN209 MISSING_TRANSITION_TARGET /States/A: State "A" is not reachable.",
      ]
    `)
  })

  test('refuses a transition out of a Parallel branch', () => {
    expect(
      show(
        machine({
          P: {
            Type: 'Parallel',
            Branches: [{ StartAt: 'In', States: { In: { Type: 'Pass', Next: 'After' } } }],
            Next: 'After',
          },
          After: end,
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN208 MISSING_TRANSITION_TARGET /States/P/Branches[0]/States/In/Next: Missing 'Next' target: After",
        "SFN210 MISSING_END_STATE /States/P/Branches[0]: This Parallel branch has no terminal state, so it can never finish; end one of its states with "End": true, a Succeed or a Fail state.",
      ]
    `)
  })

  test('reports a state nothing transitions to', () => {
    expect(show(machine({ A: { Type: 'Pass', End: true }, Orphan: end }))).toMatchInlineSnapshot(`
      [
        "SFN209 MISSING_TRANSITION_TARGET /States/Orphan: State "Orphan" is not reachable.",
      ]
    `)
  })

  test('reports a workflow without terminal state, without a location, and no reachability then', () => {
    expect(
      show(
        machine({
          A: { Type: 'Pass', Next: 'B' },
          B: { Type: 'Pass', Next: 'A' },
          Orphan: { Type: 'Pass', Next: 'A' },
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN210 MISSING_END_STATE : Workflow has no terminal state",
      ]
    `)
  })

  test('refuses a state name used twice in the machine', () => {
    expect(
      show(
        machine({
          P: { Type: 'Parallel', Branches: [{ StartAt: 'P', States: { P: end } }], End: true },
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN211 DUPLICATE_STATE_NAME /States/P/Branches[0]/States/P: Duplicate State name: P",
      ]
    `)
  })

  test('counts a state name in code points, as AWS does: 80 emoji pass, 81 do not', () => {
    // Each emoji is one code point but two UTF-16 units; a lone surrogate counts as one.
    expect(show(machine({ ['\u{1F600}'.repeat(80)]: end }))).toStrictEqual([])
    expect(show(machine({ ['\u{1F600}'.repeat(79) + '\ud800']: end }))).toStrictEqual([])
    expect(show(machine({ ['\u{1F600}'.repeat(81)]: end }))[0]).toMatch(
      /^SFN212 INVALID_STATE_NAME .*must be 1 to 80 characters long; it has 81\. Rename the state\.$/,
    )
  })

  test('refuses a state name longer than 80 characters', () => {
    expect(show(machine({ ['S'.repeat(81)]: end }))).toMatchInlineSnapshot(`
      [
        "SFN212 INVALID_STATE_NAME /States/SSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSS: State name 'SSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSS' must be 1 to 80 characters long; it has 81. Rename the state.",
      ]
    `)
  })
})

describe('validateStateMachine: Choice rules', () => {
  test('requires Next on a top-level rule', () => {
    expect(
      show(
        machine({
          C: { Type: 'Choice', Choices: [{ Variable: '$.x', IsNull: true }], Default: 'D' },
          D: end,
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN202 SCHEMA_VALIDATION_FAILED /States/C/Choices[0]: These fields are required: [Next]",
      ]
    `)
  })

  test('refuses two comparison operators in one rule', () => {
    expect(
      show(
        machine({
          C: {
            Type: 'Choice',
            Choices: [{ Variable: '$.x', NumericEquals: 1, NumericLessThan: 2, Next: 'D' }],
          },
          D: end,
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN213 SCHEMA_VALIDATION_FAILED /States/C/Choices[0]: Each Choice Rule can only have one comparison operator",
      ]
    `)
  })

  test('refuses Next inside a nested rule', () => {
    expect(
      show(
        machine({
          C: {
            Type: 'Choice',
            Choices: [{ Not: { Variable: '$.x', IsNull: true, Next: 'D' }, Next: 'D' }],
          },
          D: end,
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN203 SCHEMA_VALIDATION_FAILED /States/C/Choices[0]/Not: Field 'Next' is not supported",
      ]
    `)
  })

  test('refuses a Timestamp operand that is not RFC 3339', () => {
    expect(
      show(
        machine({
          C: {
            Type: 'Choice',
            Choices: [{ Variable: '$.t', TimestampEquals: '2024-13-01T00:00:00Z', Next: 'D' }],
          },
          D: end,
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN229 SCHEMA_VALIDATION_FAILED /States/C/Choices[0]/TimestampEquals: String does not match RFC3339 timestamp",
      ]
    `)
  })

  test('requires Condition on a JSONata rule', () => {
    expect(
      show(
        machine(
          { C: { Type: 'Choice', Choices: [{ Next: 'D' }] }, D: end },
          { QueryLanguage: 'JSONata' },
        ),
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN202 SCHEMA_VALIDATION_FAILED /States/C/Choices[0]: These fields are required: [Condition]",
      ]
    `)
  })
})

describe('validateStateMachine: Retry and Catch', () => {
  test('refuses States.ALL together with other errors', () => {
    expect(
      show(
        machine({
          T: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Retry: [{ ErrorEquals: ['States.ALL', 'X'] }],
            End: true,
          },
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN214 SCHEMA_VALIDATION_FAILED /States/T/Retry[0]/ErrorEquals: Retrier 0 of state 'T' lists States.ALL with other errors; States.ALL must appear alone in ErrorEquals.",
      ]
    `)
  })

  test('refuses a States.ALL catcher that is not last', () => {
    expect(
      show(
        machine({
          T: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Catch: [
              { ErrorEquals: ['States.ALL'], Next: 'D' },
              { ErrorEquals: ['X'], Next: 'D' },
            ],
            End: true,
          },
          D: end,
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN214 SCHEMA_VALIDATION_FAILED /States/T/Catch[0]/ErrorEquals: Catcher 0 of state 'T' uses States.ALL but is not the last one, so the ones after it can never run; move it last.",
      ]
    `)
  })

  test('refuses retrier values out of range', () => {
    expect(
      show(
        machine({
          T: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Retry: [
              { ErrorEquals: ['X'], BackoffRate: 0.5, MaxAttempts: -1, JitterStrategy: 'SOME' },
            ],
            End: true,
          },
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN232 SCHEMA_VALIDATION_FAILED /States/T/Retry[0]/MaxAttempts: The field 'MaxAttempts' must be between 0 and 99999999; it is -1.",
        "SFN232 SCHEMA_VALIDATION_FAILED /States/T/Retry[0]/BackoffRate: The field 'BackoffRate' must be at least 1.0; it is 0.5.",
        "SFN204 SCHEMA_VALIDATION_FAILED /States/T/Retry[0]/JitterStrategy: The field 'JitterStrategy' should have one of these values: [FULL, NONE]",
      ]
    `)
  })
})

describe('validateStateMachine: paths and intrinsics', () => {
  test('refuses an InputPath that is not a JSONPath', () => {
    expect(show(machine({ A: { Type: 'Pass', InputPath: 'input.a', End: true } })))
      .toMatchInlineSnapshot(`
      [
        "SFN215 SCHEMA_VALIDATION_FAILED /States/A/InputPath: The value for the field 'InputPath' must be a valid JSONPath: A path must start with '$': 'input.a'.",
      ]
    `)
  })

  test('refuses a ResultPath into the context object', () => {
    expect(show(machine({ A: { Type: 'Pass', ResultPath: '$$.Execution', End: true } })))
      .toMatchInlineSnapshot(`
      [
        "SFN234 SCHEMA_VALIDATION_FAILED /States/A/ResultPath: The field 'ResultPath' of state 'A' can only write into the state's data ("$..."), not into the context object or a variable. Use Assign to set a variable.",
      ]
    `)
  })

  test('refuses an ItemsPath that can select several nodes', () => {
    expect(
      show(
        machine({
          M: {
            Type: 'Map',
            ItemsPath: '$.a[*]',
            ItemProcessor: { StartAt: 'P', States: { P: end } },
            End: true,
          },
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN215 SCHEMA_VALIDATION_FAILED /States/M/ItemsPath: The value for the field 'ItemsPath' must be a valid ReferencePath",
      ]
    `)
  })

  test('refuses an intrinsic with an escape AWS does not allow, at the containing object', () => {
    expect(
      show(
        machine({
          A: {
            Type: 'Pass',
            Parameters: { 'parsed.$': `States.StringToJson('{"a":"\\"q\\""}')` },
            End: true,
          },
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN216 SCHEMA_VALIDATION_FAILED /States/A/Parameters: The value for the field 'parsed.$' must be a valid JSONPath or a valid intrinsic function call",
      ]
    `)
  })

  test('refuses an unknown intrinsic function', () => {
    expect(
      show(
        machine({
          A: { Type: 'Pass', Parameters: { nested: { 'x.$': 'States.Nope($.a)' } }, End: true },
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN216 SCHEMA_VALIDATION_FAILED /States/A/Parameters/nested: The value for the field 'x.$' must be a valid JSONPath or a valid intrinsic function call",
      ]
    `)
  })

  test('refuses a key given with and without .$', () => {
    expect(show(machine({ A: { Type: 'Pass', Parameters: { a: 1, 'a.$': '$.a' }, End: true } })))
      .toMatchInlineSnapshot(`
      [
        "SFN217 SCHEMA_VALIDATION_FAILED /States/A/Parameters: The field 'a' appears twice in state 'A' once '.$' is removed ('a' and 'a.$'); keep one of them.",
      ]
    `)
  })

  test('keeps a path-looking value without .$ as a literal', () => {
    expect(
      show(machine({ A: { Type: 'Pass', Parameters: { a: 'States.Nope(' }, End: true } })),
    ).toStrictEqual([])
  })
})

describe('validateStateMachine: JSONata expressions', () => {
  const jsonata = (state: Record<string, unknown>, more: Record<string, unknown> = {}): unknown =>
    machine({ A: { End: true, ...state }, ...more }, { QueryLanguage: 'JSONata' })

  test('refuses an expression that does not parse', () => {
    expect(show(jsonata({ Type: 'Pass', Output: { v: '{% $states.input.a + %}' } })))
      .toMatchInlineSnapshot(`
      [
        "SFN218 INVALID_JSONATA_EXPRESSION /States/A/Output/v: Unexpected end of expression",
      ]
    `)
  })

  test('refuses an expression whose delimiters are not closed', () => {
    expect(show(jsonata({ Type: 'Pass', Output: '{% $states.input' }))).toMatchInlineSnapshot(`
      [
        "SFN218 INVALID_JSONATA_EXPRESSION /States/A/Output: The JSONata expression in state 'A' must start with '{%' and end with '%}'.",
      ]
    `)
  })

  test('refuses a bare field name at the top level, naming it', () => {
    expect(show(jsonata({ Type: 'Pass', Output: { v: '{% phone %}' } }))).toMatchInlineSnapshot(`
      [
        "SFN219 UNSUPPORTED_JSONATA_EXPRESSION /States/A/Output/v: Reference to 'phone' at the top level is not supported.",
      ]
    `)
  })

  test('allows bare names inside a filter', () => {
    expect(
      show(jsonata({ Type: 'Pass', Output: '{% $states.input.items[price > 1].name %}' })),
    ).toStrictEqual([])
  })

  test('allows $ inside lambdas, transforms and path steps, which read their own context', () => {
    expect(
      show(
        jsonata({
          Type: 'Pass',
          Output: {
            a: '{% $map($states.input.list, function($v) { $v.x }) %}',
            b: "{% $states.input ~> | $ | {'seen': true} | %}",
            c: '{% $states.input.items.(price * qty) %}',
          },
        }),
      ),
    ).toStrictEqual([])
  })

  test('refuses $$', () => {
    expect(show(jsonata({ Type: 'Pass', Output: '{% $$.a %}' }))).toMatchInlineSnapshot(`
      [
        "SFN219 UNSUPPORTED_JSONATA_EXPRESSION /States/A/Output: Reference to '$$' is not supported.",
      ]
    `)
  })

  test('refuses $states.result in Arguments', () => {
    expect(
      show(
        jsonata({
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Arguments: '{% $states.result %}',
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN220 UNSUPPORTED_JSONATA_EXPRESSION /States/A/Arguments: Field '$states.result' does not exist here in state 'A': it exists only in the Output and Assign of Task, Map and Parallel states; read the input with $states.input.",
      ]
    `)
  })

  test('allows $states.result in the Output and Assign of a Task', () => {
    expect(
      show(
        jsonata({
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Output: '{% $states.result.Payload %}',
          Assign: { r: '{% $states.result %}' },
        }),
      ),
    ).toStrictEqual([])
  })

  test('refuses $states.errorOutput outside a catcher', () => {
    expect(show(jsonata({ Type: 'Pass', Output: '{% $states.errorOutput %}' })))
      .toMatchInlineSnapshot(`
        [
          "SFN220 UNSUPPORTED_JSONATA_EXPRESSION /States/A/Output: Field '$states.errorOutput' does not exist.",
        ]
      `)
  })

  test('refuses a $states field that does not exist', () => {
    expect(show(jsonata({ Type: 'Pass', Output: '{% $states.inputs.id %}' })))
      .toMatchInlineSnapshot(`
      [
        "SFN220 UNSUPPORTED_JSONATA_EXPRESSION /States/A/Output: Field '$states.inputs' does not exist. $states has input, context, result and errorOutput.",
      ]
    `)
  })

  test('allows $states.errorOutput in a catcher Output', () => {
    expect(
      show(
        jsonata(
          {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Catch: [
              { ErrorEquals: ['States.ALL'], Output: '{% $states.errorOutput %}', Next: 'D' },
            ],
          },
          { D: end },
        ),
      ),
    ).toStrictEqual([])
  })
})

describe('validateStateMachine: variables', () => {
  test('refuses assigning the reserved name states', () => {
    expect(show(machine({ A: { Type: 'Pass', Assign: { states: 1 }, End: true } })))
      .toMatchInlineSnapshot(`
      [
        "SFN223 SCHEMA_VALIDATION_FAILED /States/A/Assign: State 'A' assigns the variable 'states', which is reserved; choose another name.",
      ]
    `)
  })

  test('refuses a variable name that is not an identifier', () => {
    expect(show(machine({ A: { Type: 'Pass', Assign: { '1st': 1 }, End: true } })))
      .toMatchInlineSnapshot(`
      [
        "SFN223 SCHEMA_VALIDATION_FAILED /States/A/Assign: State 'A' assigns '1st', which is not a valid variable name: use a letter or '_' followed by letters, digits or '_', at most 80 characters.",
      ]
    `)
  })

  test('refuses an inner scope assigning a variable of an outer scope', () => {
    expect(
      show(
        machine({
          A: { Type: 'Pass', Assign: { total: 0 }, Next: 'M' },
          M: {
            Type: 'Map',
            ItemProcessor: {
              StartAt: 'P',
              States: { P: { Type: 'Pass', Assign: { total: 1 }, End: true } },
            },
            End: true,
          },
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN224 SCHEMA_VALIDATION_FAILED /States/M/ItemProcessor/States/P/Assign/total: The variable 'total' is assigned here in an inner scope but already belongs to an outer scope; an inner scope may read it but not assign it. Rename the inner variable or return the value as output.",
      ]
    `)
  })

  test('lets a Distributed Map child reuse an outer name, as it cannot see outer variables', () => {
    expect(
      show(
        machine({
          A: { Type: 'Pass', Assign: { total: 0 }, Next: 'M' },
          M: {
            Type: 'Map',
            ItemProcessor: {
              ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
              StartAt: 'P',
              States: { P: { Type: 'Pass', Assign: { total: 1 }, End: true } },
            },
            End: true,
          },
        }),
      ),
    ).toStrictEqual([])
  })
})

describe('validateStateMachine: Map', () => {
  const labelled = (label: unknown): unknown =>
    machine({
      M: {
        Type: 'Map',
        Label: label,
        ItemProcessor: { StartAt: 'P', States: { P: end } },
        End: true,
      },
    })

  test('refuses a Label with a forbidden character', () => {
    expect(show(labelled('my label'))).toMatchInlineSnapshot(`
      [
        "SFN225 INVALID_LABEL_NAME /States/M/Label: Label contains invalid character: ' '. Map state 'M' needs a Label without whitespace, control characters or any of ? * < > { } [ ] : ; , \\ | ^ ~ $ # % & \` ".",
      ]
    `)
  })

  test('refuses an empty Label', () => {
    expect(show(labelled(''))).toMatchInlineSnapshot(`
      [
        "SFN225 INVALID_LABEL_NAME /States/M/Label: The Label of Map state 'M' cannot be empty; remove it or give it a name.",
      ]
    `)
  })

  test('refuses a Label longer than 40 characters', () => {
    expect(show(labelled('L'.repeat(41)))).toMatchInlineSnapshot(`
      [
        "SFN225 INVALID_LABEL_NAME /States/M/Label: The Label of Map state 'M' is longer than 40 characters; shorten it.",
      ]
    `)
  })

  test('requires ExecutionType on a Distributed Map processor', () => {
    expect(
      show(
        machine({
          M: {
            Type: 'Map',
            ItemProcessor: {
              ProcessorConfig: { Mode: 'DISTRIBUTED' },
              StartAt: 'P',
              States: { P: end },
            },
            End: true,
          },
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN202 SCHEMA_VALIDATION_FAILED /States/M/ItemProcessor/ProcessorConfig: These fields are required: [ExecutionType]",
      ]
    `)
  })

  test('refuses ItemProcessor together with Iterator', () => {
    const processor = { StartAt: 'P', States: { P: end } }
    expect(
      show(
        machine({
          M: {
            Type: 'Map',
            ItemProcessor: processor,
            Iterator: { StartAt: 'Q', States: { Q: end } },
            End: true,
          },
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN206 SCHEMA_VALIDATION_FAILED /States/M: State 'M' sets 'ItemProcessor' and 'Iterator', which are mutually exclusive; keep one.",
      ]
    `)
  })
})

describe('validateStateMachine: resources and EXPRESS', () => {
  const task = (resource: string): unknown =>
    machine({ T: { Type: 'Task', Resource: resource, End: true } })

  test('refuses an optimized integration that does not exist', () => {
    expect(show(task('arn:aws:states:::dynamodb:query'))).toMatchInlineSnapshot(`
      [
        "SFN228 SCHEMA_VALIDATION_FAILED /States/T/Resource: The resource provided arn:aws:states:::dynamodb:query is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.",
      ]
    `)
  })

  test('refuses an integration pattern the service does not offer', () => {
    expect([
      ...show(task('arn:aws:states:::sns:publish.sync')),
      ...show(task('arn:aws:states:::lambda:invoke.sync:2')),
      ...show(task('arn:aws:states:::dynamodb:putItem.waitForTaskToken')),
    ]).toMatchInlineSnapshot(`
      [
        "SFN228 SCHEMA_VALIDATION_FAILED /States/T/Resource: The resource provided arn:aws:states:::sns:publish.sync is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.",
        "SFN228 SCHEMA_VALIDATION_FAILED /States/T/Resource: The resource provided arn:aws:states:::lambda:invoke.sync:2 is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.",
        "SFN228 SCHEMA_VALIDATION_FAILED /States/T/Resource: The resource provided arn:aws:states:::dynamodb:putItem.waitForTaskToken is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.",
      ]
    `)
  })

  test('refuses a Resource that is not an ARN', () => {
    expect(show(task('createToken'))).toMatchInlineSnapshot(`
      [
        "SFN228 SCHEMA_VALIDATION_FAILED /States/T/Resource: The resource provided createToken is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.",
      ]
    `)
  })

  test('accepts AWS SDK integrations, Lambda functions and activities', () => {
    expect([
      ...show(task('arn:aws:states:::aws-sdk:dynamodb:query')),
      ...show(task('arn:aws:lambda:us-east-1:111111111111:function:my-fn:prod')),
      ...show(task('arn:aws:states:us-east-1:111111111111:activity:work')),
      ...show(task('arn:aws:states:::states:startExecution.sync:2')),
    ]).toStrictEqual([])
  })

  test('refuses .sync in an EXPRESS machine', () => {
    expect(show(task('arn:aws:states:::states:startExecution.sync'), { type: 'EXPRESS' }))
      .toMatchInlineSnapshot(`
      [
        "SFN227 SCHEMA_VALIDATION_FAILED /States/T/Resource: Express state machine does not support '.sync' service integration",
      ]
    `)
  })

  test('refuses .waitForTaskToken in an EXPRESS machine, trailing space included as AWS writes it', () => {
    expect(show(task('arn:aws:states:::sqs:sendMessage.waitForTaskToken'), { type: 'EXPRESS' }))
      .toMatchInlineSnapshot(`
      [
        "SFN227 SCHEMA_VALIDATION_FAILED /States/T/Resource: Express state machine does not support '.waitForTaskToken' service integration ",
      ]
    `)
  })

  test('refuses activities in an EXPRESS machine', () => {
    expect(show(task('arn:aws:states:us-east-1:111111111111:activity:work'), { type: 'EXPRESS' }))
      .toMatchInlineSnapshot(`
      [
        "SFN227 SCHEMA_VALIDATION_FAILED /States/T/Resource: Express state machine does not support Activity ARN",
      ]
    `)
  })

  test('refuses a Distributed Map in an EXPRESS machine', () => {
    expect(
      show(
        machine({
          M: {
            Type: 'Map',
            ItemProcessor: {
              ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
              StartAt: 'P',
              States: { P: end },
            },
            End: true,
          },
        }),
        { type: 'EXPRESS' },
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN227 SCHEMA_VALIDATION_FAILED /States/M: Express state machine does not support Distributed Map state 'M'; use an INLINE Map or a STANDARD state machine.",
      ]
    `)
  })
})

describe('validateStateMachine: hostile input', () => {
  test('refuses JSON text nested 10,000 levels deep without overflowing the stack', () => {
    const deep = `{"StartAt":"A","States":{"A":{"Type":"Pass","Result":${'['.repeat(10_000)}${']'.repeat(10_000)},"End":true}}}`

    const diagnostics = validateStateMachine(deep)

    expect(diagnostics.map((d) => `${d.code} ${d.path}`)).toMatchInlineSnapshot(`
      [
        "SFN230 /States/A/Result[0][0][0][0][0]",
      ]
    `)
  })

  test('refuses an object nested 10,000 levels deep', () => {
    let value: unknown = 'leaf'
    for (let i = 0; i < 10_000; i++) value = { v: value }

    expect(show(machine({ A: { Type: 'Pass', Result: value, End: true } })).length).toBe(1)
  })

  test('reports a path nested too deeply to parse instead of overflowing the stack', () => {
    const path = `$[?(${'('.repeat(10_000)}@.a${')'.repeat(10_000)})]`

    expect(show(machine({ A: { Type: 'Pass', InputPath: path, End: true } })))
      .toMatchInlineSnapshot(`
      [
        "SFN215 SCHEMA_VALIDATION_FAILED /States/A/InputPath: The value for the field 'InputPath' must be a valid JSONPath: it is nested too deeply to parse; simplify it",
      ]
    `)
  })

  test('reports a JSONata expression nested too deeply to parse', () => {
    const expression = `{% ${'('.repeat(5_000)}1${')'.repeat(5_000)} %}`

    expect(
      show(
        machine(
          { A: { Type: 'Pass', Output: expression, End: true } },
          { QueryLanguage: 'JSONata' },
        ),
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN218 INVALID_JSONATA_EXPRESSION /States/A/Output: The JSONata expression is nested too deeply to parse; simplify it.",
      ]
    `)
  })

  test('refuses a cyclic definition object', () => {
    const state: Record<string, unknown> = { Type: 'Pass', End: true }
    state['Result'] = state

    expect(show(machine({ A: state }))).toMatchInlineSnapshot(`
      [
        "SFN231 SCHEMA_VALIDATION_FAILED /States/A/Result: The definition refers back to itself here (a cycle); a definition must be a JSON tree.",
      ]
    `)
  })

  test('refuses values that are not JSON', () => {
    expect(
      show(
        machine({
          A: { Type: 'Pass', Result: { n: Number.NaN, f: () => 1, list: [undefined] }, End: true },
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN231 SCHEMA_VALIDATION_FAILED /States/A/Result/n: The value NaN is not a JSON number.",
        "SFN231 SCHEMA_VALIDATION_FAILED /States/A/Result/f: A definition holds JSON values only; found function.",
        "SFN231 SCHEMA_VALIDATION_FAILED /States/A/Result/list[0]: This array element is undefined, which JSON cannot hold; remove it.",
      ]
    `)
  })

  test('treats an undefined field as absent, as JSON.stringify does', () => {
    expect(
      show(machine({ A: { Type: 'Pass', Comment: undefined, Next: undefined, End: true } })),
    ).toStrictEqual([])
  })

  test('treats a __proto__ key as data, never as a prototype', () => {
    const definition = JSON.parse(
      '{"StartAt":"__proto__","States":{"__proto__":{"Type":"Pass","Next":"toString"},"toString":{"Type":"Succeed"}}}',
    ) as unknown

    expect(show(definition)).toStrictEqual([])
  })

  test('does not mistake an inherited name for a state', () => {
    expect(show(machine({ A: { Type: 'Pass', Next: 'constructor' } }))).toMatchInlineSnapshot(`
      [
        "SFN208 MISSING_TRANSITION_TARGET /States/A/Next: Missing 'Next' target: constructor",
        "SFN210 MISSING_END_STATE : Workflow has no terminal state",
      ]
    `)
  })
})

describe('validateStateMachine: rules measured against AWS by other emulators', () => {
  test('only warns about a Map processor without a terminal state; AWS refuses that at the top level only', () => {
    expect(
      show(
        machine({
          M: {
            Type: 'Map',
            ItemProcessor: {
              StartAt: 'P',
              States: { P: { Type: 'Pass', Next: 'Q' }, Q: { Type: 'Pass', Next: 'P' } },
            },
            End: true,
          },
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN210 MISSING_END_STATE /States/M/ItemProcessor: This Map processor has no terminal state, so it can never finish; end one of its states with "End": true, a Succeed or a Fail state.",
      ]
    `)
  })

  test('reports a QueryLanguage value apart from the language it resolves to', () => {
    expect(show(machine({ A: { Type: 'Pass', QueryLanguage: 'jsonata', Output: 1, End: true } })))
      .toMatchInlineSnapshot(`
      [
        "SFN204 SCHEMA_VALIDATION_FAILED /States/A/QueryLanguage: Value should be one of the following: [JSONPath, JSONata]",
      ]
    `)
  })

  test('reports a QueryLanguage that is not a string', () => {
    expect(show(machine({ A: { Type: 'Pass', End: true } }, { QueryLanguage: 1 })))
      .toMatchInlineSnapshot(`
      [
        "SFN204 SCHEMA_VALIDATION_FAILED /QueryLanguage: Expected value of type [STRING]",
      ]
    `)
  })

  test('names only the downgrade for a JSONPath state in a JSONata machine', () => {
    expect(
      show(
        machine(
          { A: { Type: 'Pass', QueryLanguage: 'JSONPath', Output: '{% 1 %}', End: true } },
          { QueryLanguage: 'JSONata' },
        ),
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN222 SCHEMA_VALIDATION_FAILED /States/A: 'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine",
      ]
    `)
  })

  test('refuses an ItemReader that does not read from S3', () => {
    expect(
      show(
        machine({
          M: {
            Type: 'Map',
            ItemReader: { Resource: 'arn:aws:states:::dynamodb:getItem' },
            ItemProcessor: {
              ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
              StartAt: 'P',
              States: { P: end },
            },
            End: true,
          },
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN204 SCHEMA_VALIDATION_FAILED /States/M/ItemReader/Resource: The field 'Resource' does not match any of the allowed values. Examples: [arn:aws:states:::s3:getObject, arn:aws:states:::s3:listObjectsV2]",
      ]
    `)
  })

  test('refuses a Fail ErrorPath that is not a string', () => {
    expect(show(machine({ F: { Type: 'Fail', ErrorPath: 42 } }))).toMatchInlineSnapshot(`
      [
        "SFN204 SCHEMA_VALIDATION_FAILED /States/F/ErrorPath: Expected value of type [STRING]",
      ]
    `)
  })
})

describe('validateStateMachine: AWS warnings', () => {
  test('warns about a path in a field whose name lacks .$', () => {
    expect(show(machine({ A: { Type: 'Pass', Parameters: { id: '$.order.id' }, End: true } })))
      .toMatchInlineSnapshot(`
      [
        "SFN240 NO_DOLLAR /States/A/Parameters: The field 'id' of state 'A' holds '$.order.id', which is passed on as text because the field name does not end in '.$'; rename it 'id.$' to evaluate it.",
      ]
    `)
  })

  test('warns about a path in a Pass Result, which is never evaluated', () => {
    expect(show(machine({ A: { Type: 'Pass', Result: { 'id.$': '$.order.id' }, End: true } })))
      .toMatchInlineSnapshot(`
      [
        "SFN241 PASS_RESULT_IS_STATIC /States/A/Result/id.$: The Result of Pass state 'A' is static, so 'id.$' is not evaluated; use Parameters to build the output from the input.",
      ]
    `)
  })

  test('warns about a path assigned to a variable without .$', () => {
    expect(show(machine({ A: { Type: 'Pass', Assign: { id: '$.order.id' }, End: true } })))
      .toMatchInlineSnapshot(`
      [
        "SFN240 NO_DOLLAR /States/A/Assign: The field 'id' of state 'A' holds '$.order.id', which is passed on as text because the field name does not end in '.$'; rename it 'id.$' to evaluate it.",
      ]
    `)
  })

  test('leaves text that merely starts with $ alone', () => {
    expect(
      show(
        machine({ A: { Type: 'Pass', Parameters: { price: '$5.00', name: '$name' }, End: true } }),
      ),
    ).toStrictEqual([])
  })
})

describe('validateStateMachine: definitions from build steps', () => {
  test('leaves a Resource holding a deployment substitution alone', () => {
    expect([
      ...show(machine({ T: { Type: 'Task', Resource: '${ChargeCardArn}', End: true } })),
      ...show(
        machine({
          T: {
            Type: 'Task',
            Resource: 'arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:f',
            End: true,
          },
        }),
      ),
    ]).toStrictEqual([])
  })
})

describe('validateStateMachine: positions in JSON text', () => {
  test('gives the line and column of each problem found in definition text', () => {
    const text = [
      '{',
      '  "StartAt": "A",',
      '  "States": {',
      '    "A": { "Type": "Pass", "Next": "B" },',
      '    "W": {',
      '      "Type": "Wait",',
      '      "Timestamp": "2016-12-05 21:29:29Z",',
      '      "End": true',
      '    }',
      '  }',
      '}',
    ].join('\n')

    const found = validateStateMachine(text).map((d) => `${d.line}:${d.column} ${d.path}`)

    expect(found).toStrictEqual(['7:7 /States/W/Timestamp', '4:28 /States/A/Next', '5:5 /States/W'])
  })

  test('points a problem about an array element at that element', () => {
    const text =
      '{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.a","IsNull":true,"Next":"C"},{"Next":"C"}]}}}'

    const found = validateStateMachine(text).map((d) => `${d.line}:${d.column} ${d.path}`)

    expect(found).toStrictEqual(['1:102 /States/C/Choices[1]', '1:1 '])
  })
})

describe('validateStateMachine: JSON text errors in Jackson wording', () => {
  test('names what the parser expected where the text goes wrong', () => {
    const texts = {
      trailingComma: '{"StartAt": "A",}',
      missingComma: '{"a": [1 2]}',
      missingColon: '{"StartAt" "A"}',
      textAfterObject: '{"a": 1} x',
      cutOff: '{"a": [1, 2',
    }

    const messages = Object.entries(texts).map(
      ([name, text]) => `${name}: ${validateStateMachine(text)[0]?.message.split('\n')[0]}`,
    )

    expect(messages).toMatchInlineSnapshot(`
      [
        "trailingComma: Unexpected character ('}' (code 125)): was expecting double-quote to start field name",
        "missingComma: Unexpected character ('2' (code 50)): was expecting comma to separate Array entries",
        "missingColon: Unexpected character ('"' (code 34)): was expecting a colon to separate field name and value",
        "textAfterObject: Unexpected character ('x' (code 120)): expected end of the definition (it must hold one JSON object)",
        "cutOff: Unexpected end-of-input",
      ]
    `)
  })
})

describe('validateStateMachine: variables nobody assigns', () => {
  test('warns about a variable that no Assign sets', () => {
    expect(
      show(
        machine({
          A: { Type: 'Pass', Assign: { total: 1 }, Next: 'B' },
          B: { Type: 'Pass', Parameters: { 'n.$': '$totl' }, End: true },
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN242 NOT_CHECKED_BY_AWS /States/B: State 'B' reads the variable '$totl', which no state assigns; assign it first with Assign, or correct the name.",
      ]
    `)
  })

  test('counts a catcher Assign as an assignment', () => {
    expect(
      show(
        machine({
          T: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Catch: [{ ErrorEquals: ['States.ALL'], Assign: { 'failure.$': '$' }, Next: 'F' }],
            End: true,
          },
          F: { Type: 'Fail', ErrorPath: '$failure.Error' },
        }),
      ),
    ).toStrictEqual([])
  })
})

describe('validateStateMachine: more field rules', () => {
  const distributed = {
    ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
    StartAt: 'P',
    States: { P: end },
  }

  test('refuses a second Map with the same Label', () => {
    expect(
      show(
        machine({
          A: { Type: 'Map', Label: 'Same', ItemProcessor: distributed, Next: 'B' },
          B: {
            Type: 'Map',
            Label: 'Same',
            ItemProcessor: { ...distributed, States: { Q: end }, StartAt: 'Q' },
            End: true,
          },
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN226 DUPLICATE_LABEL_NAME /States/B/Label: Duplicate Label name: Same",
      ]
    `)
  })

  test('refuses an unknown ReaderConfig InputType', () => {
    expect(
      show(
        machine({
          M: {
            Type: 'Map',
            ItemReader: {
              Resource: 'arn:aws:states:::s3:getObject',
              ReaderConfig: { InputType: 'XML' },
            },
            ItemProcessor: distributed,
            End: true,
          },
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN204 SCHEMA_VALIDATION_FAILED /States/M/ItemReader/ReaderConfig/InputType: The field 'InputType' should have one of these values: [MANIFEST, JSON, CSV, JSONL, PARQUET]",
      ]
    `)
  })

  test('refuses an ItemBatcher MaxInputBytesPerBatch over 256 KiB', () => {
    expect(
      show(
        machine({
          M: {
            Type: 'Map',
            ItemBatcher: { MaxInputBytesPerBatch: 300_000 },
            ItemProcessor: distributed,
            End: true,
          },
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN232 SCHEMA_VALIDATION_FAILED /States/M/ItemBatcher/MaxInputBytesPerBatch: The field 'MaxInputBytesPerBatch' must be between 1 and 262144; it is 300000.",
      ]
    `)
  })

  test('refuses a ResultWriter that does not write to S3', () => {
    expect(
      show(
        machine({
          M: {
            Type: 'Map',
            ResultWriter: {
              Resource: 'arn:aws:states:::dynamodb:putItem',
              Parameters: { Bucket: 'b' },
            },
            ItemProcessor: distributed,
            End: true,
          },
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN204 SCHEMA_VALIDATION_FAILED /States/M/ResultWriter/Resource: The field 'Resource' does not match the allowed value arn:aws:states:::s3:putObject",
      ]
    `)
  })

  test('refuses a ToleratedFailurePercentage above 100', () => {
    expect(
      show(
        machine({
          M: {
            Type: 'Map',
            ToleratedFailurePercentage: 150,
            ItemProcessor: distributed,
            End: true,
          },
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN232 SCHEMA_VALIDATION_FAILED /States/M/ToleratedFailurePercentage: The field 'ToleratedFailurePercentage' of state 'M' must be between 0 and 100; it is 150.",
      ]
    `)
  })

  test('refuses an unknown field in a retrier', () => {
    expect(
      show(
        machine({
          T: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Retry: [{ ErrorEquals: ['X'], Backoff: 2 }],
            End: true,
          },
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN203 SCHEMA_VALIDATION_FAILED /States/T/Retry[0]: Field 'Backoff' is not supported",
      ]
    `)
  })

  test('refuses a catcher Output in a JSONPath state', () => {
    expect(
      show(
        machine({
          T: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Catch: [
              { ErrorEquals: ['States.ALL'], Output: '{% $states.errorOutput %}', Next: 'D' },
            ],
            End: true,
          },
          D: end,
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN221 SCHEMA_VALIDATION_FAILED /States/T/Catch[0]: The QueryLanguage is set to 'JSONPath', but field 'Output' is only supported for the 'JSONata' QueryLanguage",
      ]
    `)
  })

  test('refuses a JSONata Condition in a JSONPath Choice rule', () => {
    expect(
      show(
        machine({
          C: { Type: 'Choice', Choices: [{ Condition: '{% true %}', Next: 'D' }] },
          D: end,
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN221 SCHEMA_VALIDATION_FAILED /States/C/Choices[0]: The QueryLanguage is set to 'JSONPath', but field 'Condition' is only supported for the 'JSONata' QueryLanguage",
        "SFN213 SCHEMA_VALIDATION_FAILED /States/C/Choices[0]: A rule of Choice state 'C' has no condition; give it a 'Variable' and a comparison operator, or 'And', 'Or' or 'Not'.",
      ]
    `)
  })

  test('refuses a JSONPath comparison in a JSONata Choice rule', () => {
    expect(
      show(
        machine(
          {
            C: {
              Type: 'Choice',
              Choices: [{ Variable: '$.a', IsNull: true, Condition: true, Next: 'D' }],
            },
            D: end,
          },
          { QueryLanguage: 'JSONata' },
        ),
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN221 SCHEMA_VALIDATION_FAILED /States/C/Choices[0]: The QueryLanguage is set to 'JSONata', but field 'Variable' is only supported for the 'JSONPath' QueryLanguage",
        "SFN221 SCHEMA_VALIDATION_FAILED /States/C/Choices[0]: The QueryLanguage is set to 'JSONata', but field 'IsNull' is only supported for the 'JSONPath' QueryLanguage",
      ]
    `)
  })

  test('refuses an Assign that is not an object', () => {
    expect(show(machine({ A: { Type: 'Pass', Assign: ['x'], End: true } }))).toMatchInlineSnapshot(`
      [
        "SFN204 SCHEMA_VALIDATION_FAILED /States/A/Assign: The field 'Assign' of state 'A' must be an object of variable names to values.",
      ]
    `)
  })

  test('accepts an intrinsic call in a Fail ErrorPath and refuses a malformed one', () => {
    expect([
      ...show(machine({ F: { Type: 'Fail', ErrorPath: "States.Format('E{}', $.code)" } })),
      ...show(machine({ F: { Type: 'Fail', CausePath: "States.Format('E{}', $.code" } })),
    ]).toMatchInlineSnapshot(`
      [
        "SFN216 SCHEMA_VALIDATION_FAILED /States/F/CausePath: The value for the field 'CausePath' must be a valid JSONPath or a valid intrinsic function call",
      ]
    `)
  })

  test('refuses a Choice rule without a condition', () => {
    expect(show(machine({ C: { Type: 'Choice', Choices: [{ Next: 'D' }] }, D: end })))
      .toMatchInlineSnapshot(`
      [
        "SFN213 SCHEMA_VALIDATION_FAILED /States/C/Choices[0]: A rule of Choice state 'C' has no condition; give it a 'Variable' and a comparison operator, or 'And', 'Or' or 'Not'.",
      ]
    `)
  })

  test('refuses an unknown field in ProcessorConfig', () => {
    expect(
      show(
        machine({
          M: {
            Type: 'Map',
            ItemProcessor: {
              ProcessorConfig: { Mode: 'INLINE', Parallel: true },
              StartAt: 'P',
              States: { P: end },
            },
            End: true,
          },
        }),
      ),
    ).toMatchInlineSnapshot(`
      [
        "SFN203 SCHEMA_VALIDATION_FAILED /States/M/ItemProcessor/ProcessorConfig: Field 'Parallel' is not supported",
      ]
    `)
  })
})

describe('validateStateMachine: Distributed Map and outer variables', () => {
  const withChild = (child: Record<string, unknown>, map: Record<string, unknown> = {}): unknown =>
    machine({
      A: { Type: 'Pass', Assign: { bucket: 'b' }, Next: 'M' },
      M: {
        Type: 'Map',
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
          StartAt: 'Child',
          States: { Child: { End: true, ...child } },
        },
        End: true,
        ...map,
      },
    })

  test('warns when a child execution reads a variable of the parent', () => {
    expect(show(withChild({ Type: 'Pass', Parameters: { 'b.$': '$bucket' } })))
      .toMatchInlineSnapshot(`
      [
        "SFN243 NOT_CHECKED_BY_AWS /States/M/ItemProcessor/States/Child: State 'Child' reads the variable '$bucket', which is assigned outside its Distributed Map; child executions cannot see the parent's variables. Pass the value in through ItemSelector instead.",
      ]
    `)
  })

  test('accepts the parent passing the value in through ItemSelector', () => {
    expect(
      show(
        withChild(
          { Type: 'Pass', Parameters: { 'b.$': '$.bucket' } },
          { ItemSelector: { 'bucket.$': '$bucket' } },
        ),
      ),
    ).toStrictEqual([])
  })
})

describe('validateStateMachine: intrinsic calls that can only fail when they run', () => {
  const pass = (value: string): unknown =>
    machine({ A: { Type: 'Pass', Parameters: { 'v.$': value }, End: true } })

  test('warns about a wrong number of arguments', () => {
    expect(show(pass('States.ArrayRange(1, 10)'))).toMatchInlineSnapshot(`
      [
        "SFN244 NOT_CHECKED_BY_AWS /States/A/Parameters: In state 'A', States.ArrayRange: takes 3 arguments but is given 2; the call fails when it runs.",
      ]
    `)
  })

  test('warns when States.Format placeholders and values differ', () => {
    expect(show(pass("States.Format('{} and {}', $.a)"))).toMatchInlineSnapshot(`
      [
        "SFN244 NOT_CHECKED_BY_AWS /States/A/Parameters: In state 'A', States.Format: the template has 2 '{}' but 1 value follows; make them match.",
      ]
    `)
  })

  test('counts escaped braces as text in States.Format', () => {
    expect(show(pass("States.Format('\\\\{\\\\} is {}', $.a)"))).toStrictEqual([])
  })

  test('warns about an unknown hash algorithm and a deep JsonMerge', () => {
    expect([
      ...show(pass("States.Hash($.a, 'SHA-999')")),
      ...show(pass('States.JsonMerge($.a, $.b, true)')),
    ]).toMatchInlineSnapshot(`
      [
        "SFN244 NOT_CHECKED_BY_AWS /States/A/Parameters: In state 'A', States.Hash: 'SHA-999' is not a hash algorithm; use one of MD5, SHA-1, SHA-256, SHA-384, SHA-512.",
        "SFN244 NOT_CHECKED_BY_AWS /States/A/Parameters: In state 'A', States.JsonMerge: AWS supports only a shallow merge; pass false as the third argument.",
      ]
    `)
  })
})
