// Choice: the rules of both query languages (one comparison per JSONPath rule, Condition in
// JSONata), Default, and the transitions they make.

import { has, isRecord } from '../checker.ts'
import type { Checker, JsonRecord } from '../checker.ts'
import { CHOICE_OPERATORS } from '../fields.ts'
import { isRfc3339Timestamp } from '../timestamp.ts'
import type { Path, StateCtx, Transition } from './context.ts'
import { checkAssign, checkJsonataValue, checkPathValue, isExpression } from './expressions.ts'

export function checkChoice(
  c: Checker,
  ctx: StateCtx,
  state: JsonRecord,
  transitions: Transition[],
): void {
  const { path } = ctx
  if (has(state, 'Default')) {
    const target = state['Default']
    if (typeof target === 'string') transitions.push({ target, at: path, field: 'Default' })
    else
      c.report(
        'SFN204',
        path.concat('Default'),
        `The field 'Default' of state '${ctx.name}' must be a state name.`,
      )
  }
  if (!has(state, 'Choices')) {
    c.report('SFN202', path, 'These fields are required: [Choices]')
    return
  }
  const choices = state['Choices']
  if (!Array.isArray(choices)) {
    c.report(
      'SFN204',
      path.concat('Choices'),
      `The field 'Choices' of state '${ctx.name}' must be an array of rules.`,
    )
    return
  }
  if (choices.length === 0) {
    c.report('SFN233', path.concat('Choices'), 'Value cannot be empty')
    return
  }
  choices.forEach((rule, index) => {
    const rulePath: Path = path.concat('Choices', index)
    if (ctx.language === 'JSONata') checkJsonataRule(c, ctx, rule, rulePath, transitions)
    else checkJsonPathRule(c, ctx, rule, rulePath, true, transitions)
  })
}

export function checkRuleNext(
  c: Checker,
  ctx: StateCtx,
  rule: JsonRecord,
  path: Path,
  transitions: Transition[],
): void {
  if (!has(rule, 'Next')) {
    c.report('SFN202', path, 'These fields are required: [Next]')
    return
  }
  const next = rule['Next']
  if (typeof next === 'string') transitions.push({ target: next, at: path, field: 'Next' })
  else
    c.report(
      'SFN204',
      path.concat('Next'),
      `The field 'Next' of a rule of state '${ctx.name}' must be a state name.`,
    )
}

export function checkJsonataRule(
  c: Checker,
  ctx: StateCtx,
  rule: unknown,
  path: Path,
  transitions: Transition[],
): void {
  if (!isRecord(rule)) {
    c.report(
      'SFN213',
      path,
      `Each rule of Choice state '${ctx.name}' must be an object with 'Condition' and 'Next'.`,
    )
    return
  }
  for (const key of Object.keys(rule)) {
    if (['Condition', 'Next', 'Assign', 'Output', 'Comment'].includes(key)) continue
    if (
      key === 'Variable' ||
      key === 'And' ||
      key === 'Or' ||
      key === 'Not' ||
      has(CHOICE_OPERATORS, key)
    ) {
      c.report(
        'SFN221',
        path,
        `The QueryLanguage is set to 'JSONata', but field '${key}' is only supported for the 'JSONPath' QueryLanguage`,
      )
    } else {
      c.report('SFN203', path, `Field '${key}' is not supported`)
    }
  }
  if (!has(rule, 'Condition')) {
    c.report('SFN202', path, 'These fields are required: [Condition]')
  } else {
    const condition = rule['Condition']
    const conditionPath: Path = path.concat('Condition')
    if (!isExpression(c, ctx, condition, conditionPath) && typeof condition !== 'boolean') {
      c.report(
        'SFN204',
        conditionPath,
        `The 'Condition' of a rule of state '${ctx.name}' must be true, false or a '{% %}' expression.`,
      )
    }
  }
  checkRuleNext(c, ctx, rule, path, transitions)
  if (has(rule, 'Output')) checkJsonataValue(c, ctx, rule['Output'], path.concat('Output'), [])
  if (has(rule, 'Assign')) checkAssign(c, ctx, rule['Assign'], path.concat('Assign'), ctx.scope, [])
}

export function checkJsonPathRule(
  c: Checker,
  ctx: StateCtx,
  rule: unknown,
  path: Path,
  topLevel: boolean,
  transitions: Transition[],
): void {
  if (!isRecord(rule)) {
    c.report('SFN213', path, `Each rule of Choice state '${ctx.name}' must be an object.`)
    return
  }
  const operators: string[] = []
  for (const key of Object.keys(rule)) {
    if (has(CHOICE_OPERATORS, key)) operators.push(key)
    else if (['Variable', 'And', 'Or', 'Not', 'Comment', 'Assign'].includes(key)) continue
    else if (key === 'Next' && topLevel) continue
    else if (key === 'Condition' || key === 'Output') {
      c.report(
        'SFN221',
        path,
        `The QueryLanguage is set to 'JSONPath', but field '${key}' is only supported for the 'JSONata' QueryLanguage`,
      )
    } else {
      c.report('SFN203', path, `Field '${key}' is not supported`)
    }
  }
  const booleans = ['And', 'Or', 'Not'].filter((key) => has(rule, key))
  const kinds = booleans.length + (has(rule, 'Variable') || operators.length > 0 ? 1 : 0)
  if (kinds === 0) {
    c.report(
      'SFN213',
      path,
      `A rule of Choice state '${ctx.name}' has no condition; give it a 'Variable' and a comparison operator, or 'And', 'Or' or 'Not'.`,
    )
  } else if (kinds > 1) {
    c.report(
      'SFN213',
      path,
      `A rule of Choice state '${ctx.name}' mixes ${[...booleans, ...(has(rule, 'Variable') ? ['Variable'] : [])].join(' and ')}; one rule holds one kind of condition.`,
    )
  }
  if (has(rule, 'Variable') || operators.length > 0) {
    if (!has(rule, 'Variable')) {
      c.report('SFN202', path, 'These fields are required: [Variable]')
    } else {
      checkPathValue(c, ctx, rule['Variable'], path.concat('Variable'), 'Variable', 'path')
    }
    if (operators.length === 0) {
      c.report(
        'SFN213',
        path,
        `A rule of Choice state '${ctx.name}' has a 'Variable' but no comparison operator such as 'StringEquals'.`,
      )
    } else if (operators.length > 1) {
      c.report('SFN213', path, 'Each Choice Rule can only have one comparison operator')
    }
    for (const operator of operators)
      checkOperand(c, ctx, operator, rule[operator], path.concat(operator))
  }
  for (const key of ['And', 'Or']) {
    if (!has(rule, key)) continue
    const list = rule[key]
    if (!Array.isArray(list)) {
      c.report(
        'SFN204',
        path.concat(key),
        `The field '${key}' of a rule of state '${ctx.name}' must be an array of rules.`,
      )
    } else if (list.length === 0) {
      c.report('SFN233', path.concat(key), 'Value cannot be empty')
    } else {
      list.forEach((inner, index) =>
        checkJsonPathRule(c, ctx, inner, path.concat(key, index), false, transitions),
      )
    }
  }
  if (has(rule, 'Not'))
    checkJsonPathRule(c, ctx, rule['Not'], path.concat('Not'), false, transitions)
  if (topLevel) checkRuleNext(c, ctx, rule, path, transitions)
  if (has(rule, 'Assign')) {
    if (topLevel) checkAssign(c, ctx, rule['Assign'], path.concat('Assign'), ctx.scope, [])
  }
}

export function checkOperand(
  c: Checker,
  ctx: StateCtx,
  operator: string,
  value: unknown,
  path: Path,
): void {
  const kind = CHOICE_OPERATORS[operator]
  switch (kind) {
    case 'path':
      checkPathValue(c, ctx, value, path, operator, 'path')
      return
    case 'timestamp':
      if (typeof value !== 'string' || !isRfc3339Timestamp(value)) {
        c.report('SFN229', path, 'String does not match RFC3339 timestamp')
      }
      return
    case 'number':
      if (typeof value !== 'number')
        c.report('SFN204', path, `The operator '${operator}' takes a number.`)
      return
    case 'string':
      if (typeof value !== 'string')
        c.report('SFN204', path, `The operator '${operator}' takes a string.`)
      return
    case 'boolean':
      if (typeof value !== 'boolean')
        c.report('SFN204', path, `The operator '${operator}' takes true or false.`)
      return
    default:
      return
  }
}
