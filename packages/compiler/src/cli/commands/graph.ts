import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { compile } from '../../compile.ts'
import { toMermaid } from '../../graph.ts'
import { boolFlag, stringFlag, UsageError, type ParsedArgs } from '../args.ts'
import { diagnosticLine, jsonOut, type CliIo } from '../io.ts'
import { loadTarget } from './target.ts'

/** `statewright graph <file>`: a Mermaid flowchart of any definition or workflow. */
export async function runGraph(args: ParsedArgs, io: CliIo): Promise<number> {
  if (args.positionals.length !== 1)
    throw new UsageError("'graph' takes one file: a workflow module or an ASL JSON file.")
  const target = await loadTarget(args.positionals[0]!, io.cwd, stringFlag(args, 'export'))
  const json = boolFlag(args, 'json')
  if (!target.ok) {
    if (json) jsonOut(io, { command: 'graph', ok: false, diagnostics: [target.diagnostic] })
    else io.stderr(`${diagnosticLine(target.diagnostic, io.cwd)}\n`)
    return 1
  }
  const definition = target.kind === 'asl' ? target.definition : compile(target.workflow).asl
  const chart = toMermaid(definition)
  const out = stringFlag(args, 'out')
  if (out !== undefined) await writeFile(resolve(io.cwd, out), chart)
  if (json) jsonOut(io, { command: 'graph', ok: true, mermaid: chart })
  else if (out === undefined) io.stdout(chart)
  return 0
}
