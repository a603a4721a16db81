// Literal fields: integers and their ranges, strings, enums, and mutually exclusive fields.

import { has, isInteger } from '../checker.ts'
import type { Checker, JsonRecord } from '../checker.ts'
import type { Path, StateCtx } from './context.ts'
import { isExpression } from './expressions.ts'

export function checkIntegerLiteral(
  c: Checker,
  value: unknown,
  path: Path,
  field: string,
  min: number,
  max: number,
): void {
  if (!isInteger(value)) {
    c.report('SFN204', path, `The field '${field}' must be an integer.`)
  } else if (value < min || value > max) {
    c.report('SFN232', path, `The field '${field}' must be ${range(min, max)}; it is ${value}.`)
  }
}

/** An integer field of a state: a literal, or in JSONata an expression. */
export function checkIntegerField(
  c: Checker,
  ctx: StateCtx,
  state: JsonRecord,
  field: string,
  min: number,
  max: number,
): void {
  if (!has(state, field)) return
  const value = state[field]
  const path: Path = ctx.path.concat(field)
  if (isExpression(c, ctx, value, path)) return
  if (!isInteger(value)) {
    c.report(
      'SFN204',
      path,
      `The field '${field}' of state '${ctx.name}' must be an integer${ctx.language === 'JSONata' ? " or a '{% %}' expression" : ''}.`,
    )
  } else if (value < min || value > max) {
    c.report(
      'SFN232',
      path,
      `The field '${field}' of state '${ctx.name}' must be ${range(min, max)}; it is ${value}.`,
    )
  }
}

export function checkStringField(
  c: Checker,
  ctx: StateCtx,
  state: JsonRecord,
  field: string,
): void {
  if (!has(state, field)) return
  const value = state[field]
  const path: Path = ctx.path.concat(field)
  if (isExpression(c, ctx, value, path)) return
  if (typeof value !== 'string') {
    c.report('SFN204', path, 'Expected value of type [STRING]')
  }
}

export function exclusive(
  c: Checker,
  ctx: StateCtx,
  state: JsonRecord,
  fields: readonly string[],
): void {
  // PERF: counted first; the list of present fields is made only to report (this runs per state).
  let count = 0
  for (let index = 0; index < fields.length; index++) {
    if (has(state, fields[index] as string)) count++
  }
  if (count > 1) {
    const present = fields.filter((field) => has(state, field))
    c.report(
      'SFN206',
      ctx.path,
      `State '${ctx.name}' sets ${present.map((f) => `'${f}'`).join(' and ')}, which are mutually exclusive; keep one.`,
    )
  }
}

export function checkEnum(
  c: Checker,
  value: unknown,
  path: Path,
  field: string,
  values: readonly string[],
): void {
  if (typeof value !== 'string' || !values.includes(value)) {
    c.report(
      'SFN204',
      path,
      `The field '${field}' should have one of these values: [${values.join(', ')}]`,
    )
  }
}

/** "between 1 and 99999999", or "at least 0" when there is no practical upper bound. */
function range(min: number, max: number): string {
  return max >= Number.MAX_SAFE_INTEGER ? `at least ${min}` : `between ${min} and ${max}`
}
