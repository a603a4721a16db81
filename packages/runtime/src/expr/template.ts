import {
  looksLikeIntrinsic,
  type IntrinsicCall,
  type JsonValue,
  type ParsedPath,
} from '@statewright/asl'

import { StatesError } from '../errors.ts'
import { compileIntrinsic, evaluateParsedIntrinsic } from './intrinsics.ts'
import { isObject, ownKeys, setOwn, toJsonText, type JsonObject } from './json.ts'
import { compilePath, selectParsed, type PathScope } from './jsonpath.ts'
import type { ExprOptions } from './random.ts'

/** A payload template compiled once: literal parts kept as they are, `.$` entries pre-parsed. */
type CompiledNode =
  | { readonly kind: 'literal'; readonly value: JsonValue }
  | { readonly kind: 'object'; readonly entries: readonly CompiledEntry[] }
  | { readonly kind: 'array'; readonly items: readonly CompiledNode[] }

type CompiledEntry =
  | { readonly kind: 'static'; readonly key: string; readonly node: CompiledNode }
  | {
      readonly kind: 'path'
      readonly key: string
      readonly field: string
      readonly path: ParsedPath
    }
  | {
      readonly kind: 'intrinsic'
      readonly key: string
      readonly field: string
      readonly call: IntrinsicCall
    }

// Templates are definition data: the same object is seen on every execution of its state.
const compiled = new WeakMap<object, CompiledNode>()

function compile(template: JsonValue): CompiledNode {
  if (typeof template !== 'object' || template === null) return { kind: 'literal', value: template }
  const known = compiled.get(template)
  if (known !== undefined) return known
  let node: CompiledNode
  if (Array.isArray(template)) {
    const items = template.map(compile)
    node = items.every((i) => i.kind === 'literal')
      ? { kind: 'literal', value: template }
      : { kind: 'array', items }
  } else {
    const entries: CompiledEntry[] = []
    let dynamic = false
    for (const key of ownKeys(template)) {
      const value = template[key]!
      if (key.endsWith('.$') && key.length > 2) {
        dynamic = true
        const outKey = key.slice(0, -2)
        if (typeof value !== 'string') {
          throw new StatesError(
            'States.Runtime',
            `The value for the field '${key}' must be a valid JSONPath or a valid intrinsic function call.`,
          )
        }
        if (looksLikeIntrinsic(value)) {
          entries.push({
            kind: 'intrinsic',
            key: outKey,
            field: key,
            call: compileIntrinsic(value, key),
          })
        } else {
          entries.push({
            kind: 'path',
            key: outKey,
            field: key,
            path: compilePathForField(value, key),
          })
        }
      } else {
        const child = compile(value)
        if (child.kind !== 'literal') dynamic = true
        entries.push({ kind: 'static', key, node: child })
      }
    }
    node = dynamic ? { kind: 'object', entries } : { kind: 'literal', value: template }
  }
  compiled.set(template, node)
  return node
}

function compilePathForField(text: string, field: string): ParsedPath {
  try {
    return compilePath(text)
  } catch {
    throw new StatesError(
      'States.Runtime',
      `The value for the field '${field}' must be a valid JSONPath or a valid intrinsic function call.`,
    )
  }
}

function instantiate(
  node: CompiledNode,
  input: JsonValue,
  scope: PathScope,
  options: ExprOptions | undefined,
): JsonValue {
  switch (node.kind) {
    case 'literal':
      // Literal subtrees are shared, not copied: callers never mutate values (they build new ones).
      return node.value
    case 'array':
      return node.items.map((item) => instantiate(item, input, scope, options))
    case 'object': {
      const out: JsonObject = {}
      for (const entry of node.entries) {
        let value: JsonValue
        if (entry.kind === 'static') {
          value = instantiate(entry.node, input, scope, options)
        } else if (entry.kind === 'path') {
          const result = selectParsed(entry.path, input, scope)
          if (!result.found) {
            // ASL-SPEC §6.2 / §16: AWS fails with States.Runtime, not States.ParameterPathFailure.
            throw new StatesError(
              'States.Runtime',
              `The JSONPath '${entry.path.text}' specified for the field '${entry.field}' could not be found in the input '${toJsonText(input)}'`,
            )
          }
          value = result.value
        } else {
          value = evaluateParsedIntrinsic(entry.call, input, scope, entry.field, options)
        }
        setOwn(out, entry.key, value)
      }
      return out
    }
  }
}

/**
 * Instantiates a JSONPath payload template (Parameters, ResultSelector, ItemSelector, BatchInput, JSONPath
 * Assign …; ASL-SPEC §6.2): every key ending in `.$`, at any depth (also inside arrays), loses the suffix
 * and gets the value of its path (`$…`, `$$…`, `$name…`) or intrinsic call; other values stay literal.
 * A path that matches nothing fails with `States.Runtime` and AWS's cause. `field` names the ASL field
 * for messages about the template as a whole. The template is compiled once and cached per object.
 *
 * @example
 * applyPayloadTemplate({ 'id.$': '$.order.id', fixed: 1 }, { order: { id: 'o1' } }, scope, 'Parameters')
 * // { id: 'o1', fixed: 1 }
 */
export function applyPayloadTemplate(
  template: JsonValue,
  input: JsonValue,
  scope: PathScope,
  // AWS names the `.$` key in its causes, not the enclosing field; kept for the contract's signature.
  _field: string,
  options?: ExprOptions,
): JsonValue {
  if (!isObject(template) && !Array.isArray(template)) return template
  return instantiate(compile(template), input, scope, options)
}
