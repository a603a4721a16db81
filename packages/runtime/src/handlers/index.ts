import type { AslStateOf, JsonValue, StateType } from '@statewright/asl'
import type { StateContext } from '../env.ts'
import type { JsonObject } from '../json.ts'
import { runChoice } from './choice.ts'
import { runFail } from './fail.ts'
import { runMap } from './map.ts'
import { runParallel } from './parallel.ts'
import { runPass } from './pass.ts'
import { runSucceed } from './succeed.ts'
import { runTask } from './task.ts'
import { runWait } from './wait.ts'

/** What one attempt at a state produced. */
export interface StateOutcome {
  readonly output: JsonValue
  /** The next state; `undefined` ends the current States scope. */
  readonly next: string | undefined
  /** Variables to assign once the state completes (ASL-SPEC §4). */
  readonly assigned?: JsonObject | undefined
  /**
   * Set when the output is the input with one top-level member set (`ResultPath: "$.key"`): its size
   * is then bounded by the input's plus the member's, without measuring it all again (PERF).
   */
  readonly grown?: { readonly base: JsonValue; readonly key: string; readonly value: JsonValue }
}

const TOP_LEVEL_KEY = /^\$\.([A-Za-z_][A-Za-z0-9_]*)$/

/** The `grown` hint for a JSONPath result written by ResultPath with no OutputPath. */
export function grownBy(
  resultPath: string | null | undefined,
  outputPath: string | null | undefined,
  input: JsonValue,
  value: JsonValue,
): StateOutcome['grown'] {
  if (outputPath !== undefined || typeof resultPath !== 'string') return undefined
  let key = topLevelKeys.get(resultPath)
  if (key === undefined) {
    key = TOP_LEVEL_KEY.exec(resultPath)?.[1] ?? null
    if (topLevelKeys.size > 10_000) topLevelKeys.clear()
    topLevelKeys.set(resultPath, key)
  }
  return key === null ? undefined : { base: input, key, value }
}

/** The member each ResultPath sets (`null`: not one top-level member); PERF: no regex per state. */
const topLevelKeys = new Map<string, string | null>()

/**
 * A state type's behaviour: never mutates `input`; throws StatesError to fail (synchronously or by
 * rejecting). A handler may answer synchronously (PERF: a Task whose handler is synchronous).
 */
export type StateHandler<TState> = (
  state: TState,
  input: JsonValue,
  ctx: StateContext,
) => StateOutcome | Promise<StateOutcome>

/** One handler per state type; a new StateType does not compile until it has one. */
export const HANDLERS: { readonly [T in StateType]: StateHandler<AslStateOf<T>> } = {
  Pass: runPass,
  Task: runTask,
  Choice: runChoice,
  Wait: runWait,
  Succeed: runSucceed,
  Fail: runFail,
  Parallel: runParallel,
  Map: runMap,
}

/** The transition of a state with Next/End. */
export function nextOf(state: { Next?: string; End?: boolean }): string | undefined {
  return state.End === true ? undefined : state.Next
}
