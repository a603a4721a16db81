/**
 * The one place the benchmarks call Statewright's packages, so that the scenarios do not care whether an
 * API has landed yet. Each loader checks the export exists and says clearly which one is missing.
 */
import type { AslStateMachine, TaskHandler } from '@statewright/asl'

export interface OursHistoryEvent {
  readonly type: string
  readonly id: number
  readonly previousEventId: number
  readonly [details: `${string}EventDetails`]: Readonly<Record<string, unknown>> | undefined
}

export interface OursExecution {
  readonly status: string
  readonly output?: unknown
  readonly error?: string
  readonly cause?: string
  readonly history: readonly OursHistoryEvent[]
}

export interface OursRunOptions {
  readonly handlers?: Readonly<Record<string, TaskHandler>>
  readonly maxHistoryEvents?: number
  readonly maxPayloadBytes?: number
  readonly skipValidation?: boolean
}

export type OursRun = (
  definition: AslStateMachine,
  input: unknown,
  options?: OursRunOptions,
) => Promise<OursExecution>

/** Thrown when a package does not export what a scenario needs (yet). */
export class MissingApiError extends Error {
  override readonly name = 'MissingApiError'
}

async function exportOf<T>(specifier: string, name: string): Promise<T> {
  const module = (await import(specifier)) as Record<string, unknown>
  const value = module[name]
  if (value === undefined) throw new MissingApiError(`${specifier} does not export ${name}() yet.`)
  return value as T
}

/** `run()` from `@statewright/runtime`. */
export function loadRun(): Promise<OursRun> {
  return exportOf<OursRun>('@statewright/runtime', 'run')
}

/** The builders of `@statewright/dsl` the build scenario uses. */
export async function loadDsl(): Promise<import('./workloads/dsl.ts').DslApi> {
  const names = ['fail', 'pass', 'lambda', 'task', 'workflow'] as const
  const api: Record<string, unknown> = {}
  for (const name of names) api[name] = await exportOf<unknown>('@statewright/dsl', name)
  return api as unknown as import('./workloads/dsl.ts').DslApi
}

export interface OursCompileResult {
  readonly asl: unknown
  readonly diagnostics: readonly {
    readonly severity?: string
    readonly code?: string
    readonly message?: string
  }[]
}

/** `compile()` from `@statewright/compiler`. */
export function loadCompile(): Promise<(workflow: unknown) => OursCompileResult> {
  return exportOf('@statewright/compiler', 'compile')
}

/** `validateStateMachine()` from `@statewright/asl`: whatever it returns, it must say the definition is valid. */
export function loadValidateStateMachine(): Promise<(definition: unknown) => unknown> {
  return exportOf('@statewright/asl', 'validateStateMachine')
}
