import type { SourceLocation } from '../source.ts'

export interface FailNode {
  readonly kind: 'Fail'
  readonly name: string
  readonly error?: string
  readonly cause?: string
  readonly comment?: string
  readonly source?: SourceLocation
}

export const FailNode = {
  create: (name: string, options: { error?: string; cause?: string } = {}): FailNode =>
    Object.freeze({
      kind: 'Fail',
      name,
      ...(options.error === undefined ? {} : { error: options.error }),
      ...(options.cause === undefined ? {} : { cause: options.cause }),
    }),
}
