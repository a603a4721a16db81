import type { PathNode, PathSegment } from '../ir/path-node.ts'

// Keys that JSONPath dot notation reads unambiguously; any other key is written in brackets.
const plainKey = /^[A-Za-z_][A-Za-z0-9_]*$/

const jsonPathSegment = (segment: PathSegment): string =>
  typeof segment === 'number'
    ? `[${segment}]`
    : plainKey.test(segment)
      ? `.${segment}`
      : `['${segment.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}']`

/**
 * A path in JSONPath syntax: `$.order.lines[0]`, or `$$.Execution.Id` for the context object.
 * @example
 * lowerJsonPath(PathNode.create('input', ['order', 'id'])) // '$.order.id'
 */
export function lowerJsonPath(path: PathNode): string {
  return (path.root === 'context' ? '$$' : '$') + path.segments.map(jsonPathSegment).join('')
}

const jsonataSegment = (segment: PathSegment): string =>
  typeof segment === 'number'
    ? `[${segment}]`
    : plainKey.test(segment)
      ? `.${segment}`
      : `.\`${segment.replaceAll('`', '')}\``

/**
 * The same path as a JSONata expression body (without `{% %}`): `$states.input.order.lines[0]`.
 * @example
 * lowerJsonataPath(PathNode.create('input', ['order', 'id'])) // '$states.input.order.id'
 */
export function lowerJsonataPath(path: PathNode): string {
  return (
    (path.root === 'context' ? '$states.context' : '$states.input') +
    path.segments.map(jsonataSegment).join('')
  )
}
