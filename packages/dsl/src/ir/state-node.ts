import type { ChoiceNode } from './choice-node.ts'
import type { FailNode } from './fail-node.ts'
import type { PassNode } from './pass-node.ts'
import type { SucceedNode } from './succeed-node.ts'
import type { TaskNode } from './task-node.ts'

/** Every IR state. Adding a kind here makes `lowerState`'s switch refuse to compile until it is lowered. */
export type StateNode = TaskNode | PassNode | ChoiceNode | SucceedNode | FailNode

export type StateKind = StateNode['kind']

/** States that take Retry and Catch (ASL-SPEC §9). */
export const canCatch = (node: StateNode): node is TaskNode => node.kind === 'Task'

/** States after which nothing can run. */
export const isTerminal = (node: StateNode): boolean =>
  node.kind === 'Succeed' || node.kind === 'Fail'

/** The names this state can continue to (Next, Choice rules and Default, Catch targets). */
export function successorsOf(node: StateNode): string[] {
  switch (node.kind) {
    case 'Task':
      return [...(node.next === undefined ? [] : [node.next]), ...node.catch.map((c) => c.next)]
    case 'Pass':
      return node.next === undefined ? [] : [node.next]
    case 'Choice':
      return [
        ...node.rules.map((r) => r.next),
        ...(node.default === undefined ? [] : [node.default]),
      ]
    case 'Succeed':
    case 'Fail':
      return []
  }
}
