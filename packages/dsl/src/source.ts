import { fileURLToPath } from 'node:url'

/** Where the user called a builder: carried on IR nodes so the compiler can report file:line:column. */
export interface SourceLocation {
  readonly file: string
  readonly line: number
  readonly column: number
}

// Frames from this package's own files are skipped, except its tests (they are users of the DSL too).
const packageDir = fileURLToPath(new URL('.', import.meta.url))
const isOwnFrame = (file: string): boolean =>
  file.startsWith(packageDir) && !/\.test(-d)?\.ts$/.test(file)

const framePattern = /\(?((?:file:\/\/)?[^\s()]+?):(\d+):(\d+)\)?$/

/**
 * A call site captured cheaply: V8 formats the stack only when it is read, so the captured frames are kept
 * and parsed the first time `resolve()` is asked (when a diagnostic or an error message needs a location).
 * @internal
 */
export class CallSite {
  readonly #holder: { stack?: string } = {}
  #resolved: SourceLocation | undefined | null = null
  constructor() {
    // PERF: capturing costs about half a microsecond per frame. Above this constructor are the builder
    // (`task`, `map`, `ChoiceBuilder.create`, …), at most one chain method that forwarded to it
    // (`start.task(…)`), then the user: three frames reach the user's line (source.test.ts checks
    // every builder and chain method), and the constructor's own frame is left out.
    const limit = Error.stackTraceLimit
    Error.stackTraceLimit = FRAMES
    Error.captureStackTrace(this.#holder, CallSite)
    Error.stackTraceLimit = limit
  }
  resolve(): SourceLocation | undefined {
    if (this.#resolved === null) this.#resolved = parseStack(this.#holder.stack ?? '')
    return this.#resolved
  }
}

const FRAMES = 3

/** The first stack frame outside this package, or undefined when there is none (e.g. a bundled build). */
export function parseStack(stack: string): SourceLocation | undefined {
  for (const rawLine of stack.split('\n').slice(1)) {
    const match = framePattern.exec(rawLine.trim())
    if (match === null) continue
    let file = match[1] ?? ''
    if (file.startsWith('node:') || file.includes('/node_modules/')) continue
    if (file.startsWith('file://')) file = fileURLToPath(file)
    if (isOwnFrame(file)) continue
    return Object.freeze({ file, line: Number(match[2]), column: Number(match[3]) })
  }
  return undefined
}
