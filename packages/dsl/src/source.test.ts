import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import {
  choice,
  eq,
  fail,
  lambda,
  map,
  parallel,
  pass,
  succeed,
  task,
  wait,
  workflow,
} from './index.ts'
import type { StateNode } from './ir/state-node.ts'

const Input = z.object({ ok: z.boolean(), items: z.array(z.string()) })
const check = lambda('Check', { input: Input, output: Input })
const verify = lambda('Verify', { input: Input, output: Input })

/** Line and column of the first occurrence of `code` in this file: where the DSL call sits. */
function callSiteOf(code: string): { line: number; column: number } {
  const lines = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n')
  const line = lines.findIndex((text) => text.includes(code))
  return { line: line + 1, column: lines[line]!.indexOf(code) + 1 }
}

const allStates = (states: readonly StateNode[]): StateNode[] =>
  states.flatMap((state) => {
    const node = state as StateNode & {
      branches?: { states: StateNode[] }[]
      processor?: { states: StateNode[] }
    }
    return [
      state,
      ...(node.branches ?? []).flatMap((branch) => allStates(branch.states)),
      ...(node.processor ? allStates(node.processor.states) : []),
    ]
  })

describe('call sites', () => {
  test('each state records the line and column of the user call that created it', () => {
    const flows = [
      workflow('Sites', { input: Input }, (start) =>
        start
          .next(task(check))
          .task(verify)
          .pass('ChainedPass')
          .next(pass('DirectPass'))
          .next(wait('DirectWait', { seconds: 1 }))
          .wait('ChainedWait', { seconds: 1 })
          .choice('ChainedChoice', (c) =>
            c
              .when(
                (s) => eq(s.ok, true),
                choice('DirectChoice', { input: Input })
                  .when((s) => eq(s.ok, false), succeed('DirectSucceed'))
                  .otherwise(succeed('Other')),
              )
              .otherwise(fail('DirectFail')),
          ),
      ),
      workflow('ChainedBranches', { input: Input }, (start) =>
        start.parallel('ChainedParallel', [(b) => b.pass('InBranch')]),
      ),
      workflow('DirectBranches', { input: Input }, (start) =>
        start.next(parallel('DirectParallel', [pass('DirectBranchPass')])),
      ),
      workflow('ChainedItems', { input: Input }, (start) =>
        start.map('ChainedMap', { items: (s) => s.items, process: (item) => item.pass('InMap') }),
      ),
      workflow('DirectItems', { input: Input }, (start) =>
        start.next(
          map('DirectMap', {
            input: Input,
            items: (s) => s.items,
            process: (item) => item.pass('InDirectMap'),
          }),
        ),
      ),
    ]
    const expected: Record<string, string> = {
      Check: 'task(check)',
      Verify: '.task(verify)',
      ChainedPass: ".pass('ChainedPass')",
      DirectPass: "pass('DirectPass')",
      DirectWait: "wait('DirectWait'",
      ChainedWait: ".wait('ChainedWait'",
      ChainedParallel: ".parallel('ChainedParallel'",
      InBranch: ".pass('InBranch')",
      DirectParallel: "parallel('DirectParallel'",
      DirectBranchPass: "pass('DirectBranchPass')",
      ChainedMap: ".map('ChainedMap'",
      InMap: ".pass('InMap')",
      DirectMap: "map('DirectMap'",
      InDirectMap: ".pass('InDirectMap')",
      ChainedChoice: ".choice('ChainedChoice'",
      DirectChoice: "choice('DirectChoice',",
      DirectSucceed: "succeed('DirectSucceed')",
      DirectFail: "fail('DirectFail')",
      Other: "succeed('Other')",
    }
    const file = fileURLToPath(import.meta.url)
    const found = Object.fromEntries(
      flows.flatMap((flow) =>
        allStates(flow.toIr().states).map((state) => [state.name, state.source]),
      ),
    )

    expect(Object.keys(found).sort()).toStrictEqual(Object.keys(expected).sort())
    for (const [name, code] of Object.entries(expected)) {
      const site = callSiteOf(code)
      const column = code.startsWith('.') ? site.column + 1 : site.column
      expect([name, found[name]]).toStrictEqual([name, { file, line: site.line, column }])
    }
    expect(flows[0]?.toIr().source).toStrictEqual({ file, ...callSiteOf("workflow('Sites'") })
  })
})
