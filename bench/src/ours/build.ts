/** Our DSL and compiler through their public entry points, as a user imports them. Loaded lazily. */
import type { AslStateMachine } from '@statewright/asl'
import { compile } from '@statewright/compiler'
import * as dsl from '@statewright/dsl'

import type { DslApi } from '../workloads/dsl.ts'

/**
 * The DSL builders the build scenario chains in a loop. The loop cannot be typed state by state (the
 * `tsc` scenario checks the typed, generated source instead), hence this loosened view.
 */
export const oursDsl: DslApi = dsl as unknown as DslApi

/** Compiles a DSL workflow; throws when the compiler reports an error (the workflow is known good). */
export function compileOurs(workflow: unknown): AslStateMachine {
  const result = compile(workflow as Parameters<typeof compile>[0])
  const errors = result.diagnostics.filter((d) => d.severity === 'error')
  if (errors.length > 0)
    throw new Error(`compile() reported errors: ${JSON.stringify(errors.slice(0, 3))}`)
  return result.asl
}
