// Fail: Error/Cause and their Path forms (reference paths or intrinsic calls).

import { has } from '../checker.ts'
import type { Checker, JsonRecord } from '../checker.ts'
import { parseIntrinsic } from './context.ts'
import type { Path, StateCtx } from './context.ts'
import { checkIntrinsicCall, checkPathValue } from './expressions.ts'
import { checkStringField, exclusive } from './literals.ts'

// PERF: module-level lists; an array literal in a function is a new array on every call.
const ERROR_FIELDS: readonly string[] = ['Error', 'ErrorPath']
const CAUSE_FIELDS: readonly string[] = ['Cause', 'CausePath']
const PATH_FIELDS: readonly string[] = ['ErrorPath', 'CausePath']

export function checkFail(c: Checker, ctx: StateCtx, state: JsonRecord): void {
  exclusive(c, ctx, state, ERROR_FIELDS)
  exclusive(c, ctx, state, CAUSE_FIELDS)
  checkStringField(c, ctx, state, 'Error')
  checkStringField(c, ctx, state, 'Cause')
  if (ctx.language !== 'JSONPath') return
  for (const field of PATH_FIELDS) {
    if (!has(state, field)) continue
    const value = state[field]
    const path: Path = ctx.path.concat(field)
    if (typeof value === 'string' && value.startsWith('States.')) {
      const call = parseIntrinsic(value)
      if (call.ok) checkIntrinsicCall(c, ctx, call.call, path)
      else
        c.report(
          'SFN216',
          path,
          `The value for the field '${field}' must be a valid JSONPath or a valid intrinsic function call`,
        )
    } else {
      checkPathValue(c, ctx, value, path, field, 'reference')
    }
  }
}
