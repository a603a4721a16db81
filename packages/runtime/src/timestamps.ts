/**
 * RFC 3339 timestamps as AWS accepts them (ASL-SPEC §1 "Data"): uppercase `T`, `Z` or a numeric offset,
 * optional fraction, every field in range. Returns ms since epoch, or undefined when not valid.
 */
export function parseTimestamp(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/.exec(
    text,
  )
  if (!m) return undefined
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(
    Number,
  ) as [number, number, number, number, number, number]
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (day < 1 || day > daysInMonth) return undefined
  let offset = 0
  if (m[8] !== 'Z') {
    const oh = Number(m[9])
    const om = Number(m[10])
    if (oh > 18 || om > 59) return undefined
    offset = (oh * 60 + om) * (m[8]!.startsWith('-') ? -1 : 1)
  }
  const fraction = m[7] === undefined ? 0 : Number(`0${m[7]}`) * 1000
  const utc = Date.UTC(year, month - 1, day, hour, minute, second) + fraction
  return utc - offset * 60_000
}
