import { closestName, STATES_ERRORS } from '@statewright/asl'
import type { Diagnostic } from '../diagnostics.ts'
import { errorsOf, HANDLER_FIELDS, handlerNoun } from './resources.ts'
import type { Rule } from './rule.ts'

// The names Step Functions raises for Lambda's own failures (ASL-SPEC §9.1); a function's errorType can be
// anything else, so only near misses of these are judged.
const LAMBDA_ERRORS: readonly string[] = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
  'Lambda.Unknown',
]
const KNOWN: ReadonlySet<string> = new Set([...STATES_ERRORS, ...LAMBDA_ERRORS])
const HTTP_STATUS = /^States\.Http\.StatusCode\.[1-5]\d\d$/

/** The known name `error` is a typo of (at most two edits away), or undefined. */
const nearestKnown = (error: string): string | undefined => closestName(error, KNOWN, 2)

/** Why `error` looks misspelled (a sentence), or undefined when someone may raise it. */
function misspelling(error: string): string | undefined {
  if (KNOWN.has(error) || HTTP_STATUS.test(error)) return undefined
  const near = nearestKnown(error)
  if (error.startsWith('States.')) {
    const reserved = `'${error}' is not an error Step Functions raises (names starting with States. are reserved)`
    return near === undefined ? `${reserved}.` : `${reserved}: did you mean '${near}'?`
  }
  // Any other name may be a function's or a service's own error: only a near miss of a known one.
  return near === undefined ? undefined : `'${error}' looks like a typo: did you mean '${near}'?`
}

/**
 * SFN258: an error name in a retrier or catcher that no one raises because it is misspelled: a
 * `States.*` name Step Functions does not define (the prefix is reserved), or a near miss of a
 * `Lambda.*` service error. Such a retrier or catcher silently never fires.
 */
export const findMisspelledError: Rule = ({ states }) => {
  const found: Diagnostic[] = []
  for (const visit of states) {
    for (const field of HANDLER_FIELDS) {
      const entries = visit.state[field]
      if (!Array.isArray(entries)) continue
      for (let index = 0; index < entries.length; index++) {
        const errors = errorsOf(entries[index])
        for (let at = 0; at < errors.length; at++) {
          const why = misspelling(errors[at]!)
          if (why === undefined) continue
          found.push({
            code: 'SFN258',
            severity: 'warning',
            path: `${visit.path}/${field}[${index}]/ErrorEquals/${at}`,
            message: `${handlerNoun(field)[0]!.toUpperCase()}${handlerNoun(field).slice(1)} ${index} of '${visit.name}': ${why} It never matches, so the ${handlerNoun(field)} never fires.`,
          })
        }
      }
    }
  }
  return found
}
