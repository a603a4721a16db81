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

/** The 25,000-event quota of a Standard execution (ASL-SPEC §13). */
export const HISTORY_EVENT_LIMIT = 25_000

/**
 * Records events cheaply, in columns (type, predecessor, time, and either the raw details or a state
 * event's name and value); `events()` builds the public, GetExecutionHistory-shaped objects on demand, so
 * a Map over 100,000 items costs no JSON text until the history is read. PERF: columns rather than one
 * record object per event: times stay unboxed doubles and the garbage collector has 400,000 objects
 * fewer to copy while a big Map runs.
 */
export class History {
  /**
   * Per event, STRIDE slots: type, previous event id, time (ms after the first event's: a small
   * integer, stored unboxed), details or state name, state value. One array, sized for a short
   * execution up front (PERF: no growth while a typical execution records its events).
   */
  #rows: unknown[] = new Array(STRIDE * 24)
  #count = 0
  #base = 0
  /** Raw details, or the state name of a `…StateEntered`/`…StateExited` event. */
  /** A state event's input (entered) or output (exited). */
  /** Variables assigned by state exits, by event index (few events assign). */
  #assigned: Map<number, Readonly<Record<string, JsonValue>>> | undefined
  // Made on first use (PERF: most executions are never subscribed to, many histories never read).
  #listeners: ((event: HistoryEvent) => void)[] | undefined
  #built: HistoryEvent[] | undefined
  #lastTime = Number.NaN
  #lastDate: Date | undefined
  /** The last value turned into JSON text and that text (an execution's output is often the last state's). */
  #lastValue: JsonValue | undefined = undefined
  #lastText = ''

  /** Number of events recorded so far (the id of the last one). */
  get length(): number {
    return this.#count
  }

  /** Appends an event and returns its id. */
  add(
    type: HistoryEventType,
    previousEventId: number,
    time: number,
    details?: Record<string, unknown>,
  ): number {
    this.#record(type, previousEventId, time, details, undefined)
    return this.#added()
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
    this.#record(type, previousEventId, time, name, value)
    if (assigned !== undefined) (this.#assigned ??= new Map()).set(this.#count - 1, assigned)
    return this.#added()
  }

  #record(
    type: HistoryEventType,
    previousEventId: number,
    time: number,
    details: Record<string, unknown> | string | undefined,
    value: JsonValue | undefined,
  ): void {
    if (this.#count === 0) this.#base = time
    const rows = this.#rows
    // Written in order, so a row past the end appends (the array grows as push would).
    const at = this.#count * STRIDE
    rows[at] = type
    rows[at + 1] = previousEventId
    rows[at + 2] = time - this.#base
    rows[at + 3] = details
    rows[at + 4] = value
    this.#count++
  }

  #added(): number {
    const id = this.#count
    if (this.#listeners !== undefined && this.#listeners.length > 0) {
      // Built once: a listener and a later events() see the same object.
      const event = this.#buildUpTo(id)[id - 1]!
      for (const listener of this.#listeners.slice()) listener(event)
    }
    return id
  }

  /** `previousEventId` of the event with `id` (0 when unknown). */
  previousOf(id: number): number {
    return id >= 1 && id <= this.#count ? (this.#rows[(id - 1) * STRIDE + 1] as number) : 0
  }

  /** Type of the event with `id`. */
  typeOf(id: number): HistoryEventType | undefined {
    return id >= 1 && id <= this.#count
      ? (this.#rows[(id - 1) * STRIDE] as HistoryEventType)
      : undefined
  }

  /** Calls `listener` with every event recorded from now on. */
  subscribe(listener: (event: HistoryEvent) => void): () => void {
    const listeners = (this.#listeners ??= [])
    listeners.push(listener)
    return () => {
      const i = listeners.indexOf(listener)
      if (i >= 0) listeners.splice(i, 1)
    }
  }

  /** Event types in order (cheap: no details are built). */
  types(): HistoryEventType[] {
    const types: HistoryEventType[] = new Array(this.#count)
    for (let i = 0; i < this.#count; i++) types[i] = this.#rows[i * STRIDE] as HistoryEventType
    return types
  }

  /** The public history. */
  events(): HistoryEvent[] {
    return this.#buildUpTo(this.#count).slice()
  }

  #buildUpTo(count: number): HistoryEvent[] {
    const built = (this.#built ??= [])
    for (let i = built.length; i < count; i++) built.push(this.#build(i))
    // The text memo lasts one pass: nothing runs between its events that could change a value.
    this.#lastValue = undefined
    return built
  }

  #build(index: number): HistoryEvent {
    const rows = this.#rows
    const at = index * STRIDE
    const type = rows[at] as HistoryEventType
    const time = this.#base + (rows[at + 2] as number)
    // Events recorded at the same (often virtual) instant share one Date (PERF: a Map over 100,000
    // items records 400,000 events in a few distinct milliseconds). Treat timestamps as read-only.
    if (time !== this.#lastTime || this.#lastDate === undefined) {
      this.#lastTime = time
      this.#lastDate = new Date(time)
    }
    const recorded = rows[at + 3] as Record<string, unknown> | string | undefined
    const event: Record<string, unknown> = {
      timestamp: this.#lastDate,
      type,
      id: index + 1,
      previousEventId: rows[at + 1] as number,
    }
    if (typeof recorded === 'string') {
      const value = rows[at + 4] as JsonValue
      if (type.endsWith('Entered')) {
        event.stateEnteredEventDetails = {
          name: recorded,
          input: this.#text(value),
          inputDetails: NOT_TRUNCATED,
        }
      } else {
        const assigned = this.#assigned?.get(index)
        event.stateExitedEventDetails =
          assigned === undefined
            ? { name: recorded, output: this.#text(value), outputDetails: NOT_TRUNCATED }
            : {
                name: recorded,
                output: this.#text(value),
                outputDetails: NOT_TRUNCATED,
                assignedVariables: assignedText(assigned),
                assignedVariablesDetails: NOT_TRUNCATED,
              }
      }
    } else if (recorded !== undefined) {
      event[detailsKey(type)] = this.#materialize(recorded)
    }
    return event as unknown as HistoryEvent
  }

  /** JSON text of `value`; the same value twice in a row is stringified once. */
  #text(value: JsonValue): string {
    if (value === this.#lastValue && typeof value === 'object' && value !== null)
      return this.#lastText
    const text = JSON.stringify(value)
    this.#lastValue = value
    this.#lastText = text
    return text
  }

  #materialize(details: Record<string, unknown>): Record<string, unknown> {
    // Details with nothing to turn into text are handed out as recorded: the runtime records a fresh
    // object per event and never touches it again (PERF: a Map's 200,000 iteration events).
    let plain = true
    for (const key in details) {
      const value = details[key]
      if (value === undefined || value instanceof JsonText || key === 'assignedVariables') {
        plain = false
        break
      }
    }
    if (plain) return details
    const out: Record<string, unknown> = {}
    for (const key in details) {
      const value = details[key]
      if (value === undefined) continue
      if (value instanceof JsonText) out[key] = this.#text(value.value)
      else if (key === 'assignedVariables' && typeof value === 'object' && value !== null) {
        out[key] = assignedText(value as Record<string, JsonValue>)
      } else out[key] = value
    }
    return out
  }
}

/** Slots per event in History's rows. */
const STRIDE = 5

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
