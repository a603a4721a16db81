import type { PathNode } from '../ir/path-node.ts'
import { JSONATA_ROOTS, jsonataPathOf, jsonPathOf } from './value.ts'

/**
 * A path in JSONPath syntax: `$.order.lines[0]`, `$$.Execution.Id` for the context object, `$name` for a
 * variable (the result, in a result position, is `$` too).
 * @example
 * lowerJsonPath(PathNode.create('input', ['order', 'id'])) // '$.order.id'
 */
export function lowerJsonPath(path: PathNode): string {
  return jsonPathOf(
    path,
    { input: '$', result: '$', errorOutput: '$', context: '$$', variable: '$' },
    'path',
  )
}

/**
 * The same path as a JSONata expression body (without `{% %}`): `$states.input.order.lines[0]`.
 * @example
 * lowerJsonataPath(PathNode.create('input', ['order', 'id'])) // '$states.input.order.id'
 */
export function lowerJsonataPath(path: PathNode): string {
  return jsonataPathOf(path, JSONATA_ROOTS, 'path')
}
