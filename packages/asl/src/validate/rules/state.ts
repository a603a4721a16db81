// One state: Type, QueryLanguage, which fields its type and language allow, Next/End, and the
// input/output fields common to most states.

import type { StateType } from '../../states.ts'
import { has, isRecord } from '../checker.ts'
import type { Checker, JsonRecord, Scope } from '../checker.ts'
import { AWS_STATE_TYPE_ORDER, STATE_FIELDS } from '../fields.ts'
import { checkChoice } from './choice.ts'
import type { Language, Path, StateCtx, Transition } from './context.ts'
import {
  checkAssign,
  checkJsonataValue,
  checkPathValue,
  checkPayloadTemplate,
  checkStaticResult,
} from './expressions.ts'
import { checkFail } from './fail.ts'
import { checkQueryLanguageValue } from './machine.ts'
import { checkMap } from './map.ts'
import { checkParallel } from './parallel.ts'
import { checkCatch, checkRetry } from './retry-catch.ts'
import { checkTask } from './task.ts'
import { checkWait } from './wait.ts'

export function checkState(
  c: Checker,
  name: string,
  state: unknown,
  path: Path,
  scope: Scope,
  transitions: Transition[],
): void {
  if (!isRecord(state)) {
    c.report('SFN204', path, `State '${name}' must be a JSON object with a 'Type' field.`)
    return
  }
  const type = state['Type']
  if (!has(state, 'Type') || typeof type !== 'string' || !has(STATE_FIELDS, type)) {
    if (!has(state, 'Type')) c.report('SFN202', path, 'These fields are required: [Type]')
    else {
      c.report(
        'SFN205',
        path.concat('Type'),
        `The field 'Type' should have one of these values: [${AWS_STATE_TYPE_ORDER.join(', ')}]`,
      )
    }
    // Its Next still counts as a transition, so the state it names is not reported unreachable too.
    const next = state['Next']
    if (typeof next === 'string') transitions.push({ target: next, at: path, field: 'Next' })
    return
  }
  const stateType = type as StateType
  const ownLanguage = state['QueryLanguage']
  if (has(state, 'QueryLanguage'))
    checkQueryLanguageValue(c, ownLanguage, path.concat('QueryLanguage'))
  const downgraded = ownLanguage === 'JSONPath' && c.topLanguage === 'JSONata'
  if (downgraded) {
    c.report(
      'SFN222',
      path,
      "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine",
    )
  }
  const language: Language = has(state, 'QueryLanguage')
    ? ownLanguage === 'JSONPath'
      ? 'JSONPath'
      : 'JSONata'
    : c.topLanguage
  const ctx: StateCtx = { name, type: stateType, path, language, scope }
  const allowed = STATE_FIELDS[stateType]
  // PERF: for-in, no key array (the guard admits plain objects only).
  for (const key in state) {
    if (!has(state, key)) continue
    const mode = has(allowed, key) ? allowed[key] : undefined
    if (mode === undefined) {
      c.report('SFN203', path, `Field '${key}' is not supported`)
    } else if (mode !== 'both' && mode !== language && !downgraded) {
      // AWS names only the downgrade for such a state, not the fields its language then refuses.
      c.report(
        'SFN221',
        path,
        `The QueryLanguage is set to '${language}', but field '${key}' is only supported for the '${mode}' QueryLanguage`,
      )
    }
  }
  if (has(state, 'Comment') && typeof state['Comment'] !== 'string') {
    c.report(
      'SFN204',
      path.concat('Comment'),
      `The field 'Comment' of state '${name}' must be a string.`,
    )
  }
  checkTransition(c, ctx, state, transitions)
  checkCommonIo(c, ctx, state)
  switch (stateType) {
    case 'Task':
      checkTask(c, ctx, state)
      break
    case 'Pass':
      if (ctx.language === 'JSONPath' && has(state, 'Result')) {
        checkStaticResult(c, ctx, state['Result'], path.concat('Result'))
      }
      break
    case 'Choice':
      checkChoice(c, ctx, state, transitions)
      break
    case 'Wait':
      checkWait(c, ctx, state)
      break
    case 'Succeed':
      break
    case 'Fail':
      checkFail(c, ctx, state)
      break
    case 'Parallel':
      checkParallel(c, ctx, state)
      break
    case 'Map':
      checkMap(c, ctx, state)
      break
  }
  if (stateType === 'Task' || stateType === 'Parallel' || stateType === 'Map') {
    checkRetry(c, ctx, state)
    checkCatch(c, ctx, state, transitions)
  }
}

export function checkTransition(
  c: Checker,
  ctx: StateCtx,
  state: JsonRecord,
  transitions: Transition[],
): void {
  const { type, path, name } = ctx
  const next = state['Next']
  if (has(state, 'Next')) {
    if (typeof next === 'string') transitions.push({ target: next, at: path, field: 'Next' })
    else
      c.report(
        'SFN204',
        path.concat('Next'),
        `The field 'Next' of state '${name}' must be a state name.`,
      )
  }
  if (type === 'Choice' || type === 'Succeed' || type === 'Fail') return
  const end = state['End']
  if (has(state, 'End') && typeof end !== 'boolean') {
    c.report(
      'SFN204',
      path.concat('End'),
      `The field 'End' of state '${name}' must be true or absent.`,
    )
  }
  if (has(state, 'Next') && end === true) {
    c.report(
      'SFN206',
      path,
      `State '${name}' has both 'Next' and 'End'; a state either continues or ends. Remove one of them.`,
    )
  } else if (!has(state, 'Next') && end !== true) {
    c.report(
      'SFN207',
      path,
      `State '${name}' has neither 'Next' nor '"End": true'; add a 'Next' state or end the workflow here.`,
    )
  }
}

// PERF: module level; an array literal in a function is a new array on every call (per state).
const PATH_FIELDS: readonly string[] = ['InputPath', 'OutputPath']

export function checkCommonIo(c: Checker, ctx: StateCtx, state: JsonRecord): void {
  const { path, language, type } = ctx
  if (language === 'JSONPath') {
    for (const field of PATH_FIELDS) {
      if (has(state, field) && state[field] !== null)
        checkPathValue(c, ctx, state[field], path.concat(field), field, 'path')
    }
    if (has(state, 'ResultPath') && state['ResultPath'] !== null) {
      checkPathValue(c, ctx, state['ResultPath'], path.concat('ResultPath'), 'ResultPath', 'result')
    }
    if (has(state, 'Parameters'))
      checkPayloadTemplate(c, ctx, state['Parameters'], path.concat('Parameters'))
    if (has(state, 'ResultSelector')) {
      if (!isRecord(state['ResultSelector'])) {
        c.report(
          'SFN204',
          path.concat('ResultSelector'),
          `The field 'ResultSelector' of state '${ctx.name}' must be an object.`,
        )
      } else {
        checkPayloadTemplate(c, ctx, state['ResultSelector'], path.concat('ResultSelector'))
      }
    }
  } else {
    const resultAllowed = type === 'Task' || type === 'Map' || type === 'Parallel'
    if (has(state, 'Arguments'))
      checkJsonataValue(c, ctx, state['Arguments'], path.concat('Arguments'), [])
    if (has(state, 'Output')) {
      checkJsonataValue(
        c,
        ctx,
        state['Output'],
        path.concat('Output'),
        resultAllowed ? ['result'] : [],
      )
    }
  }
  if (has(state, 'Assign')) {
    const resultAllowed =
      language === 'JSONata' && (type === 'Task' || type === 'Map' || type === 'Parallel')
    checkAssign(
      c,
      ctx,
      state['Assign'],
      path.concat('Assign'),
      ctx.scope,
      resultAllowed ? ['result'] : [],
    )
  }
}
