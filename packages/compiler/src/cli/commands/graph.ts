import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { compile } from '../../compile.ts'
import { toMermaid } from '../../graph.ts'
import { validate } from '../../validate.ts'
import { boolFlag, stringFlag, UsageError, type ParsedArgs } from '../args.ts'
import { diagnosticLine, jsonOut, type CliIo } from '../io.ts'
import { locateInFile } from '../read-json.ts'
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
  // Only a definition AWS would accept is drawn: a chart silently missing the edge to a state that
  // does not exist would look fine. Lints do not matter to a drawing.
  const compiled =
    target.kind === 'workflow' ? compile(target.workflow, { lints: false }) : undefined
  const definition = target.kind === 'workflow' ? compiled?.asl : target.definition
  const diagnostics =
    target.kind === 'workflow'
      ? (compiled?.diagnostics ?? [])
      : locateInFile(validate(target.definition, { lints: false }), target.text, target.label)
  const errors = diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => (d.file || d.source ? d : { ...d, file: target.label }))
  if (errors.length > 0) {
    if (json) jsonOut(io, { command: 'graph', ok: false, diagnostics: errors })
    else {
      for (const d of errors) io.stderr(`${diagnosticLine(d, io.cwd)}\n`)
      io.stderr(
        `'${target.label}' is not a valid state machine, so it is not drawn. Fix the ${errors.length === 1 ? 'error' : `${errors.length} errors`} above.\n`,
      )
    }
    return 1
  }
  if (definition === undefined) return 1
  const chart = toMermaid(definition)
  const out = stringFlag(args, 'out')
  if (out !== undefined) await writeFile(resolve(io.cwd, out), chart)
  if (json) jsonOut(io, { command: 'graph', ok: true, mermaid: chart })
  else if (out === undefined) io.stdout(chart)
  return 0
}
