/** One step into JSON data: an object key or an array index. */
export type PathSegment = string | number

/**
 * The data a reference starts from: the state's input (`$` / `$states.input`), the task's result
 * (`$` in ResultSelector / `$states.result`), the error output of a Catch (`$states.errorOutput`), the context
 * object (`$$` / `$states.context`), or a variable (`$name`).
 */
export type PathRoot = 'input' | 'result' | 'errorOutput' | 'context' | 'variable'

/**
 * Where a typed reference points, independent of the query language: `root` is the data it starts from,
 * `segments` the keys and indexes below it (for a variable, the first segment is its name).
 */
export interface PathNode {
  readonly kind: 'path'
  readonly root: PathRoot
  readonly segments: readonly PathSegment[]
}

export const PathNode = {
  create: (root: PathRoot, segments: readonly PathSegment[]): PathNode =>
    Object.freeze({ kind: 'path', root, segments: Object.freeze([...segments]) }),
}
