import type { AslSucceedState } from '@statewright/asl'
import type { SucceedNode } from '../ir/succeed-node.ts'
import { lowerComment } from './error-handling.ts'

export const lowerSucceed = (node: SucceedNode): AslSucceedState => ({
  Type: 'Succeed',
  ...lowerComment(node.comment),
})
