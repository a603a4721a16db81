// Where a diagnostic's path sits in the JSON text it came from, so `statewright validate file.json`
// can print file:line:column. One iterative pass over the text (deep nesting is fine) records the
// position of every member key and array element under the same AWS-style path the rules report.

/** A 1-based line and column in the definition text. */
export interface TextPosition {
  readonly line: number
  readonly column: number
}

/** Nesting beyond which positions are not recorded (the validator stops at 1000 levels too). */
const MAX_LOCATED_DEPTH = 1000

interface Frame {
  readonly kind: '{' | '['
  readonly path: string
  index: number
  key: string | undefined
  keyOffset: number
}

/**
 * Maps each AWS-style path (`/States/A/Next`, `/States/C/Choices[0]`, `/` for the root) of valid
 * JSON `text` to the position of its key (object members) or its first character (array elements).
 *
 * @example
 * locatePaths('{\n  "StartAt": "A"\n}').get('/StartAt') // { line: 2, column: 3 }
 */
export function locatePaths(text: string): Map<string, TextPosition> {
  const offsets = new Map<string, number>()
  const stack: Frame[] = []
  let i = 0
  let expectKey = false
  const childPath = (frame: Frame | undefined): string => {
    if (frame === undefined) return '/'
    const base = frame.path === '/' ? '' : frame.path
    return frame.kind === '[' ? `${base}[${frame.index}]` : `${base}/${frame.key ?? ''}`
  }
  const valueStart = (offset: number): string => {
    const frame = stack[stack.length - 1]
    // Past the depth the validator walks, paths would only grow (quadratic memory); stop there.
    if (stack.length > MAX_LOCATED_DEPTH) return frame?.path ?? '/'
    const path = childPath(frame)
    if (!offsets.has(path)) offsets.set(path, frame?.kind === '{' ? frame.keyOffset : offset)
    return path
  }
  while (i < text.length) {
    const ch = text[i]
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === ':') {
      i++
      continue
    }
    const frame = stack[stack.length - 1]
    if (ch === ',') {
      if (frame?.kind === '[') frame.index++
      else expectKey = true
      i++
      continue
    }
    if (ch === '}' || ch === ']') {
      stack.pop()
      i++
      continue
    }
    if (ch === '"') {
      const end = stringEnd(text, i)
      if (expectKey && frame?.kind === '{') {
        frame.key = JSON.parse(text.slice(i, end)) as string
        frame.keyOffset = i
        expectKey = false
      } else {
        valueStart(i)
      }
      i = end
      continue
    }
    if (ch === '{' || ch === '[') {
      const path = valueStart(i)
      stack.push({ kind: ch, path, index: 0, key: undefined, keyOffset: i })
      expectKey = ch === '{'
      i++
      continue
    }
    // number, true, false, null
    valueStart(i)
    while (i < text.length && !/[\s,\]}]/.test(text[i] ?? '')) i++
  }
  const lineStarts = [0]
  for (let k = 0; k < text.length; k++) if (text[k] === '\n') lineStarts.push(k + 1)
  const positions = new Map<string, TextPosition>()
  for (const [path, offset] of offsets) positions.set(path, toPosition(lineStarts, offset))
  return positions
}

function stringEnd(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i++
    else if (text[i] === '"') return i + 1
  }
  return text.length
}

function toPosition(lineStarts: readonly number[], offset: number): TextPosition {
  let low = 0
  let high = lineStarts.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if ((lineStarts[mid] ?? 0) <= offset) low = mid
    else high = mid - 1
  }
  return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 }
}
