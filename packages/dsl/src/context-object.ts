/**
 * The context object (`$$` in JSONPath, `$states.context` in JSONata), as AWS fills it (ASL-SPEC §7).
 * Callbacks receive a typed reference to it.
 * @example
 * t.parameters((s, context) => ({ execution: context.Execution.Id })) // "execution.$": "$$.Execution.Id"
 */
export interface ContextObject {
  readonly Execution: {
    readonly Id: string
    readonly Input: unknown
    readonly Name: string
    readonly RoleArn: string
    readonly StartTime: string
    readonly RedriveCount: number
  }
  readonly State: {
    readonly EnteredTime: string
    readonly Name: string
    readonly RetryCount: number
  }
  readonly StateMachine: { readonly Id: string; readonly Name: string }
  /** Only in tasks: `Token` is the task token of `.waitForTaskToken` integrations and activities. */
  readonly Task: { readonly Token: string }
}

/** Inside a Map iteration, the context also has the item and its index. */
export interface MapContextObject<TItem> extends ContextObject {
  readonly Map: { readonly Item: { readonly Index: number; readonly Value: TItem } }
}
