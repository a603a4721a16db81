/**
 * Where each member of a JSON text starts, by the AWS-style path the validator reports
 * (`/States/A/Catch[0]/Next`), so diagnostics of an ASL file can say file:line:column. One iterative
 * pass over text that already parsed; nothing is recursive, so deep files are fine.
 */
export function locateJsonPaths(text: string): Map<string, number> {
  const found = new Map<string, number>([['/', 0]])
  const stack: { array: boolean; path: string; index: number }[] = []
  let pendingPath = '' // the path of the value about to start ('' is the root)
  let expectKey = false
  let i = 0
  const record = (path: string, at: number): void => {
    if (path !== '' && !found.has(path)) found.set(path, at)
  }
  while (i < text.length) {
    const ch = text[i]!
    if (ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t' || ch === ':') {
      i++
      continue
    }
    const top = stack[stack.length - 1]
    if (ch === ',') {
      if (top?.array) {
        top.index++
        pendingPath = `${top.path}[${top.index}]`
      } else expectKey = true
      i++
      continue
    }
    if (ch === '}' || ch === ']') {
      stack.pop()
      expectKey = false
      i++
      continue
    }
    if (ch === '"') {
      let end = i + 1
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1
      if (expectKey && top && !top.array) {
        const key = JSON.parse(text.slice(i, end + 1)) as string
        pendingPath = `${top.path}/${key}`
        record(pendingPath, i)
        expectKey = false
      } else record(pendingPath, i)
      i = end + 1
      continue
    }
    if (ch === '{' || ch === '[') {
      record(pendingPath, i)
      const frame = { array: ch === '[', path: pendingPath, index: 0 }
      stack.push(frame)
      expectKey = ch === '{'
      if (frame.array) pendingPath = `${frame.path}[0]`
      i++
      continue
    }
    // A number or a literal: record where it starts, then skip it.
    record(pendingPath, i)
    while (i < text.length && !/[\s,}\]]/.test(text[i]!)) i++
  }
  return found
}

/** 1-based line and column of `path`, or of its nearest ancestor that exists in the text. */
export function lineOfPath(
  text: string,
  paths: ReadonlyMap<string, number>,
  path: string,
): { line: number; column: number } {
  let current = path === '' ? '/' : path
  while (!paths.has(current)) {
    const cut = Math.max(current.lastIndexOf('/'), current.lastIndexOf('['))
    current = cut <= 0 ? '/' : current.slice(0, cut)
  }
  const offset = paths.get(current)!
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return { line, column: offset - before.lastIndexOf('\n') }
}
