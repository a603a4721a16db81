/** One step into JSON data: an object key or an array index. */
export type PathSegment = string | number

/**
 * Where a typed reference points, independent of the query language: `root` is the data it starts from
 * (`'input'`: the state's input, `$` / `$states.input`), `segments` the keys and indexes below it.
 */
export interface PathNode {
  readonly kind: 'path'
  readonly root: 'input' | 'context'
  readonly segments: readonly PathSegment[]
}

export const PathNode = {
  create: (root: PathNode['root'], segments: readonly PathSegment[]): PathNode =>
    Object.freeze({ kind: 'path', root, segments: Object.freeze([...segments]) }),
}
