import type { JsonValue } from '@statewright/asl'

/** Every event type GetExecutionHistory can return (ASL-SPEC §14). */
export type HistoryEventType =
  | 'ExecutionStarted'
  | 'ExecutionSucceeded'
  | 'ExecutionFailed'
  | 'ExecutionAborted'
  | 'ExecutionTimedOut'
  | 'ExecutionRedriven'
  | `${'Pass' | 'Task' | 'Choice' | 'Wait' | 'Succeed' | 'Parallel' | 'Map'}StateEntered`
  | `${'Pass' | 'Task' | 'Choice' | 'Wait' | 'Succeed' | 'Parallel' | 'Map'}StateExited`
  | 'FailStateEntered'
  | 'TaskStateAborted'
  | 'WaitStateAborted'
  | `${'Parallel' | 'Map'}State${'Started' | 'Succeeded' | 'Failed' | 'Aborted'}`
  | `MapIteration${'Started' | 'Succeeded' | 'Failed' | 'Aborted'}`
  | `MapRun${'Started' | 'Succeeded' | 'Failed' | 'Aborted' | 'Redriven'}`
  | `Task${'Scheduled' | 'Started' | 'Submitted' | 'Succeeded' | 'Failed' | 'TimedOut' | 'StartFailed' | 'SubmitFailed'}`
  | `LambdaFunction${'Scheduled' | 'Started' | 'Succeeded' | 'Failed' | 'TimedOut' | 'ScheduleFailed' | 'StartFailed'}`
  | `Activity${'Scheduled' | 'Started' | 'Succeeded' | 'Failed' | 'TimedOut' | 'ScheduleFailed'}`
  | 'EvaluationFailed'

/**
 * One event of an execution's history, shaped as GetExecutionHistory returns it: `id` counts from 1,
 * `previousEventId` names the causal predecessor, and exactly one `<camelCaseType>EventDetails` member
 * holds the details, whose `input`/`output`/`parameters` are JSON text.
 *
 * @example
 * { timestamp: new Date(…), type: 'PassStateEntered', id: 2, previousEventId: 0,
 *   stateEnteredEventDetails: { name: 'Start', input: '{"a":1}', inputDetails: { truncated: false } } }
 */
export interface HistoryEvent {
  readonly timestamp: Date
  readonly type: HistoryEventType
  readonly id: number
  readonly previousEventId: number
  readonly [details: `${string}EventDetails`]: Readonly<Record<string, unknown>> | undefined
}

/** A JSON value shown as JSON text in the public history; stringified only when someone reads it. */
export class JsonText {
  readonly value: JsonValue
  constructor(value: JsonValue) {
    this.value = value
  }
}

interface RecordedEvent {
  readonly type: HistoryEventType
  readonly previousEventId: number
  readonly time: number
  readonly details: Record<string, unknown> | undefined
  /** State entered/exited events keep their few fields flat (PERF: one object per event). */
  readonly name?: string
  readonly value?: JsonValue
  readonly assigned?: Readonly<Record<string, JsonValue>> | undefined
}

/** The 25,000-event quota of a Standard execution (ASL-SPEC §13). */
export const HISTORY_EVENT_LIMIT = 25_000

/**
 * Records events cheaply (type, predecessor, time and raw details); `events()` builds the public,
 * GetExecutionHistory-shaped objects on demand, so a Map over 100,000 items costs no JSON text until the
 * history is read.
 */
export class History {
  readonly #events: RecordedEvent[] = []
  readonly #listeners: ((event: HistoryEvent) => void)[] = []
  #built: HistoryEvent[] = []
  #lastTime = Number.NaN
  #lastDate = new Date(0)

  /** Number of events recorded so far (the id of the last one). */
  get length(): number {
    return this.#events.length
  }

  /** Appends an event and returns its id. */
  add(
    type: HistoryEventType,
    previousEventId: number,
    time: number,
    details?: Record<string, unknown>,
  ): number {
    this.#events.push({ type, previousEventId, time, details })
    const id = this.#events.length
    if (this.#listeners.length > 0) {
      const event = this.#build(id - 1)
      for (const listener of this.#listeners) listener(event)
    }
    return id
  }

  /** Appends a `…StateEntered` (`value` = input) or `…StateExited` (`value` = output) event. */
  addState(
    type: HistoryEventType,
    previousEventId: number,
    time: number,
    name: string,
    value: JsonValue,
    assigned?: Readonly<Record<string, JsonValue>>,
  ): number {
    this.#events.push({ type, previousEventId, time, details: undefined, name, value, assigned })
    const id = this.#events.length
    if (this.#listeners.length > 0) {
      const event = this.#build(id - 1)
      for (const listener of this.#listeners) listener(event)
    }
    return id
  }

  /** `previousEventId` of the event with `id` (0 when unknown). */
  previousOf(id: number): number {
    return this.#events[id - 1]?.previousEventId ?? 0
  }

  /** Type of the event with `id`. */
  typeOf(id: number): HistoryEventType | undefined {
    return this.#events[id - 1]?.type
  }

  /** Calls `listener` with every event recorded from now on. */
  subscribe(listener: (event: HistoryEvent) => void): () => void {
    this.#listeners.push(listener)
    return () => {
      const i = this.#listeners.indexOf(listener)
      if (i >= 0) this.#listeners.splice(i, 1)
    }
  }

  /** Event types in order (cheap: no details are built). */
  types(): HistoryEventType[] {
    return this.#events.map((e) => e.type)
  }

  /** The public history. */
  events(): HistoryEvent[] {
    for (let i = this.#built.length; i < this.#events.length; i++) this.#built.push(this.#build(i))
    return this.#built.slice()
  }

  #build(index: number): HistoryEvent {
    const recorded = this.#events[index]!
    // Events recorded at the same (often virtual) instant share one Date (PERF: a Map over 100,000
    // items records 400,000 events in a few distinct milliseconds). Treat timestamps as read-only.
    if (recorded.time !== this.#lastTime) {
      this.#lastTime = recorded.time
      this.#lastDate = new Date(recorded.time)
    }
    const event: Record<string, unknown> = {
      timestamp: this.#lastDate,
      type: recorded.type,
      id: index + 1,
      previousEventId: recorded.previousEventId,
    }
    if (recorded.details !== undefined) {
      event[detailsKey(recorded.type)] = materialize(recorded.details)
    } else if (recorded.name !== undefined) {
      const entered = recorded.type.endsWith('Entered')
      const details: Record<string, unknown> = { name: recorded.name }
      if (entered) {
        details.input = JSON.stringify(recorded.value)
        details.inputDetails = NOT_TRUNCATED
      } else {
        details.output = JSON.stringify(recorded.value)
        details.outputDetails = NOT_TRUNCATED
        if (recorded.assigned !== undefined) {
          details.assignedVariables = assignedText(recorded.assigned)
          details.assignedVariablesDetails = NOT_TRUNCATED
        }
      }
      event[entered ? 'stateEnteredEventDetails' : 'stateExitedEventDetails'] = details
    }
    return event as unknown as HistoryEvent
  }
}

/** Shared by every event (PERF: 400,000 events need not allocate 400,000 copies). */
const NOT_TRUNCATED: { readonly truncated: false } = Object.freeze({ truncated: false })

const detailsKeys = new Map<string, string>()

function detailsKey(type: HistoryEventType): string {
  let key = detailsKeys.get(type)
  if (key === undefined) {
    if (type.endsWith('StateEntered')) key = 'stateEnteredEventDetails'
    else if (type.endsWith('StateExited')) key = 'stateExitedEventDetails'
    else key = `${type[0]!.toLowerCase()}${type.slice(1)}EventDetails`
    detailsKeys.set(type, key)
  }
  return key
}

function materialize(details: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key in details) {
    const value = details[key]
    if (value === undefined) continue
    if (value instanceof JsonText) out[key] = JSON.stringify(value.value)
    else if (key === 'assignedVariables' && typeof value === 'object' && value !== null) {
      out[key] = assignedText(value as Record<string, JsonValue>)
    } else out[key] = value
  }
  return out
}

function assignedText(assigned: Readonly<Record<string, JsonValue>>): Record<string, string> {
  const vars: Record<string, string> = {}
  for (const [name, v] of Object.entries(assigned)) vars[name] = JSON.stringify(v)
  return vars
}

/**
 * @internal The history of Distributed Map child executions: AWS keeps it apart from the parent's and
 * this runtime does not expose it, so events are only counted (PERF: a Map over 1,000,000 items stores
 * no child events).
 */
export class UncountedHistory extends History {
  #count = 0

  override get length(): number {
    return this.#count
  }

  override add(): number {
    return ++this.#count
  }

  override addState(): number {
    return ++this.#count
  }
}
