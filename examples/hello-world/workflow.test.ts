import { readFileSync } from 'node:fs'
import { validateStateMachine } from '@statewright/asl'
import { compile } from '@statewright/compiler'
import { run } from '@statewright/runtime'
import { describe, expect, test } from 'vitest'
import { countEvents, expectSchemaAndAslValidatorAccept, statePath } from '../testing.ts'
import type { QueryLanguage } from '@statewright/asl'
import { helloWorld, helloWorldIn } from './workflow.ts'

const input = JSON.parse(readFileSync(new URL('./input.json', import.meta.url), 'utf8'))

const expected = {
  Comment: 'A Hello World example demonstrating various state types of the Amazon States Language.',
  QueryLanguage: 'JSONPath',
  StartAt: 'Pass',
  States: {
    Pass: {
      Type: 'Pass',
      Comment: 'A Pass state passes its input on, or reshapes it, without doing any work.',
      Parameters: {
        'IsHelloWorldExample.$': '$.IsHelloWorldExample',
        'message.$': "States.Format('Hello, {}!', $.name)",
      },
      Next: 'Hello World example?',
    },
    'Hello World example?': {
      Type: 'Choice',
      Comment: 'A Choice state adds branching logic to a state machine.',
      Choices: [{ Variable: '$.IsHelloWorldExample', BooleanEquals: true, Next: 'Wait 3 sec' }],
      Default: 'No',
    },
    'Wait 3 sec': {
      Type: 'Wait',
      Comment: 'A Wait state delays the execution for a given time.',
      Seconds: 3,
      Next: 'Parallel State',
    },
    'Parallel State': {
      Type: 'Parallel',
      Branches: [
        {
          StartAt: 'Hello',
          States: {
            Hello: { Type: 'Pass', Parameters: { 'greeting.$': '$.message' }, End: true },
          },
        },
        {
          StartAt: 'World',
          States: {
            World: { Type: 'Pass', Result: { from: 'the second branch' }, End: true },
          },
        },
      ],
      Next: 'Hello World',
    },
    'Hello World': { Type: 'Succeed' },
    No: { Type: 'Fail', Error: 'NotHelloWorld', Cause: 'Not Hello World' },
  },
}

// The same starter in JSONata: Output instead of Parameters/Result, a Condition instead of BooleanEquals.
const expectedJsonata = {
  Comment: 'A Hello World example demonstrating various state types of the Amazon States Language.',
  QueryLanguage: 'JSONata',
  StartAt: 'Pass',
  States: {
    Pass: {
      Type: 'Pass',
      Comment: 'A Pass state passes its input on, or reshapes it, without doing any work.',
      Output: {
        IsHelloWorldExample: '{% $states.input.IsHelloWorldExample %}',
        message: '{% ("Hello, " & $string($states.input.name) & "!") %}',
      },
      Next: 'Hello World example?',
    },
    'Hello World example?': {
      Type: 'Choice',
      Comment: 'A Choice state adds branching logic to a state machine.',
      Choices: [
        { Condition: '{% $states.input.IsHelloWorldExample = true %}', Next: 'Wait 3 sec' },
      ],
      Default: 'No',
    },
    'Wait 3 sec': expected.States['Wait 3 sec'],
    'Parallel State': {
      Type: 'Parallel',
      Branches: [
        {
          StartAt: 'Hello',
          States: {
            Hello: { Type: 'Pass', Output: { greeting: '{% $states.input.message %}' }, End: true },
          },
        },
        {
          StartAt: 'World',
          States: {
            World: { Type: 'Pass', Output: { from: 'the second branch' }, End: true },
          },
        },
      ],
      Next: 'Hello World',
    },
    'Hello World': { Type: 'Succeed' },
    No: expected.States.No,
  },
}

const languages: readonly QueryLanguage[] = ['JSONPath', 'JSONata']

describe('hello-world: compile', () => {
  test('compiles to the expected definition, with no diagnostics', () => {
    const compiled = compile(helloWorld)

    expect(compiled.diagnostics).toStrictEqual([])
    expect(compiled.asl).toStrictEqual(expected)
  })

  test('compiles to the expected JSONata definition, with no diagnostics', () => {
    const compiled = compile(helloWorldIn('JSONata'))

    expect(compiled.diagnostics).toStrictEqual([])
    expect(compiled.asl).toStrictEqual(expectedJsonata)
  })

  test.each(languages)('the %s ASL passes our validator and asl-validator', (language) => {
    const { asl } = compile(helloWorldIn(language))

    expect(validateStateMachine(asl)).toStrictEqual([])
    expectSchemaAndAslValidatorAccept(asl)
  })
})

describe.each(languages)('hello-world: run in %s', (language) => {
  const flow = helloWorldIn(language)

  test('a hello-world input waits 3 s, runs both branches and succeeds with their outputs', async () => {
    const result = await run(flow, input)

    expect(statePath(result)).toStrictEqual([
      'Pass',
      'Hello World example?',
      'Wait 3 sec',
      'Parallel State',
      'Hello',
      'World',
      'Hello World',
      'SUCCEEDED',
    ])
    // The Parallel's output is the array of its branches' outputs, in branch order.
    expect(result.output).toStrictEqual([
      { greeting: 'Hello, Statewright!' },
      { from: 'the second branch' },
    ])
    expect(countEvents(result, 'WaitStateEntered')).toBe(1)
    // The 3 s wait passes on the virtual clock: simulated time, the test does not sleep.
    expect(result.elapsedMs).toBe(3000)
  })

  test('any other input takes the Choice default and fails, without waiting', async () => {
    const result = await run(flow, { ...input, IsHelloWorldExample: false })

    expect(statePath(result)).toStrictEqual(['Pass', 'Hello World example?', 'No', 'FAILED'])
    expect(result).toMatchObject({
      status: 'FAILED',
      error: 'NotHelloWorld',
      cause: 'Not Hello World',
    })
    expect(result.elapsedMs).toBe(0)
  })
})
