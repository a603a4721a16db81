import { installWithResolvers } from './with-resolvers.ts'

/**
 * aws-local-stepfunctions, loaded after the `Promise.withResolvers` shim it needs on Node 20. A dynamic
 * import because its module must not be evaluated before the shim is in place.
 */
export async function loadLocalStepFunctions(): Promise<typeof import('aws-local-stepfunctions')> {
  installWithResolvers()
  return import('aws-local-stepfunctions')
}

/** The peer's local handlers receive the effective input and return the task result, keyed by state name. */
export type PeerHandlers = Record<string, (input: any) => unknown>
