// Fail: Error/Cause and their Path forms (reference paths or intrinsic calls).

import { has } from '../checker.ts'
import type { Checker, JsonRecord } from '../checker.ts'
import { parseIntrinsic } from './context.ts'
import type { Path, StateCtx } from './context.ts'
import { checkIntrinsicCall, checkPathValue } from './expressions.ts'
import { checkStringField, exclusive } from './literals.ts'

export function checkFail(c: Checker, ctx: StateCtx, state: JsonRecord): void {
  exclusive(c, ctx, state, ['Error', 'ErrorPath'])
  exclusive(c, ctx, state, ['Cause', 'CausePath'])
  checkStringField(c, ctx, state, 'Error')
  checkStringField(c, ctx, state, 'Cause')
  if (ctx.language !== 'JSONPath') return
  for (const field of ['ErrorPath', 'CausePath']) {
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
