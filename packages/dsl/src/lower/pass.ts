import type { AslPassState } from '@statewright/asl'
import type { PassNode } from '../ir/pass-node.ts'
import { lowerComment, lowerTransition } from './error-handling.ts'

/** A Pass state; `Result` only when one was given (otherwise the input passes through). */
export const lowerPass = (node: PassNode): AslPassState => ({
  Type: 'Pass',
  ...lowerComment(node.comment),
  ...(node.result === undefined ? {} : { Result: node.result }),
  ...lowerTransition(node.next),
})
