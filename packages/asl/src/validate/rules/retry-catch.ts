// Retry and Catch: ErrorEquals (States.ALL alone and last), retrier ranges, catcher fields.

import { has, isInteger, isRecord } from '../checker.ts'
import type { Checker, JsonRecord } from '../checker.ts'
import { checkRuleNext } from './choice.ts'
import { MAX_INT } from './context.ts'
import type { Path, StateCtx, Transition } from './context.ts'
import { checkAssign, checkJsonataValue, checkPathValue } from './expressions.ts'
import { checkEnum, checkIntegerLiteral } from './literals.ts'

const RETRIER_FIELDS: ReadonlySet<string> = new Set([
  'ErrorEquals',
  'IntervalSeconds',
  'MaxAttempts',
  'BackoffRate',
  'MaxDelaySeconds',
  'JitterStrategy',
  'Comment',
])
// Catcher fields valid in both query languages (ResultPath and Output depend on the language).
const CATCHER_PLAIN_FIELDS: ReadonlySet<string> = new Set([
  'ErrorEquals',
  'Next',
  'Assign',
  'Comment',
])

// PERF: a valid value skips checkIntegerLiteral, whose pointer argument would be built for nothing.
const isIntegerIn = (value: unknown, min: number, max: number): boolean =>
  isInteger(value) && value >= min && value <= max

// PERF: a loop, not `some` with a closure, and pointers built only when reporting: this runs for
// every retrier and catcher.
function allStrings(values: readonly unknown[]): boolean {
  for (const value of values) if (typeof value !== 'string') return false
  return true
}

export function checkErrorEquals(
  c: Checker,
  ctx: StateCtx,
  entry: JsonRecord,
  path: Path,
  field: 'Retry' | 'Catch',
  index: number,
  isLast: boolean,
): void {
  if (!has(entry, 'ErrorEquals')) {
    c.report('SFN202', path, 'These fields are required: [ErrorEquals]')
    return
  }
  const errors = entry['ErrorEquals']
  if (!Array.isArray(errors) || !allStrings(errors)) {
    c.report(
      'SFN204',
      path.concat('ErrorEquals'),
      `'ErrorEquals' in ${field} of state '${ctx.name}' must be an array of error names.`,
    )
    return
  }
  if (errors.length === 0) {
    c.report('SFN233', path.concat('ErrorEquals'), 'Value cannot be empty')
    return
  }
  if (errors.includes('States.ALL')) {
    if (errors.length > 1) {
      c.report(
        'SFN214',
        path.concat('ErrorEquals'),
        `${field === 'Retry' ? 'Retrier' : 'Catcher'} ${index} of state '${ctx.name}' lists States.ALL with other errors; States.ALL must appear alone in ErrorEquals.`,
      )
    }
    if (!isLast) {
      c.report(
        'SFN214',
        path.concat('ErrorEquals'),
        `${field === 'Retry' ? 'Retrier' : 'Catcher'} ${index} of state '${ctx.name}' uses States.ALL but is not the last one, so the ones after it can never run; move it last.`,
      )
    }
  }
}

export function checkRetry(c: Checker, ctx: StateCtx, state: JsonRecord): void {
  if (!has(state, 'Retry')) return
  const retry = state['Retry']
  const path: Path = ctx.path.concat('Retry')
  if (!Array.isArray(retry)) {
    c.report(
      'SFN204',
      path,
      `The field 'Retry' of state '${ctx.name}' must be an array of retriers.`,
    )
    return
  }
  // PERF: a loop, not forEach with a closure (one per state with Retry).
  for (let index = 0; index < retry.length; index++) {
    const retrier: unknown = retry[index]
    const retrierPath: Path = path.concat(index)
    if (!isRecord(retrier)) {
      c.report(
        'SFN204',
        retrierPath,
        `Each retrier of state '${ctx.name}' must be an object with 'ErrorEquals'.`,
      )
      continue
    }
    // PERF: for-in, no key array (the guard admits plain objects only).
    for (const key in retrier) {
      if (!has(retrier, key)) continue
      if (!RETRIER_FIELDS.has(key)) {
        c.report('SFN203', retrierPath, `Field '${key}' is not supported`)
      }
    }
    checkErrorEquals(c, ctx, retrier, retrierPath, 'Retry', index, index === retry.length - 1)
    if (has(retrier, 'IntervalSeconds') && !isIntegerIn(retrier['IntervalSeconds'], 1, MAX_INT))
      checkIntegerLiteral(
        c,
        retrier['IntervalSeconds'],
        retrierPath.concat('IntervalSeconds'),
        'IntervalSeconds',
        1,
        MAX_INT,
      )
    if (has(retrier, 'MaxAttempts') && !isIntegerIn(retrier['MaxAttempts'], 0, MAX_INT))
      checkIntegerLiteral(
        c,
        retrier['MaxAttempts'],
        retrierPath.concat('MaxAttempts'),
        'MaxAttempts',
        0,
        MAX_INT,
      )
    if (has(retrier, 'MaxDelaySeconds') && !isIntegerIn(retrier['MaxDelaySeconds'], 1, 31_622_400))
      checkIntegerLiteral(
        c,
        retrier['MaxDelaySeconds'],
        retrierPath.concat('MaxDelaySeconds'),
        'MaxDelaySeconds',
        1,
        31_622_400,
      )
    if (has(retrier, 'BackoffRate')) {
      const rate = retrier['BackoffRate']
      if (typeof rate !== 'number')
        c.report(
          'SFN204',
          retrierPath.concat('BackoffRate'),
          "The field 'BackoffRate' must be a number.",
        )
      else if (rate < 1)
        c.report(
          'SFN232',
          retrierPath.concat('BackoffRate'),
          `The field 'BackoffRate' must be at least 1.0; it is ${rate}.`,
        )
    }
    if (has(retrier, 'JitterStrategy'))
      checkEnum(
        c,
        retrier['JitterStrategy'],
        retrierPath.concat('JitterStrategy'),
        'JitterStrategy',
        ['FULL', 'NONE'],
      )
  }
}

export function checkCatch(
  c: Checker,
  ctx: StateCtx,
  state: JsonRecord,
  transitions: Transition[],
): void {
  if (!has(state, 'Catch')) return
  const catchers = state['Catch']
  const path: Path = ctx.path.concat('Catch')
  if (!Array.isArray(catchers)) {
    c.report(
      'SFN204',
      path,
      `The field 'Catch' of state '${ctx.name}' must be an array of catchers.`,
    )
    return
  }
  // PERF: a loop, not forEach with a closure (one per state with Catch).
  for (let index = 0; index < catchers.length; index++) {
    const catcher: unknown = catchers[index]
    const catcherPath: Path = path.concat(index)
    if (!isRecord(catcher)) {
      c.report(
        'SFN204',
        catcherPath,
        `Each catcher of state '${ctx.name}' must be an object with 'ErrorEquals' and 'Next'.`,
      )
      continue
    }
    // PERF: for-in, no key array (the guard admits plain objects only).
    for (const key in catcher) {
      if (!has(catcher, key)) continue
      if (CATCHER_PLAIN_FIELDS.has(key)) continue
      const mode = key === 'ResultPath' ? 'JSONPath' : key === 'Output' ? 'JSONata' : undefined
      if (mode === undefined) c.report('SFN203', catcherPath, `Field '${key}' is not supported`)
      else if (mode !== ctx.language) {
        c.report(
          'SFN221',
          catcherPath,
          `The QueryLanguage is set to '${ctx.language}', but field '${key}' is only supported for the '${mode}' QueryLanguage`,
        )
      }
    }
    checkErrorEquals(c, ctx, catcher, catcherPath, 'Catch', index, index === catchers.length - 1)
    checkRuleNext(c, ctx, catcher, catcherPath, transitions)
    if (
      ctx.language === 'JSONPath' &&
      has(catcher, 'ResultPath') &&
      catcher['ResultPath'] !== null
    ) {
      checkPathValue(
        c,
        ctx,
        catcher['ResultPath'],
        catcherPath.concat('ResultPath'),
        'ResultPath',
        'result',
      )
    }
    if (ctx.language === 'JSONata' && has(catcher, 'Output')) {
      checkJsonataValue(c, ctx, catcher['Output'], catcherPath.concat('Output'), ['errorOutput'])
    }
    // A catcher's Assign is not a declaration of its scope: AWS accepts a Parallel whose Catch assigns
    // a name its branches also assign (recorded corpus, states_variables/test_error_output).
    if (has(catcher, 'Assign')) {
      checkAssign(
        c,
        ctx,
        catcher['Assign'],
        catcherPath.concat('Assign'),
        undefined,
        ctx.language === 'JSONata' ? ['errorOutput'] : [],
      )
    }
  }
}
