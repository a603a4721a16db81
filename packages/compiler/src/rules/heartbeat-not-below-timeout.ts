import type { Diagnostic } from '../diagnostics.ts'
import { literalNumber } from './resources.ts'
import type { Rule } from './rule.ts'

/**
 * SFN251: HeartbeatSeconds must be smaller than TimeoutSeconds (ASL-SPEC §3.1); otherwise the
 * heartbeat can never be what times the task out.
 */
export const findHeartbeatNotBelowTimeout: Rule = ({ states }) => {
  const found: Diagnostic[] = []
  for (const { name, state, path } of states) {
    if (state['Type'] !== 'Task') continue
    const heartbeat = literalNumber(state, 'HeartbeatSeconds')
    const timeout = literalNumber(state, 'TimeoutSeconds')
    if (heartbeat === undefined || timeout === undefined || heartbeat < timeout) continue
    found.push({
      code: 'SFN251',
      severity: 'warning',
      path: `${path}/HeartbeatSeconds`,
      message:
        `Task '${name}' has HeartbeatSeconds ${heartbeat}, not below its TimeoutSeconds ${timeout}, ` +
        'so the heartbeat never fires before the timeout. Set HeartbeatSeconds lower than TimeoutSeconds.',
    })
  }
  return found
}
