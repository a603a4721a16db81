import type { ChoiceNode } from './choice-node.ts'
import type { FailNode } from './fail-node.ts'
import type { MapNode } from './map-node.ts'
import type { ParallelNode } from './parallel-node.ts'
import type { PassNode } from './pass-node.ts'
import type { SucceedNode } from './succeed-node.ts'
import type { TaskNode } from './task-node.ts'
import type { WaitNode } from './wait-node.ts'

/** Every IR state. Adding a kind here makes `lowerState`'s switch refuse to compile until it is lowered. */
export type StateNode =
  TaskNode | PassNode | ChoiceNode | WaitNode | SucceedNode | FailNode | ParallelNode | MapNode

export type StateKind = StateNode['kind']

/** States that take Retry and Catch (ASL-SPEC §9). */
export const canCatch = (node: StateNode): node is TaskNode | ParallelNode | MapNode =>
  node.kind === 'Task' || node.kind === 'Parallel' || node.kind === 'Map'

/** States after which nothing can run. */
export const isTerminal = (node: StateNode): boolean =>
  node.kind === 'Succeed' || node.kind === 'Fail'

/** The names this state can continue to (Next, Choice rules and Default, Catch targets). */
export function successorsOf(node: StateNode): string[] {
  switch (node.kind) {
    case 'Task':
    case 'Parallel':
    case 'Map':
      return [...(node.next === undefined ? [] : [node.next]), ...node.catch.map((c) => c.next)]
    case 'Pass':
    case 'Wait':
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
