/**
 * `Promise.withResolvers` (ES2024) for Node 20, where it is missing and aws-local-stepfunctions 3.x calls it.
 * Installed only when the running engine lacks it, so a Node that has it keeps its own.
 * Follows the spec (§27.2.4.8): `this` must be a constructor (NewPromiseCapability), the result is a
 * fresh `{ promise, resolve, reject }`, and the method is writable, configurable, non-enumerable.
 */

interface Resolvers<T> {
  promise: Promise<T>
  resolve: (value: T | PromiseLike<T>) => void
  reject: (reason?: unknown) => void
}

type PromiseConstructorLike = new <T>(
  executor: (
    resolve: (value: T | PromiseLike<T>) => void,
    reject: (reason?: unknown) => void,
  ) => void,
) => Promise<T>

/** The spec's algorithm as a plain function of the constructor, so tests can run it on Node 20 and later alike. */
export function withResolversOf<T>(constructor: unknown): Resolvers<T> {
  if (typeof constructor !== 'function') {
    throw new TypeError('Promise.withResolvers called on a value that is not a constructor')
  }
  let resolve: Resolvers<T>['resolve'] | undefined
  let reject: Resolvers<T>['reject'] | undefined
  const promise = new (constructor as PromiseConstructorLike)<T>((res, rej) => {
    // NewPromiseCapability: a second call of the executor with functions set is a TypeError.
    if (resolve !== undefined || reject !== undefined) {
      throw new TypeError('Promise executor has already been invoked with non-undefined arguments')
    }
    resolve = res
    reject = rej
  })
  if (typeof resolve !== 'function' || typeof reject !== 'function') {
    throw new TypeError('Promise resolve or reject function is not callable')
  }
  return { promise, resolve, reject }
}

/** Defines `Promise.withResolvers` when it is missing; returns whether it did. */
export function installWithResolvers(target: PromiseConstructor = Promise): boolean {
  if (typeof (target as { withResolvers?: unknown }).withResolvers === 'function') return false
  const method = {
    withResolvers<T>(this: unknown): Resolvers<T> {
      return withResolversOf<T>(this)
    },
  }.withResolvers
  Object.defineProperty(target, 'withResolvers', {
    value: method,
    writable: true,
    enumerable: false,
    configurable: true,
  })
  return true
}
