/** A source of uniformly distributed numbers in [0, 1), like `Math.random`; the core passes a seeded one. */
export type RandomSource = () => number

/** Options every evaluator accepts; all optional so callers that do not care pass nothing. */
export interface ExprOptions {
  /** Drives `States.UUID`, unseeded `States.MathRandom`, `$random()` and `$uuid()`. Default `Math.random`. */
  readonly random?: RandomSource
  /**
   * The current time in epoch milliseconds, for JSONata's `$now()` and `$millis()` (the core passes its
   * virtual clock). Default: jsonata's own wall clock.
   */
  readonly now?: () => number
}

/** A deterministic generator for an explicit seed (`States.MathRandom(a, b, seed)`, `$random(seed)`). */
export function seeded(seed: number): RandomSource {
  // mulberry32: tiny, fast and good enough for "same seed, same number"; not cryptographic (neither is AWS's).
  let state = Math.trunc(seed) >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A version-4 UUID whose random bits come from `random`. */
export function uuidFrom(random: RandomSource): string {
  let hex = ''
  for (let i = 0; i < 16; i++) {
    let byte = Math.floor(random() * 256) & 0xff
    if (i === 6) byte = (byte & 0x0f) | 0x40
    if (i === 8) byte = (byte & 0x3f) | 0x80
    hex += byte.toString(16).padStart(2, '0')
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
