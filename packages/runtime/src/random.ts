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
  // Four 32-bit draws (PERF: not sixteen), version and variant bits set as RFC 4122 requires.
  const a = hex8(random())
  const b = hex8(random())
  const c = hex8(random())
  const d = hex8(random())
  const version = `4${b.slice(5, 8)}`
  const variant = ((parseInt(c[0]!, 16) & 0x3) | 0x8).toString(16) + c.slice(1, 4)
  return `${a}-${b.slice(0, 4)}-${version}-${variant}-${c.slice(4, 8)}${d}`
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

function hex8(fraction: number): string {
  // PERF: table lookups instead of toString(16) + padStart.
  const n = Math.floor(fraction * 4294967296) >>> 0
  return HEX[n >>> 24]! + HEX[(n >>> 16) & 0xff]! + HEX[(n >>> 8) & 0xff]! + HEX[n & 0xff]!
}
