/** Our validator through its public entry point, as a user imports it. Loaded lazily. */
import { validateStateMachine } from '@statewright/asl'

/** Validates a definition; throws when ours refuses it (the benchmark definitions are valid). */
export function validateOurs(definition: unknown): void {
  const errors = validateStateMachine(definition).filter((d) => d.severity === 'error')
  if (errors.length > 0) {
    throw new Error(
      `validateStateMachine() refused the definition: ${JSON.stringify(errors.slice(0, 3))}`,
    )
  }
}
