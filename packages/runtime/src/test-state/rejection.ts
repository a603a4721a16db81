/**
 * A TestState call AWS refuses before running anything: `ValidationException` (a request rule) or
 * `InvalidDefinition` (the definition is not valid ASL). `message` is AWS's own text.
 *
 * @example
 * await testState({ definition: { Type: 'Pass', End: true }, mock: { result: '{}' } })
 * // rejects: TestStateRejected { code: 'ValidationException',
 * //   message: "State type 'Pass' is not supported when a mock is specified" }
 */
export class TestStateRejected extends Error {
  readonly code: 'ValidationException' | 'InvalidDefinition'

  constructor(code: 'ValidationException' | 'InvalidDefinition', message: string) {
    super(message)
    this.name = 'TestStateRejected'
    this.code = code
  }
}

/** A request rule broken (AWS's ValidationException). */
export function invalidRequest(message: string): TestStateRejected {
  return new TestStateRejected('ValidationException', message)
}
