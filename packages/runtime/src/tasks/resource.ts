/** What a Task's `Resource` names, and how AWS reports it in history (ASL-SPEC §12). */
export type TaskResource =
  | {
      readonly kind: 'lambda-function'
      /** Function name (last ARN segment before any alias/version). */
      readonly functionName: string
      readonly arn: string
    }
  | {
      readonly kind: 'service'
      /** `lambda`, `sqs`, `aws-sdk:s3`, `states`, … */
      readonly resourceType: string
      /** Action with its pattern suffix, e.g. `invoke`, `sendMessage.waitForTaskToken`. */
      readonly resource: string
      readonly action: string
      readonly pattern: 'request-response' | 'sync' | 'sync:2' | 'waitForTaskToken'
      readonly arn: string
    }
  | { readonly kind: 'activity'; readonly name: string; readonly arn: string }
  | { readonly kind: 'other'; readonly arn: string }

export function parseResource(arn: string): TaskResource {
  const lambda = /^arn:[^:]+:lambda:[^:]*:[^:]*:function:([^:]+)(?::[^:]+)?$/.exec(arn)
  if (lambda) return { kind: 'lambda-function', functionName: lambda[1]!, arn }
  const activity = /^arn:[^:]+:states:[^:]*:[^:]*:activity:(.+)$/.exec(arn)
  if (activity) return { kind: 'activity', name: activity[1]!, arn }
  const service = /^arn:[^:]+:states:::(aws-sdk:[^:]+|[^:]+):(.+)$/.exec(arn)
  if (service) {
    const resource = service[2]!
    let action = resource
    let pattern: 'request-response' | 'sync' | 'sync:2' | 'waitForTaskToken' = 'request-response'
    if (resource.endsWith('.waitForTaskToken')) {
      action = resource.slice(0, -'.waitForTaskToken'.length)
      pattern = 'waitForTaskToken'
    } else if (resource.endsWith('.sync:2')) {
      action = resource.slice(0, -'.sync:2'.length)
      pattern = 'sync:2'
    } else if (resource.endsWith('.sync')) {
      action = resource.slice(0, -'.sync'.length)
      pattern = 'sync'
    }
    return { kind: 'service', resourceType: service[1]!, resource, action, pattern, arn }
  }
  return { kind: 'other', arn }
}
