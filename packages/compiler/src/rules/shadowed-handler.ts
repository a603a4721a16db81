import type { Diagnostic } from '../diagnostics.ts'
import { errorsOf, HANDLER_FIELDS, handlerNoun, quoteList } from './resources.ts'
import type { Rule } from './rule.ts'

/**
 * Whether an earlier matcher already takes `error`: the same name, or
 * `States.TaskFailed` takes every error except `States.Timeout` (ASL-SPEC §9.1): to stay certain we
 * only count task errors (names outside `States.`) and `States.TaskFailed` itself as taken.
 */
function coveredBy(earlier: readonly string[], error: string): string | undefined {
  if (earlier.includes(error)) return error
  // A States.ALL before other entries is an error the validator reports (SFN214): not repeated here.
  if (error === 'States.ALL' || earlier.includes('States.ALL')) return undefined
  if (earlier.includes('States.TaskFailed') && !error.startsWith('States.'))
    return 'States.TaskFailed'
  return undefined
}

/**
 * SFN252: a retrier or catcher whose errors are all taken by an earlier one. Step Functions uses
 * the first entry that matches (ASL-SPEC §9.2 step 1), so this one can never fire.
 */
export const findShadowedHandler: Rule = ({ states }) => {
  const found: Diagnostic[] = []
  // PERF: plain loops and a map only where an entry has earlier ones (this runs on every compile).
  for (const { name, state, path } of states) {
    for (const field of HANDLER_FIELDS) {
      const entries = state[field]
      if (!Array.isArray(entries) || entries.length < 2) continue
      const noun = handlerNoun(field)
      for (let index = 1; index < entries.length; index++) {
        const errors = errorsOf(entries[index])
        if (errors.length === 0) continue
        const takers = new Map<string, number>()
        for (const error of errors) {
          for (let earlier = 0; earlier < index; earlier++) {
            const by = coveredBy(errorsOf(entries[earlier]), error)
            if (by !== undefined) {
              takers.set(error, earlier)
              break
            }
          }
          if (!takers.has(error)) break
        }
        if (takers.size < errors.length) continue
        const firsts = [...new Set(takers.values())].map((i) => `${noun} ${i}`).join(' and ')
        found.push({
          code: 'SFN252',
          severity: 'warning',
          path: `${path}/${field}[${index}]`,
          message:
            `${noun[0]!.toUpperCase()}${noun.slice(1)} ${index} of '${name}' (${quoteList(errors)}) ` +
            `can never fire: ${firsts} already matches these errors, and Step Functions uses the ` +
            `first ${noun} that matches. Move it before ${firsts}, or remove it.`,
        })
      }
    }
  }
  return found
}
