// Hostile input: a definition handed over as an object may be cyclic, hold non-JSON values, or
// nest deeper than any recursive walk can go. This check is iterative, so it never overflows the
// stack itself, and the rules only run on trees it has accepted.

import type { Checker } from './checker.ts'
import type { PathSegment } from './diagnostic.ts'

/** Deepest nesting the rules walk; real definitions stay far below it. */
export const MAX_DEPTH = 1000
const SHOWN_LEVELS = 8

/** What `checkWalkable` found. */
export interface Walkability {
  /** The rules may run. */
  readonly ok: boolean
  /** Some object property is `undefined`: absent once serialized, so the rules should see it absent. */
  readonly hasUndefinedFields: boolean
}

interface Entry {
  readonly value: unknown
  readonly parent: Entry | undefined
  readonly segment: PathSegment
  readonly depth: number
  readonly exit: boolean
}

function pathOf(entry: Entry): PathSegment[] {
  const segments: PathSegment[] = []
  for (let at: Entry | undefined = entry; at?.parent !== undefined; at = at.parent) {
    segments.push(at.segment)
  }
  return segments.reverse()
}

// PERF: most values are leaves with nothing to report; they are checked in place, not pushed.
const isSoundLeaf = (value: unknown): boolean =>
  value === null ||
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value))

/** Reports what makes `value` unsafe to walk. */
export function checkWalkable(c: Checker, value: unknown): Walkability {
  const fast = soundTree(value)
  if (fast !== undefined) return fast
  return reportUnwalkable(c, value)
}

// Set by `soundObject` when it skips an `undefined` field (module state: no closure per call).
let undefinedSeen = false

/**
 * PERF: the common case, a sound tree, checked by a plain bounded recursion: no entry objects, no
 * ancestor set. A cycle cannot loop forever here, it only runs past MAX_DEPTH. Anything unsound (or a
 * stack too short for the recursion) answers `undefined`, and the reporting walk below finds and
 * names each problem, so the diagnostics are exactly the reporting walk's.
 */
function soundTree(value: unknown): Walkability | undefined {
  undefinedSeen = false
  try {
    if (isSoundLeaf(value)) return { ok: true, hasUndefinedFields: false }
    if (!soundObject(value, 0)) return undefined
  } catch {
    return undefined
  }
  return { ok: true, hasUndefinedFields: undefinedSeen }
}

function soundObject(value: unknown, depth: number): boolean {
  if (typeof value !== 'object' || value === null || depth >= MAX_DEPTH) return false
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const child: unknown = value[i]
      if (!isSoundLeaf(child) && !soundObject(child, depth + 1)) return false
    }
    return true
  }
  const proto = Object.getPrototypeOf(value) as unknown
  if (proto !== Object.prototype && proto !== null) return false
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue
    const child = (value as Record<string, unknown>)[key]
    if (child === undefined) {
      undefinedSeen = true
      continue
    }
    if (!isSoundLeaf(child) && !soundObject(child, depth + 1)) return false
  }
  return true
}

/** The iterative walk that names every problem (at most ten reported), for trees `soundTree` refused. */
function reportUnwalkable(c: Checker, value: unknown): Walkability {
  const onPath = new Set<object>()
  // Explicit stack; exit entries pop the ancestor set (cycle check). Each entry links to its parent
  // instead of copying its path, which is only built when there is something to report.
  const stack: Entry[] = [{ value, parent: undefined, segment: '', depth: 0, exit: false }]
  let ok = true
  let hasUndefinedFields = false
  let reports = 0
  const fail = (
    code: 'SFN230' | 'SFN231',
    entry: Entry,
    message: string,
    levels = Infinity,
  ): void => {
    ok = false
    if (reports++ < 10) c.report(code, pathOf(entry).slice(0, levels), message)
  }
  while (stack.length > 0) {
    const item = stack.pop()
    if (item === undefined) break
    const current = item.value
    if (item.exit) {
      onPath.delete(current as object)
      continue
    }
    if (current === null || typeof current === 'string' || typeof current === 'boolean') continue
    if (typeof current === 'number') {
      if (!Number.isFinite(current))
        fail('SFN231', item, `The value ${String(current)} is not a JSON number.`)
      continue
    }
    if (current === undefined) {
      fail('SFN231', item, 'This array element is undefined, which JSON cannot hold; remove it.')
      continue
    }
    if (typeof current !== 'object') {
      fail('SFN231', item, `A definition holds JSON values only; found ${typeof current}.`)
      continue
    }
    if (onPath.has(current)) {
      fail(
        'SFN231',
        item,
        'The definition refers back to itself here (a cycle); a definition must be a JSON tree.',
      )
      continue
    }
    if (item.depth >= MAX_DEPTH) {
      // The pointer stops at the first levels, which name the state; the whole one would be huge.
      fail(
        'SFN230',
        item,
        `The definition is nested more than ${MAX_DEPTH} levels deep below this point; flatten the value.`,
        SHOWN_LEVELS,
      )
      continue
    }
    onPath.add(current)
    stack.push({
      value: current,
      parent: item.parent,
      segment: item.segment,
      depth: item.depth,
      exit: true,
    })
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) {
        if (isSoundLeaf(current[i])) continue
        stack.push({
          value: current[i],
          parent: item,
          segment: i,
          depth: item.depth + 1,
          exit: false,
        })
      }
    } else {
      const proto = Object.getPrototypeOf(current) as unknown
      if (proto !== Object.prototype && proto !== null) {
        fail(
          'SFN231',
          item,
          'A definition holds plain JSON objects only; found an instance of a class.',
        )
        continue
      }
      const keys = Object.keys(current)
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string
        const child = (current as Record<string, unknown>)[key]
        // JSON.stringify drops such a field, so AWS never sees it: treat it as absent, not wrong.
        if (child === undefined) {
          hasUndefinedFields = true
          continue
        }
        if (isSoundLeaf(child)) continue
        stack.push({ value: child, parent: item, segment: key, depth: item.depth + 1, exit: false })
      }
    }
  }
  return { ok, hasUndefinedFields }
}
