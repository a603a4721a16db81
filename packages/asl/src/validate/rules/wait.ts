// Wait: exactly one of Seconds / SecondsPath / Timestamp / TimestampPath; RFC 3339 timestamps.

import { has } from '../checker.ts'
import type { Checker, JsonRecord } from '../checker.ts'
import { isRfc3339Timestamp } from '../timestamp.ts'
import type { Path, StateCtx } from './context.ts'
import { checkPathValue, isExpression } from './expressions.ts'
import { checkIntegerField, exclusive } from './literals.ts'

export function checkWait(c: Checker, ctx: StateCtx, state: JsonRecord): void {
  const { path, name, language } = ctx
  const fields =
    language === 'JSONPath'
      ? ['Seconds', 'SecondsPath', 'Timestamp', 'TimestampPath']
      : ['Seconds', 'Timestamp']
  const present = fields.filter((field) => has(state, field))
  if (present.length === 0) {
    c.report(
      'SFN202',
      path,
      `Wait state '${name}' needs exactly one of ${fields.map((f) => `'${f}'`).join(', ')}; add one.`,
    )
  } else if (present.length > 1) {
    exclusive(c, ctx, state, fields)
  }
  // No upper bound at creation: AWS accepted a wait of 2^31 seconds (~68 years) and only refuses a
  // wait that outlives the execution when it runs ("Wait state delay is too long").
  checkIntegerField(c, ctx, state, 'Seconds', 0, Number.MAX_SAFE_INTEGER)
  if (has(state, 'Timestamp')) {
    const value = state['Timestamp']
    const valuePath: Path = path.concat('Timestamp')
    if (!isExpression(c, ctx, value, valuePath)) {
      if (typeof value !== 'string' || !isRfc3339Timestamp(value)) {
        c.report('SFN229', valuePath, 'String does not match RFC3339 timestamp')
      }
    }
  }
  if (language === 'JSONPath') {
    for (const field of ['SecondsPath', 'TimestampPath']) {
      if (has(state, field))
        checkPathValue(c, ctx, state[field], path.concat(field), field, 'reference')
    }
  }
}
