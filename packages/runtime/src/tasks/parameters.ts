import type { JsonValue } from '@statewright/asl'
import { isJsonObject } from '../json.ts'
import type { TaskResource } from './resource.ts'

/**
 * Checks AWS applies to an optimized integration's parameters before it starts the task; each problem
 * is a States.Runtime "The Parameters '…' could not be used to start the Task: [<problem>]".
 */
export function parameterProblems(resource: TaskResource, parameters: JsonValue): string[] {
  if (resource.kind !== 'service') return []
  const problems: string[] = []
  if (resource.resourceType === 'apigateway' && isJsonObject(parameters)) {
    const headers = parameters.Headers
    // API Gateway headers are multi-valued: every value must be a list of strings.
    if (
      headers !== undefined &&
      (!isJsonObject(headers) ||
        Object.values(headers).some(
          (v) => !Array.isArray(v) || v.some((s) => typeof s !== 'string'),
        ))
    ) {
      problems.push("The value of the field 'Headers' has an invalid format")
    }
  }
  return problems
}
