import type { Diagnostic } from '../diagnostics.ts'
import { patternOf, resourceOf } from './resources.ts'
import type { Rule } from './rule.ts'

const waitsFor = {
  callback: 'a task token (.waitForTaskToken)',
  sync: 'the job it starts (.sync)',
  activity: 'an activity worker',
} as const

/**
 * SFN250: a Task that waits for someone else (callback, `.sync` job, activity) without
 * TimeoutSeconds. AWS's default timeout is 99,999,999 s, so a lost token hangs the execution for a
 * year (ASL-SPEC §3.1, DESIGN §1.6).
 */
export const findCallbackWithoutTimeout: Rule = ({ states }) => {
  const found: Diagnostic[] = []
  for (const { name, state, path } of states) {
    const resource = resourceOf(state)
    if (resource === undefined) continue
    const pattern = patternOf(resource)
    if (pattern === 'request-response') continue
    if (state['TimeoutSeconds'] !== undefined || state['TimeoutSecondsPath'] !== undefined) continue
    found.push({
      code: 'SFN250',
      severity: 'warning',
      path,
      message:
        `Task '${name}' waits for ${waitsFor[pattern]} but has no TimeoutSeconds, so if no answer ` +
        'comes it waits up to a year. Set TimeoutSeconds (and HeartbeatSeconds for long work).',
    })
  }
  return found
}
