// Task: Resource (known integrations, EXPRESS restrictions), timeouts and heartbeats, Credentials.

import { has, isInteger, isRecord } from '../checker.ts'
import type { Checker, JsonRecord } from '../checker.ts'
import { classifyResource } from '../resource.ts'
import { MAX_INT } from './context.ts'
import type { Path, StateCtx } from './context.ts'
import { checkJsonataValue, checkPathValue, checkPayloadTemplate } from './expressions.ts'
import { checkIntegerField, exclusive } from './literals.ts'

// PERF: module-level lists; an array literal in a function is a new array on every call (per Task).
const TIMEOUT_FIELDS: readonly string[] = ['TimeoutSeconds', 'TimeoutSecondsPath']
const HEARTBEAT_FIELDS: readonly string[] = ['HeartbeatSeconds', 'HeartbeatSecondsPath']
const REFERENCE_FIELDS: readonly string[] = ['TimeoutSecondsPath', 'HeartbeatSecondsPath']

export function checkTask(c: Checker, ctx: StateCtx, state: JsonRecord): void {
  const { path, name } = ctx
  if (!has(state, 'Resource')) {
    c.report('SFN202', path, 'These fields are required: [Resource]')
  } else {
    checkResource(c, ctx, state['Resource'])
  }
  exclusive(c, ctx, state, TIMEOUT_FIELDS)
  exclusive(c, ctx, state, HEARTBEAT_FIELDS)
  checkIntegerField(c, ctx, state, 'TimeoutSeconds', 1, MAX_INT)
  checkIntegerField(c, ctx, state, 'HeartbeatSeconds', 1, MAX_INT)
  if (ctx.language === 'JSONPath') {
    for (const field of REFERENCE_FIELDS) {
      if (has(state, field))
        checkPathValue(c, ctx, state[field], path.concat(field), field, 'reference')
    }
  }
  const timeout = state['TimeoutSeconds']
  const heartbeat = state['HeartbeatSeconds']
  if (isInteger(timeout) && isInteger(heartbeat) && heartbeat >= timeout) {
    c.report(
      'SFN232',
      path.concat('HeartbeatSeconds'),
      `State '${name}' has HeartbeatSeconds (${heartbeat}) not smaller than TimeoutSeconds (${timeout}); lower the heartbeat or raise the timeout.`,
    )
  }
  if (has(state, 'Credentials')) checkCredentials(c, ctx, state['Credentials'])
}

export function checkResource(c: Checker, ctx: StateCtx, resource: unknown): void {
  if (typeof resource !== 'string') {
    c.report(
      'SFN204',
      ctx.path.concat('Resource'),
      `The field 'Resource' of state '${ctx.name}' must be an ARN string.`,
    )
    return
  }
  const kind = classifyResource(resource)
  // PERF: the pointer only for a resource that is reported (most are not).
  if (kind.kind !== 'unknown' && c.type !== 'EXPRESS') return
  const path: Path = ctx.path.concat('Resource')
  if (kind.kind === 'unknown') {
    c.report(
      'SFN228',
      path,
      `The resource provided ${resource} is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.`,
    )
    return
  }
  if (c.type !== 'EXPRESS') return
  if (kind.kind === 'integration' && kind.pattern === '.sync') {
    c.report('SFN227', path, "Express state machine does not support '.sync' service integration")
  } else if (kind.kind === 'integration' && kind.pattern === '.waitForTaskToken') {
    // AWS's message carries a trailing space before " at /States/…", reproduced on purpose.
    c.report(
      'SFN227',
      path,
      "Express state machine does not support '.waitForTaskToken' service integration ",
    )
  } else if (kind.kind === 'activity') {
    c.report('SFN227', path, 'Express state machine does not support Activity ARN')
  }
}

export function checkCredentials(c: Checker, ctx: StateCtx, credentials: unknown): void {
  const path: Path = ctx.path.concat('Credentials')
  if (!isRecord(credentials)) {
    c.report(
      'SFN204',
      path,
      `The field 'Credentials' of state '${ctx.name}' must be an object with a 'RoleArn'.`,
    )
    return
  }
  const hasRole =
    has(credentials, 'RoleArn') || (ctx.language === 'JSONPath' && has(credentials, 'RoleArn.$'))
  if (!hasRole) c.report('SFN202', path, "The field 'RoleArn' is required but was missing")
  if (ctx.language === 'JSONPath') checkPayloadTemplate(c, ctx, credentials, path)
  else checkJsonataValue(c, ctx, credentials, path, [])
}
