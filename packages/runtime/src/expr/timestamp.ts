/** An instant with nanosecond precision: seconds since the epoch and the nanoseconds within that second. */
export interface Instant {
  readonly seconds: number
  readonly nanos: number
}

// RFC 3339 as AWS accepts it (ASL-SPEC §1): uppercase T and Z, or a numeric offset; optional fraction.
const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-](\d{2}):(\d{2}))$/

/**
 * Parses an RFC 3339 timestamp as Step Functions accepts it (`2024-01-31T12:00:00Z`,
 * `2024-01-31T12:00:00.5+01:00`); `undefined` when the text is not one (wrong shape, month 13, hour 25, …).
 *
 * @example
 * parseTimestamp('2016-03-14T01:59:00Z') // { seconds: 1457920740, nanos: 0 }
 * parseTimestamp('2016-03-14 01:59:00Z') // undefined
 */
export function parseTimestamp(text: string): Instant | undefined {
  const m = RFC3339.exec(text)
  if (m === null) return undefined
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(
    Number,
  ) as [number, number, number, number, number, number]
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined
  if (hour > 23 || minute > 59 || second > 59) return undefined
  let offsetMinutes = 0
  if (m[8] !== 'Z') {
    const oh = Number(m[9])
    const om = Number(m[10])
    if (oh > 23 || om > 59) return undefined
    offsetMinutes = (m[8]!.startsWith('-') ? -1 : 1) * (oh * 60 + om)
  }
  const epochMs = Date.UTC(year, month - 1, day, hour, minute, second)
  const seconds = Math.floor(epochMs / 1000) - offsetMinutes * 60
  const nanos = m[7] === undefined ? 0 : Number(m[7].padEnd(9, '0'))
  return { seconds, nanos }
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Negative, zero or positive as `a` is before, at or after `b`. */
export function compareInstants(a: Instant, b: Instant): number {
  return a.seconds !== b.seconds ? a.seconds - b.seconds : a.nanos - b.nanos
}
