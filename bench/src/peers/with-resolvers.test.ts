import { describe, expect, test } from 'vitest'

import { installWithResolvers, withResolversOf } from './with-resolvers.ts'

describe('withResolversOf', () => {
  test('returns a pending promise and the functions that settle it', async () => {
    const { promise, resolve } = withResolversOf<number>(Promise)

    resolve(42)

    await expect(promise).resolves.toBe(42)
  })

  test('rejects through reject', async () => {
    const { promise, reject } = withResolversOf<number>(Promise)

    reject(new Error('no'))

    await expect(promise).rejects.toThrow('no')
  })

  test('builds the promise with the constructor it is called on', () => {
    class TracedPromise<T> extends Promise<T> {}

    expect(withResolversOf(TracedPromise).promise).toBeInstanceOf(TracedPromise)
  })

  test('refuses a receiver that is not a constructor', () => {
    expect(() => withResolversOf({})).toThrow(TypeError)
  })
})

describe('installWithResolvers', () => {
  test('defines a writable, configurable, non-enumerable method where it is missing', async () => {
    class Bare<T> extends Promise<T> {}
    Object.defineProperty(Bare, 'withResolvers', {
      value: undefined,
      configurable: true,
      writable: true,
    })

    expect(installWithResolvers(Bare as unknown as PromiseConstructor)).toBe(true)
    const descriptor = Object.getOwnPropertyDescriptor(Bare, 'withResolvers')
    expect(descriptor).toMatchObject({ writable: true, enumerable: false, configurable: true })
    const { promise, resolve } = (
      Bare as unknown as { withResolvers: () => PromiseWithResolversLike }
    ).withResolvers()
    resolve('done')
    expect(promise).toBeInstanceOf(Bare)
    await expect(promise).resolves.toBe('done')
  })

  test('keeps an engine’s own method', () => {
    const own = (): null => null
    class Native<T> extends Promise<T> {
      static withResolvers = own
    }

    expect(installWithResolvers(Native as unknown as PromiseConstructor)).toBe(false)
    expect(Native.withResolvers).toBe(own)
  })
})

interface PromiseWithResolversLike {
  promise: Promise<unknown>
  resolve: (value: unknown) => void
}
