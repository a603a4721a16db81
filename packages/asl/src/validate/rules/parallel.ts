// Parallel: Branches, each a nested state machine.

import { has } from '../checker.ts'
import type { Checker, JsonRecord } from '../checker.ts'
import type { Path, StateCtx } from './context.ts'
import { checkSubMachine } from './machine.ts'

export function checkParallel(c: Checker, ctx: StateCtx, state: JsonRecord): void {
  const path: Path = ctx.path.concat('Branches')
  if (!has(state, 'Branches')) {
    c.report('SFN202', ctx.path, 'These fields are required: [Branches]')
    return
  }
  const branches = state['Branches']
  if (!Array.isArray(branches)) {
    c.report(
      'SFN204',
      path,
      `The field 'Branches' of state '${ctx.name}' must be an array of branches.`,
    )
    return
  }
  if (branches.length === 0) {
    c.report('SFN233', path, 'Value cannot be empty')
    return
  }
  branches.forEach((branch, index) =>
    checkSubMachine(c, ctx, branch, path.concat(index), false, false),
  )
}
