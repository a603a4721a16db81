import type { JsonValue } from '@statewright/asl'
import { StatesError } from './errors.ts'

interface Waiter {
  readonly resolve: (output: JsonValue) => void
  readonly reject: (error: StatesError) => void
  readonly heartbeat: () => void
}

/**
 * @internal Task tokens of `.waitForTaskToken` tasks and activities waiting for an answer. The test
 * answers through the execution handle (`sendTaskSuccess/Failure/Heartbeat`), as a worker would through
 * the Step Functions API.
 */
export class TaskTokens {
  // PERF: made on first use; most executions never wait for a token.
  #waitingMap: Map<string, Waiter> | undefined
  #listenerList: ((token: string) => void)[] | undefined

  get #waiting(): Map<string, Waiter> {
    return (this.#waitingMap ??= new Map())
  }

  get #listeners(): ((token: string) => void)[] {
    return (this.#listenerList ??= [])
  }

  /** Registers `token`; `onHeartbeat` runs on each heartbeat. Returns the promise of the answer. */
  wait(token: string, onHeartbeat: () => void): { answer: Promise<JsonValue>; cancel: () => void } {
    let cancel = (): void => {}
    const answer = new Promise<JsonValue>((resolve, reject) => {
      this.#waiting.set(token, { resolve, reject, heartbeat: onHeartbeat })
      cancel = () => {
        this.#waiting.delete(token)
      }
    })
    for (const listener of this.#listeners) listener(token)
    return { answer, cancel }
  }

  /** Tokens currently waiting for an answer, oldest first. */
  pending(): string[] {
    return [...this.#waiting.keys()]
  }

  onToken(listener: (token: string) => void): void {
    this.#listeners.push(listener)
  }

  success(token: string, output: JsonValue): void {
    const waiter = this.#take(token)
    waiter.resolve(output)
  }

  failure(token: string, error?: string, cause?: string): void {
    const waiter = this.#take(token)
    waiter.reject(new StatesError(error ?? '', cause))
  }

  heartbeat(token: string): void {
    const waiter = this.#waiting.get(token)
    if (waiter === undefined) throw invalidToken(token)
    waiter.heartbeat()
  }

  #take(token: string): Waiter {
    const waiter = this.#waiting.get(token)
    if (waiter === undefined) throw invalidToken(token)
    this.#waiting.delete(token)
    return waiter
  }
}

function invalidToken(token: string): Error {
  const error = new Error(
    `Task token '${token}' is not waiting for an answer (TaskTimedOut or InvalidToken).`,
  )
  error.name = 'TaskDoesNotExist'
  return error
}
