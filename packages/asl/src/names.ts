/**
 * Levenshtein distance with a swap of two neighbouring characters counted as one edit ('Chrage' →
 * 'Charge', 'regoin' → 'region'): what "did you mean" suggestions across Statewright measure.
 * @example
 * editDistance('States.Timout', 'States.Timeout') // 1
 */
export function editDistance(a: string, b: string): number {
  let before: number[] = []
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let distance = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        distance = Math.min(distance, before[j - 2]! + 1)
      }
      current.push(distance)
    }
    before = previous
    previous = current
  }
  return previous[b.length]!
}

/**
 * The candidate closest to `name`, case ignored, when it is at most `maxDistance` edits away; `name`
 * itself is never suggested.
 * @example
 * closestName('Chrage', ['Charge', 'Ship'], 2) // 'Charge'
 */
export function closestName(
  name: string,
  candidates: Iterable<string>,
  maxDistance: number,
): string | undefined {
  const wanted = name.toLowerCase()
  let best: string | undefined
  let bestDistance = maxDistance + 1
  for (const candidate of candidates) {
    if (candidate === name) continue
    const distance = editDistance(wanted, candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}
