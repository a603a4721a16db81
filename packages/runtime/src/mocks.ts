import type { JsonValue } from '@statewright/asl'
import { StatesError } from './errors.ts'
import { isJsonObject } from './json.ts'

/** One answer of a mocked service: its result, or the error it raises. */
export type MockedAnswer =
  | { readonly Return: unknown; readonly Throw?: undefined }
  | {
      readonly Throw: { readonly Error: string; readonly Cause?: string }
      readonly Return?: undefined
    }

/**
 * A mocked response as Step Functions Local's MockConfigFile writes it: answers keyed by the 0-based
 * invocation of the state, a single number (`"0"`) or an inclusive range (`"1-3"`).
 *
 * @example
 * { "0": { "Throw": { "Error": "Lambda.TooManyRequestsException", "Cause": "slow down" } },
 *   "1": { "Return": { "StatusCode": 200, "Payload": { "ok": true } } } }
 */
export type MockedResponse = Readonly<Record<string, MockedAnswer>>

/**
 * Step Functions Local's MockConfigFile: test cases per state machine, each mapping Task state names
 * to mocked responses. `Return` replaces the whole service response (for `lambda:invoke` that is the
 * envelope with `Payload`), exactly as in Step Functions Local.
 */
export interface MockConfigFile {
  readonly StateMachines: Readonly<
    Record<
      string,
      { readonly TestCases: Readonly<Record<string, Readonly<Record<string, string>>>> }
    >
  >
  readonly MockedResponses: Readonly<Record<string, MockedResponse>>
}

/**
 * The mocks of one test case of a MockConfigFile, keyed by state name.
 *
 * @example
 * mocksFromConfig(config, 'OrderFlow', 'HappyPath') // { ChargeCard: { "0": { "Return": … } } }
 */
export function mocksFromConfig(
  config: MockConfigFile,
  stateMachineName: string,
  testCase: string,
): Record<string, MockedResponse> {
  const machine = config.StateMachines[stateMachineName]
  if (machine === undefined) {
    throw new Error(
      `The mock config has no state machine '${stateMachineName}'. Add it under StateMachines, or pass its name as stateMachineName.`,
    )
  }
  const cases = machine.TestCases[testCase]
  if (cases === undefined) {
    throw new Error(
      `The mock config has no test case '${testCase}' for '${stateMachineName}'. Add it under TestCases.`,
    )
  }
  const mocks: Record<string, MockedResponse> = {}
  for (const [state, responseName] of Object.entries(cases)) {
    const response = config.MockedResponses[responseName]
    if (response === undefined) {
      throw new Error(
        `Test case '${testCase}' maps state '${state}' to '${responseName}', which MockedResponses does not define.`,
      )
    }
    mocks[state] = response
  }
  return mocks
}

/** The answer for the `invocation`-th (0-based) call of a mocked state. */
export function mockedAnswer(
  stateName: string,
  response: MockedResponse,
  invocation: number,
): MockedAnswer {
  for (const [key, answer] of Object.entries(response)) {
    const range = /^(\d+)(?:-(\d+))?$/.exec(key.trim())
    if (!range) continue
    const from = Number(range[1])
    const to = range[2] === undefined ? from : Number(range[2])
    if (invocation >= from && invocation <= to) return answer
  }
  throw new StatesError(
    'States.Runtime',
    `The mocked response for the state '${stateName}' has no answer for invocation ${invocation}. Add a key "${invocation}" (or a range covering it).`,
  )
}

/** Checks a mock answer's shape, so a typo fails clearly instead of returning undefined. */
export function answerResult(stateName: string, answer: MockedAnswer): JsonValue {
  if (
    isJsonObject(answer as unknown as JsonValue) &&
    'Throw' in answer &&
    answer.Throw !== undefined
  ) {
    const thrown = answer.Throw
    throw new StatesError(thrown.Error, thrown.Cause)
  }
  if (isJsonObject(answer as unknown as JsonValue) && 'Return' in answer)
    return answer.Return as JsonValue
  throw new StatesError(
    'States.Runtime',
    `The mocked answer for the state '${stateName}' has neither Return nor Throw.`,
  )
}
