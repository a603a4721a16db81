/** A source of uniformly distributed numbers in [0, 1), like Math.random. */
export type RandomSource = () => number

/**
 * A seeded generator (mulberry32): the same seed gives the same sequence, so Retry jitter, `$random()`
 * and `States.UUID()` are reproducible in tests.
 *
 * @example
 * const random = seededRandom(42)
 * random() // always the same first number for seed 42
 */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A version-4 UUID drawn from `random`. */
export function randomUuid(random: RandomSource): string {
  const hex: string[] = []
  for (let i = 0; i < 16; i++) {
    let byte = Math.floor(random() * 256) & 0xff
    if (i === 6) byte = (byte & 0x0f) | 0x40
    if (i === 8) byte = (byte & 0x3f) | 0x80
    hex.push(byte.toString(16).padStart(2, '0'))
  }
  const s = hex.join('')
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
}
