/**
 * Stands in for the AWS services of a recorded case with the answers AWS's history recorded: every
 * `TaskScheduled` / `LambdaFunctionScheduled` / `ActivityScheduled` event is matched with the event that
 * ended it (`…Succeeded` output, `…Failed` error and cause, `…TimedOut`), and the answers become mocked
 * responses of the Task state, in invocation order. The runtime then does everything else itself (input
 * and result processing, Retry/Catch, events), which is what these cases check.
 */
import type { MockedAnswer, MockedResponse } from '../src/mocks.ts'

interface RecordedEvent {
  readonly type: string
  readonly id: number | unknown
  readonly previousEventId: number | unknown
  readonly [details: string]: unknown
}

const SCHEDULED = new Set(['TaskScheduled', 'LambdaFunctionScheduled', 'ActivityScheduled'])
const ENDED: Record<string, 'ok' | 'error' | 'timeout'> = {
  TaskSucceeded: 'ok',
  LambdaFunctionSucceeded: 'ok',
  ActivitySucceeded: 'ok',
  TaskFailed: 'error',
  LambdaFunctionFailed: 'error',
  ActivityFailed: 'error',
  TaskStartFailed: 'error',
  TaskSubmitFailed: 'error',
  LambdaFunctionStartFailed: 'error',
  LambdaFunctionScheduleFailed: 'error',
  ActivityScheduleFailed: 'error',
  TaskTimedOut: 'timeout',
  LambdaFunctionTimedOut: 'timeout',
  ActivityTimedOut: 'timeout',
}

function detailsOf(event: RecordedEvent): Record<string, unknown> {
  for (const [key, value] of Object.entries(event)) {
    if (key.endsWith('EventDetails') && typeof value === 'object' && value !== null) {
      return value as Record<string, unknown>
    }
  }
  return {}
}

/** The recording keeps objects parsed and other JSON as text; this gives the JSON value back. */
function decode(value: unknown): unknown {
  if (typeof value !== 'string') return value
  try {
    return JSON.parse(value)
  } catch {
    return value
  }
}

/**
 * The recording parsed causes that were JSON objects, so their text is rebuilt: a Lambda function called
 * by ARN reports what its (Python) runtime wrote, with `json.dumps` spacing (`", "`, `": "`, non-ASCII
 * escaped); the optimized `lambda:invoke` integration re-serializes it compactly (corpus: error_handling).
 */
function causeText(value: unknown, type: string): string | undefined {
  if (value === undefined) return undefined
  if (typeof value === 'string') return value
  return type.startsWith('LambdaFunction') ? pythonJson(value) : JSON.stringify(value)
}

function pythonJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value).map(([k, v]) => `${pythonString(k)}: ${pythonJson(v)}`)
    return `{${members.join(', ')}}`
  }
  if (typeof value === 'string') return pythonString(value)
  return JSON.stringify(value)
}

function pythonString(text: string): string {
  return JSON.stringify(text).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

function answerOf(event: RecordedEvent): MockedAnswer {
  const details = detailsOf(event)
  const kind = ENDED[event.type]
  if (kind === 'ok') return { Return: decode(details.output) }
  if (kind === 'timeout') return { Throw: { Error: 'States.Timeout' } }
  const cause = causeText(details.cause, event.type)
  return {
    Throw: { Error: String(details.error ?? ''), ...(cause !== undefined ? { Cause: cause } : {}) },
  }
}

/** Mocked responses by state name, rebuilt from a recorded history; undefined when it has no task. */
export function mocksFromHistory(
  history: readonly RecordedEvent[],
): Record<string, MockedResponse> | undefined {
  const byId = new Map<number, RecordedEvent>()
  for (const event of history) if (typeof event.id === 'number') byId.set(event.id, event)
  const stateOf = (event: RecordedEvent): string | undefined => {
    let current: RecordedEvent | undefined = event
    for (let guard = 0; current !== undefined && guard < 10_000; guard++) {
      if (current.type.endsWith('StateEntered')) return detailsOf(current).name as string
      const prev: unknown = current.previousEventId
      current = typeof prev === 'number' ? byId.get(prev) : undefined
    }
    return undefined
  }
  const scheduledOf = (event: RecordedEvent): number | undefined => {
    let current: RecordedEvent | undefined = event
    for (let guard = 0; current !== undefined && guard < 10_000; guard++) {
      if (SCHEDULED.has(current.type)) return current.id as number
      const prev: unknown = current.previousEventId
      current = typeof prev === 'number' ? byId.get(prev) : undefined
    }
    return undefined
  }
  const answers = new Map<number, MockedAnswer>()
  for (const event of history) {
    const kind = ENDED[event.type]
    if (kind === undefined) continue
    const scheduled = scheduledOf(event)
    if (scheduled === undefined) continue
    answers.set(scheduled, answerOf(event))
  }
  // LocalStack re-sorted the events inside Parallel states and zeroed their ids (corpus README): pair
  // the k-th id-less scheduled event with the k-th id-less task state entered and k-th ending.
  const entered = history.filter((e) => typeof e.id !== 'number' && e.type === 'TaskStateEntered')
  const ends = history.filter((e) => typeof e.id !== 'number' && ENDED[e.type] !== undefined)
  let unnumbered = 0
  const mocks: Record<string, Record<string, MockedAnswer>> = {}
  const counts = new Map<string, number>()
  let any = false
  for (const event of history) {
    if (!SCHEDULED.has(event.type)) continue
    let state: string | undefined
    let answer: MockedAnswer | undefined
    if (typeof event.id === 'number') {
      state = stateOf(event)
      answer = answers.get(event.id)
    } else {
      const k = unnumbered++
      const enteredEvent = entered[k]
      state = enteredEvent === undefined ? undefined : (detailsOf(enteredEvent).name as string)
      const end = ends[k]
      answer = end === undefined ? undefined : answerOf(end)
    }
    if (state === undefined) continue
    const n = counts.get(state) ?? 0
    counts.set(state, n + 1)
    // A task the recording never saw end (the execution stopped first) never answers.
    ;(mocks[state] ??= {})[String(n)] = answer ?? { Return: null }
    any = true
  }
  return any ? mocks : undefined
}
