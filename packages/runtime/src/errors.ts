/**
 * An execution failure with ASL's own error name, as Retry, Catch and the execution result see it
 * (`States.TaskFailed`, `States.Runtime`, a Lambda `errorType`, a Fail state's `Error`, …).
 * `cause` is the exact text AWS would report; `undefined` means AWS reports none.
 */
export class StatesError extends Error {
  readonly error: string
  override readonly cause: string | undefined

  constructor(error: string, cause?: string) {
    super(cause === undefined ? error : `${error}: ${cause}`)
    this.name = 'StatesError'
    this.error = error
    this.cause = cause
  }
}

/** A definition the runtime refuses to run (codes SFN4xx); thrown before anything executes. */
export class DefinitionError extends Error {
  readonly problems: readonly { code: string; rule?: string; path: string; message: string }[]

  constructor(problems: readonly { code: string; rule?: string; path: string; message: string }[]) {
    super(
      `The state machine definition is invalid:\n${problems.map((p) => `  ${p.code}${p.rule !== undefined ? ` (${p.rule})` : ''} ${p.path}: ${p.message}`).join('\n')}`,
    )
    this.name = 'DefinitionError'
    this.problems = problems
  }
}

/** A broken invariant: always a bug in Statewright, never the user's fault. */
export class InternalError extends Error {
  constructor(message: string) {
    super(`${message} This is a bug in Statewright; please report it.`)
    this.name = 'InternalError'
  }
}
