// Runs one case of ../shared/conformance/aws-teststate.jsonl through testState() and compares the
// answer with AWS's using compare.mjs's checkTestState, read from ../shared/conformance at run time
// (never copied into the repo). Cases that need a real service call (no mock) are reported as
// not run: they count as misses (failed).

import { join } from 'node:path'
import { testState, TestStateRejected, type TestStateRequest } from '../src/test-state/index.ts'
import { loadCompare, readCases, sharedConformanceDir, type CompareModule } from './recorded.ts'

/** One line of aws-teststate.jsonl (the fields used here). */
export interface TestStateCase {
  readonly id: string
  readonly category: string
  readonly request: TestStateRequest & { readonly definition: unknown }
  readonly expected: Record<string, unknown>
  readonly needsServices?: readonly string[]
  readonly flags?: readonly string[]
}

/** The verdict on one case. */
export interface TestStateCaseResult {
  readonly ok: boolean
  /** Why the case could not be run here. */
  readonly skipped?: string
  readonly reason?: string
}

let compare: Promise<CompareModule> | undefined

function compareModule(): Promise<CompareModule> {
  const dir = sharedConformanceDir()
  if (dir === undefined) throw new Error('../shared/conformance is not present.')
  compare ??= loadCompare(dir)
  return compare
}

/** What testState answered, in the shape checkTestState compares. */
export async function answerOf(testCase: TestStateCase): Promise<Record<string, unknown>> {
  try {
    // A fixed seed keeps made-up names and UUIDs stable from run to run.
    const result = await testState(testCase.request, { random: 1 })
    return { ...result }
  } catch (error) {
    if (error instanceof TestStateRejected) return { errorCode: error.code, message: error.message }
    throw error
  }
}

/**
 * Runs one corpus case and compares it with AWS's recorded answer.
 *
 * @example
 * const verdict = await runTestStateCase(testCase) // { ok: true } or { ok: false, reason: '…' }
 */
export async function runTestStateCase(testCase: TestStateCase): Promise<TestStateCaseResult> {
  const services = testCase.needsServices ?? []
  if (services.length > 0 && testCase.request.mock === undefined) {
    const skipped = `calls the real ${services.join(', ')} service (no mock): nothing local to stand in for it`
    return { ok: false, skipped, reason: `not run: ${skipped}` }
  }
  const module = await compareModule()
  const answer = await answerOf(testCase)
  const verdict = module.checkTestState(testCase, answer)
  return verdict.ok ? { ok: true } : { ok: false, reason: verdict.reason ?? 'differs' }
}

/** Every case of the TestState corpus with its verdict (for the vitest bar and the docs). */
export async function runTestStateCorpus(
  dir: string,
): Promise<(TestStateCaseResult & { id: string; category: string })[]> {
  const cases = readCases<TestStateCase>(join(dir, 'aws-teststate.jsonl'))
  const results: (TestStateCaseResult & { id: string; category: string })[] = []
  for (const testCase of cases) {
    let verdict: TestStateCaseResult
    try {
      verdict = await runTestStateCase(testCase)
    } catch (error) {
      verdict = {
        ok: false,
        reason: `threw ${error instanceof Error ? error.message : String(error)}`,
      }
    }
    results.push({ id: testCase.id, category: testCase.category, ...verdict })
  }
  return results
}
