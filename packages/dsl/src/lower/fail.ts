import type { AslFailState } from '@statewright/asl'
import type { FailNode } from '../ir/fail-node.ts'
import { lowerComment } from './error-handling.ts'

export const lowerFail = (node: FailNode): AslFailState => ({
  Type: 'Fail',
  ...lowerComment(node.comment),
  ...(node.error === undefined ? {} : { Error: node.error }),
  ...(node.cause === undefined ? {} : { Cause: node.cause }),
})
