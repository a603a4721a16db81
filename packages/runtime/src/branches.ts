import type { AslBranch, JsonValue } from '@statewright/asl'
import type { ExecutionEnv, Frame } from './env.ts'
import { runStates } from './interpret.ts'

/** The reason siblings are stopped with when one branch/iteration fails. */
export class SiblingFailed extends Error {
  constructor() {
    super('A sibling branch or iteration failed.')
    this.name = 'SiblingFailed'
  }
}

/**
 * Runs `count` jobs at most `limit` at a time (0 = all at once), in index order, stopping the others
 * when one fails (ASL-SPEC §11). `tolerate(index, error)` may absorb a failure (Map tolerated failures).
 * Memory stays bounded by `limit` running jobs; results are written by index.
 */
export async function runConcurrently<T>(
  count: number,
  limit: number,
  parent: AbortSignal,
  job: (index: number, signal: AbortSignal) => Promise<T>,
  tolerate?: (index: number, error: unknown) => boolean,
): Promise<T[]> {
  const results: T[] = new Array(count)
  const controller = new AbortController()
  const onParentAbort = (): void => controller.abort(parent.reason)
  if (parent.aborted) controller.abort(parent.reason)
  else parent.addEventListener('abort', onParentAbort, { once: true })
  let nextIndex = 0
  let failure: { error: unknown } | undefined
  const worker = async (): Promise<void> => {
    while (failure === undefined && nextIndex < count && !controller.signal.aborted) {
      const index = nextIndex++
      try {
        results[index] = await job(index, controller.signal)
      } catch (error) {
        if (failure === undefined && tolerate?.(index, error) === true) continue
        if (failure === undefined) {
          failure = { error }
          controller.abort(new SiblingFailed())
        }
      }
    }
  }
  const workers = Math.max(1, limit <= 0 ? count : Math.min(limit, count))
  const running: Promise<void>[] = []
  for (let i = 0; i < workers && i < Math.max(count, 1); i++) running.push(worker())
  await Promise.all(running)
  parent.removeEventListener('abort', onParentAbort)
  if (failure !== undefined) throw (failure as { error: unknown }).error
  if (parent.aborted) throw parent.reason
  return results
}

/** A child frame for a branch/iteration: sees the parent's variables (unless isolated), own thread. */
export function childFrame(
  parent: Frame,
  signal: AbortSignal,
  isolated = false,
  inParallelBranch = false,
): Frame {
  return {
    variables: isolated ? {} : parent.variables,
    lastEventId: parent.lastEventId,
    signal,
    ...(inParallelBranch ? { inParallelBranch } : {}),
  }
}

export function runBranch(
  env: ExecutionEnv,
  branch: AslBranch,
  input: JsonValue,
  frame: Frame,
): Promise<JsonValue> {
  return runStates(env, branch, input, frame)
}
