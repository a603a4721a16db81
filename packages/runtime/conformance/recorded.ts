/**
 * Replays the AWS-recorded corpus (`../shared/conformance/aws-recorded.jsonl`) through `run()` and
 * compares with what AWS did, using the corpus's own `compare.mjs` (imported at run time, never copied).
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { InMemoryS3, run, type ExecutionResult } from '../src/index.ts'
import { mocksFromHistory } from './replay.ts'

/** One line of aws-recorded.jsonl (the fields the runner reads). */
export interface RecordedCase {
  readonly id: string
  readonly category: string
  readonly definition: unknown
  readonly input: unknown
  readonly expected: { status: string; output?: unknown; error?: string; cause?: unknown }
  readonly history?: readonly { type: string }[]
  readonly needsServices: readonly string[]
  readonly stateMachineType: 'STANDARD' | 'EXPRESS'
  readonly context: {
    accountId: string
    region: string
    stateMachineArn: string
    stateMachineName: string
    executionArn: string
    executionName: string
    roleArn: string
  }
  readonly flags: readonly string[]
  readonly placeholders: unknown
  readonly recordedDate?: string
  readonly serviceSetup?: readonly {
    service: string
    operation: string
    params: Record<string, unknown>
  }[]
}

/** The S3 world the test created (buckets, put_object bodies), when it used S3. */
function s3From(testCase: RecordedCase): InMemoryS3 | undefined {
  const calls = (testCase.serviceSetup ?? []).filter((c) => c.service === 's3')
  if (calls.length === 0) return undefined
  const s3 = new InMemoryS3()
  for (const call of calls) {
    const bucket = String(call.params.Bucket ?? '')
    if (call.operation === 'create_bucket') s3.createBucket(bucket)
    if (call.operation === 'put_object') {
      s3.putObject(bucket, String(call.params.Key ?? ''), String(call.params.Body ?? ''))
    }
  }
  return s3
}

/** What compare.mjs exports (the subset used here). */
export interface CompareModule {
  checkOutcome(
    testCase: unknown,
    actual: unknown,
    options?: { ignoreCause?: boolean },
  ): { ok: boolean; reason?: string }
  checkValidation(
    testCase: unknown,
    actual: unknown,
    options?: unknown,
  ): { ok: boolean; reason?: string }
  checkTestState(
    testCase: unknown,
    actual: unknown,
    options?: unknown,
  ): { ok: boolean; reason?: string }
}

export interface CaseResult {
  readonly id: string
  readonly category: string
  /** Pure ASL (no service needed): the headline figure. */
  readonly pure: boolean
  readonly strict: boolean
  readonly errorOnly: boolean
  readonly statusOnly: boolean
  /** `undefined` when the case recorded no history. */
  readonly historyMatch: boolean | undefined
  /** First difference, when not strict. */
  readonly reason?: string
  readonly historyReason?: string
}

/** The repository root (three levels above this file). */
export const REPO_ROOT: string = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')

/** The shared development corpus folder, when present. */
export function sharedConformanceDir(): string | undefined {
  const dir = resolve(REPO_ROOT, '../shared/conformance')
  return existsSync(join(dir, 'compare.mjs')) ? dir : undefined
}

export async function loadCompare(dir: string): Promise<CompareModule> {
  return (await import(pathToFileURL(join(dir, 'compare.mjs')).href)) as CompareModule
}

export function readCases<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T)
}

/**
 * Whether the runner can stand in for everything the case needs: pure ASL, or services whose answers
 * the recorded history holds (replayed as mocks, see replay.ts).
 */
export function isRunnable(testCase: RecordedCase): boolean {
  if (testCase.needsServices.length === 0) return true
  return testCase.history !== undefined && !tasksInDistributedMap(testCase.definition)
}

/**
 * A Distributed Map runs its items as child executions whose events (and so their service answers)
 * are not in the recorded parent history: such Tasks cannot be replayed.
 */
function tasksInDistributedMap(node: unknown, inside = false): boolean {
  if (Array.isArray(node)) return node.some((n) => tasksInDistributedMap(n, inside))
  if (node === null || typeof node !== 'object') return false
  const record = node as Record<string, unknown>
  if (inside && record.Type === 'Task') return true
  const processor = (record.ItemProcessor ?? record.Iterator) as Record<string, unknown> | undefined
  const distributed =
    (processor?.ProcessorConfig as Record<string, unknown> | undefined)?.Mode === 'DISTRIBUTED'
  return Object.entries(record).some(([key, value]) =>
    tasksInDistributedMap(
      value,
      inside || (distributed && (key === 'ItemProcessor' || key === 'Iterator')),
    ),
  )
}

/** Only the pure-ASL cases (the headline figure). */
export function isPureAsl(testCase: RecordedCase): boolean {
  return testCase.needsServices.length === 0
}

/** The recording parses a cause that is a JSON object; compare like with like. */
function shapeCause(expected: unknown, cause: string | undefined): unknown {
  if (cause === undefined || typeof expected !== 'object' || expected === null) return cause
  try {
    return JSON.parse(cause)
  } catch {
    return cause
  }
}

function compareHistory(
  testCase: RecordedCase,
  result: ExecutionResult,
): { ok: boolean; reason?: string } {
  const actual = result.history.map((e) => e.type)
  if (testCase.flags.includes('history-parallel-events-reordered')) {
    // LocalStack re-sorted the events inside Parallel states and zeroed their ids (corpus README): only
    // the events that kept their id say where AWS put them; the last id says how many there were.
    const recorded = testCase.history as readonly { type: string; id?: number }[]
    let last = 0
    for (const event of recorded) {
      if (typeof event.id !== 'number' || event.id <= 0) continue
      last = Math.max(last, event.id)
      if (actual[event.id - 1] !== event.type) {
        const got = actual[event.id - 1] ?? '(end)'
        return { ok: false, reason: `event ${event.id}: expected ${event.type}, got ${got}` }
      }
    }
    if (last === actual.length) return { ok: true }
    return { ok: false, reason: `expected ${last} events, got ${actual.length}` }
  }
  const expected = testCase.history!.map((e) => e.type)
  for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
    if (expected[i] !== actual[i]) {
      return {
        ok: false,
        reason: `event ${i + 1}: expected ${expected[i] ?? '(end)'}, got ${actual[i] ?? '(end)'}`,
      }
    }
  }
  return { ok: true }
}

/** The input AWS would see today for time-dependent cases (corpus README, "Time-dependent cases"). */
function inputFor(testCase: RecordedCase, now: number): unknown {
  if (testCase.id.includes('test_timestamp_too_far_in_future_boundary')) {
    const days = Number(/\[(\d+)\]/.exec(testCase.id)?.[1] ?? '0')
    const when = new Date(now + days * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z')
    return JSON.parse(
      JSON.stringify(testCase.input).replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, when),
    )
  }
  return testCase.input
}

/** Runs one case and compares it. A case that throws or hangs counts as failed, never stops the run. */
export async function runRecordedCase(
  testCase: RecordedCase,
  compare: CompareModule,
): Promise<CaseResult> {
  const base = {
    id: testCase.id,
    category: testCase.category,
    pure: testCase.needsServices.length === 0,
  }
  let result: ExecutionResult
  try {
    const now = Date.now()
    const execution = run(testCase.definition as never, inputFor(testCase, now), {
      accountId: testCase.context.accountId,
      region: testCase.context.region,
      stateMachineArn: testCase.context.stateMachineArn,
      stateMachineName: testCase.context.stateMachineName,
      executionArn: testCase.context.executionArn,
      executionName: testCase.context.executionName,
      roleArn: testCase.context.roleArn,
      stateMachineType: testCase.stateMachineType,
      startTime: now,
      random: 1,
      s3: s3From(testCase),
      ...(testCase.needsServices.length > 0 && testCase.history !== undefined
        ? { mocks: mocksFromHistory(testCase.history as never) ?? {} }
        : {}),
    })
    let timer: NodeJS.Timeout | undefined
    const guard = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('did not finish within 10 s (real time)')), 10_000)
    })
    try {
      result = await Promise.race([execution, guard])
    } finally {
      clearTimeout(timer)
    }
  } catch (error) {
    const reason = `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`
    return {
      ...base,
      strict: false,
      errorOnly: false,
      statusOnly: false,
      historyMatch: testCase.history ? false : undefined,
      reason,
    }
  }
  const actual =
    result.status === 'SUCCEEDED'
      ? { status: result.status, output: result.output }
      : {
          status: result.status,
          error: result.error,
          cause: shapeCause(testCase.expected.cause, result.cause),
        }
  const strict = compare.checkOutcome(testCase, actual)
  const errorOnly = strict.ok
    ? strict
    : compare.checkOutcome(testCase, actual, { ignoreCause: true })
  const history = testCase.history ? compareHistory(testCase, result) : undefined
  return {
    ...base,
    strict: strict.ok,
    errorOnly: errorOnly.ok,
    statusOnly: result.status === testCase.expected.status,
    historyMatch: history?.ok,
    ...(strict.ok ? {} : { reason: strict.reason ?? 'differs' }),
    ...(history && !history.ok ? { historyReason: history.reason } : {}),
  }
}

/** Runs every runnable case of a recorded corpus file. */
export async function runRecordedCorpus(
  file: string,
  compare: CompareModule,
  filter: (testCase: RecordedCase) => boolean = isRunnable,
): Promise<{ results: CaseResult[]; skipped: number }> {
  const cases = readCases<RecordedCase>(file)
  const results: CaseResult[] = []
  let skipped = 0
  for (const testCase of cases) {
    if (!filter(testCase)) {
      skipped++
      continue
    }
    results.push(await runRecordedCase(testCase, compare))
  }
  return { results, skipped }
}
