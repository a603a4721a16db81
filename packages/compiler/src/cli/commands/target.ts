import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { AslStateMachine } from '@statewright/asl'
import { isDslWorkflow, isStateMachineSource } from '../../adapters.ts'
import type { CompileInput } from '../../compile.ts'
import type { Diagnostic } from '../../diagnostics.ts'
import { UsageError } from '../args.ts'
import { importModule } from '../load.ts'
import { readJsonFile } from '../read-json.ts'

/** What `run` and `graph` act on: a definition file, or one workflow exported by a .ts module. */
export type Target =
  | { ok: true; kind: 'asl'; definition: AslStateMachine; text: string; label: string }
  | { ok: true; kind: 'workflow'; workflow: CompileInput; label: string }
  | { ok: false; diagnostic: Diagnostic }

/** Loads `file`: JSON is read as ASL; .ts/.mts/.js modules are imported and `--export` picks the workflow. */
export async function loadTarget(
  file: string,
  cwd: string,
  exportName: string | undefined,
): Promise<Target> {
  const path = resolve(cwd, file)
  if (/\.json$/i.test(file)) {
    const read = await readJsonFile(path, file)
    if (!read.ok) return { ok: false, diagnostic: read.diagnostic }
    return {
      ok: true,
      kind: 'asl',
      definition: read.value as AslStateMachine,
      text: read.text,
      label: file,
    }
  }
  if (!/\.(m?ts|m?js)$/i.test(file)) {
    throw new UsageError(`'${file}' is neither an ASL JSON file (.json) nor a module (.ts).`)
  }
  if (!existsSync(path)) {
    return {
      ok: false,
      diagnostic: {
        code: 'SFN301',
        severity: 'error',
        path: '/',
        file,
        message: `Cannot read '${file}': it does not exist. Check the path.`,
      },
    }
  }
  const imported = await importModule(path, file)
  if (!imported.ok) return { ok: false, diagnostic: imported.diagnostic }
  const workflows = Object.entries(imported.exports).filter(
    ([, value]) => isDslWorkflow(value) || isStateMachineSource(value),
  )
  if (exportName !== undefined) {
    const value = imported.exports[exportName]
    if (value === undefined) {
      throw new UsageError(
        `'${file}' has no export '${exportName}'. Its workflows: ${workflows.map(([n]) => n).join(', ') || 'none'}.`,
      )
    }
    if (!isDslWorkflow(value) && !isStateMachineSource(value)) {
      return {
        ok: false,
        diagnostic: {
          code: 'SFN307',
          severity: 'error',
          path: '/',
          file,
          message: `The export '${exportName}' of '${file}' is not a workflow. Export the value workflow(…) returns.`,
        },
      }
    }
    return {
      ok: true,
      kind: 'workflow',
      workflow: value as CompileInput,
      label: `${file}#${exportName}`,
    }
  }
  if (workflows.length === 1) {
    const [name, value] = workflows[0]!
    return { ok: true, kind: 'workflow', workflow: value as CompileInput, label: `${file}#${name}` }
  }
  if (workflows.length === 0) {
    return {
      ok: false,
      diagnostic: {
        code: 'SFN306',
        severity: 'error',
        path: '/',
        file,
        message: `'${file}' exports no workflow. Export one: export const flow = workflow('Name', { input }, (start) => …).`,
      },
    }
  }
  throw new UsageError(
    `'${file}' exports ${workflows.length} workflows (${workflows.map(([n]) => n).join(', ')}); pick one with --export <name>.`,
  )
}
