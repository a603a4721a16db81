/** The run loop of one `States` scope (the top level, a Parallel branch or a Map iteration). */
import type { AslBranch, JsonValue } from '@statewright/asl'
import { isHalted, type ExecutionEnv, type Frame } from './env.ts'
import { InternalError } from './errors.ts'
import { runState } from './run-state.ts'

/** Runs states from `StartAt` until one ends the scope; returns its output or throws its StatesError. */
export async function runStates(
  env: ExecutionEnv,
  machine: AslBranch,
  input: JsonValue,
  frame: Frame,
): Promise<JsonValue> {
  let name = machine.StartAt
  let value = input
  let first = true
  for (;;) {
    if (isHalted(frame)) throw frame.signal.reason
    const state = Object.hasOwn(machine.States, name) ? machine.States[name] : undefined
    if (state === undefined) {
      throw new InternalError(`State '${name}' is missing although the definition was validated.`)
    }
    const outcome = await runState(env, frame, name, state, value, first)
    first = false
    value = outcome.output
    if (outcome.next === undefined) return value
    name = outcome.next
  }
}
