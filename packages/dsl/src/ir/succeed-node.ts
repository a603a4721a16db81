import type { StateBase, StateIo } from './state-io.ts'

export interface SucceedNode extends StateBase, StateIo {
  readonly kind: 'Succeed'
}

export const SucceedNode = {
  create: (name: string): SucceedNode => Object.freeze({ kind: 'Succeed', name }),
}
