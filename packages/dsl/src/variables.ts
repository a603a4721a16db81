import { DslError } from './errors.ts'
import { createRef, pathOf, type Ref, type ValueRef } from './ref.ts'

// AWS: a variable name is an identifier (letters, digits, _), at most 80 characters, and not `states`.
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/**
 * A typed workflow variable (`Assign`, ASL-SPEC §4): pass it to `assign()` to set it and use it like any
 * reference to read it (`$name` in JSONPath, `$name` in JSONata).
 * @example
 * const total = variable<number>('total')
 * task(charge).assign(total, (r) => r.amount) // "Assign": { "total.$": "$.amount" }
 * eq(total, 0)                                // { "Variable": "$total", "NumericEquals": 0 }
 */
export function variable<T>(name: string): Ref<T> {
  if (typeof name !== 'string' || !NAME.test(name) || name.length > 80 || name === 'states') {
    throw new DslError(
      'SFN104',
      `Variable name '${String(name)}' is not valid: use letters, digits and _ (not starting with a digit, at most 80 characters, not 'states').`,
    )
  }
  return createRef<T>('variable', [name])
}

/** The name of a variable made by `variable()`. @internal */
export function variableName(ref: ValueRef<unknown>): string {
  const path = pathOf(ref)
  const [name] = path.segments
  if (path.root !== 'variable' || path.segments.length !== 1 || typeof name !== 'string') {
    throw new DslError(
      'SFN107',
      "assign() needs a variable made by variable('name'), not a field of one.",
    )
  }
  return name
}
