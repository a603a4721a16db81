import type { SourceLocation } from '../source.ts'

export interface SucceedNode {
  readonly kind: 'Succeed'
  readonly name: string
  readonly comment?: string
  readonly source?: SourceLocation
}

export const SucceedNode = {
  create: (name: string): SucceedNode => Object.freeze({ kind: 'Succeed', name }),
}
