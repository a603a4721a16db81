/**
 * Time as an execution sees it. Waits, Retry back-off and timeouts all go through `sleep`, so a virtual
 * clock makes them finish at once while `now()` still reports the simulated time.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number
  /** Resolves after `ms` (simulated or real); rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
  /**
   * Tells the clock that outside work (a task handler) is in flight until `work` settles. A virtual clock
   * then lets real time pass before it jumps ahead, so a slow handler is not timed out by simulated time.
   */
  track?(work: Promise<unknown>): void
}

interface Timer {
  readonly at: number
  readonly seq: number
  readonly resolve: () => void
  cancelled: boolean
}

/**
 * A simulated clock: a sleeping execution is woken as soon as nothing else is runnable (after a
 * macrotask turn), and time jumps to its wake-up time. Concurrent sleepers wake in time order, so a
 * Parallel branch waiting 5 s finishes before one waiting 10 s, exactly as on AWS, without real waiting.
 *
 * @example
 * const clock = new VirtualClock(Date.parse('2024-01-01T00:00:00Z'))
 * await clock.sleep(3_600_000) // returns at once
 * clock.now() // 2024-01-01T01:00:00Z
 */
export class VirtualClock implements Clock {
  #now: number
  #seq = 0
  #timers: Timer[] = []
  #pumping = false
  #busy = 0
  readonly #idleMs: number

  /**
   * @param start simulated start time (ms since epoch)
   * @param idleMs real milliseconds to let in-flight handlers run before simulated time jumps past them
   */
  constructor(start: number = Date.now(), idleMs = 25) {
    this.#now = start
    this.#idleMs = idleMs
  }

  track(work: Promise<unknown>): void {
    this.#busy++
    const done = (): void => {
      this.#busy--
    }
    work.then(done, done)
  }

  now(): number {
    return this.#now
  }

  /** Simulated milliseconds since `start`. */
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason)
    return new Promise<void>((resolve, reject) => {
      const timer: Timer = {
        at: this.#now + Math.max(0, ms),
        seq: this.#seq++,
        resolve: () => {
          signal?.removeEventListener('abort', onAbort)
          resolve()
        },
        cancelled: false,
      }
      const onAbort = (): void => {
        timer.cancelled = true
        reject(signal?.reason)
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.#insert(timer)
      this.#schedule()
    })
  }

  #insert(timer: Timer): void {
    // Timers are few (one per concurrent sleeper); a sorted array keeps this simple.
    const timers = this.#timers
    let i = timers.length
    while (i > 0) {
      const prev = timers[i - 1]!
      if (prev.at < timer.at || (prev.at === timer.at && prev.seq < timer.seq)) break
      i--
    }
    timers.splice(i, 0, timer)
  }

  #schedule(): void {
    if (this.#pumping) return
    this.#pumping = true
    // Two macrotask turns: work started by just-resolved promises (other branches) gets to run and
    // register its own sleeps before time moves on.
    setImmediate(() => setImmediate(() => this.#fire()))
  }

  #fire(): void {
    if (this.#busy > 0) {
      // A handler is still working (real I/O, or it never settles): give it real time first.
      setTimeout(() => {
        this.#pumping = false
        this.#fireNow()
      }, this.#idleMs)
      return
    }
    this.#pumping = false
    this.#fireNow()
  }

  #fireNow(): void {
    let timer = this.#timers.shift()
    while (timer?.cancelled) timer = this.#timers.shift()
    if (timer === undefined) return
    if (timer.at > this.#now) this.#now = timer.at
    timer.resolve()
    if (this.#timers.length > 0) this.#schedule()
  }
}

/** The wall clock: `sleep` really waits. Use it to run against real services or real time. */
export class RealClock implements Clock {
  now(): number {
    return Date.now()
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason)
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        clearTimeout(handle)
        reject(signal?.reason)
      }
      // setTimeout caps at 2^31-1 ms; longer waits are chained.
      const handle = setTimeout(
        () => {
          signal?.removeEventListener('abort', onAbort)
          if (ms > 2_147_483_647) this.sleep(ms - 2_147_483_647, signal).then(resolve, reject)
          else resolve()
        },
        Math.min(Math.max(0, ms), 2_147_483_647),
      )
      signal?.addEventListener('abort', onAbort, { once: true })
    })
  }
}

/** ISO-8601 with milliseconds, trailing zero fractions dropped as AWS prints context timestamps. */
export function isoTimestamp(ms: number): string {
  // PERF: on the virtual clock most callers ask for the millisecond of the previous call (a Map's
  // 100,000 iterations enter their states at one instant): the text is remembered, keyed by value.
  if (ms === lastIso.ms) return lastIso.text
  const text = new Date(ms)
    .toISOString()
    .replace(/\.?0+Z$/, 'Z')
    .replace(/\.Z$/, 'Z')
  lastIso = { ms, text }
  return text
}

let lastIso: { ms: number; text: string } = { ms: Number.NaN, text: '' }
