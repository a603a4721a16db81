import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { formatAwsInvalidDefinition, validateStateMachine } from '@statewright/asl'
import type { Diagnostic } from '../../diagnostics.ts'
import { LINTS, type LintCode } from '../../rules/index.ts'
import { validate } from '../../validate.ts'
import { boolFlag, disabledLints, machineType, UsageError, type ParsedArgs } from '../args.ts'
import { diagnosticLine, jsonOut, plural, tally, type CliIo } from '../io.ts'
import { locateInFile, readJsonFile } from '../read-json.ts'

/** `statewright validate <files…>`: any ASL JSON file, ours or hand-written. */
export async function runValidate(args: ParsedArgs, io: CliIo): Promise<number> {
  if (args.positionals.length === 0)
    throw new UsageError("'validate' needs at least one ASL JSON file.")
  const type = machineType(args) ?? 'STANDARD'
  const lints: Partial<Record<LintCode, boolean>> = disabledLints(args, Object.keys(LINTS))
  if (boolFlag(args, 'aws')) return runAwsFormat(args.positionals, type, io)
  const results: { file: string; diagnostics: Diagnostic[] }[] = []
  for (const file of args.positionals) {
    const read = await readJsonFile(resolve(io.cwd, file), file)
    const diagnostics = read.ok
      ? locateInFile(
          validate(read.value, { type, lints: boolFlag(args, 'no-lints') ? false : lints }),
          read.text,
          file,
        )
      : [read.diagnostic]
    results.push({ file, diagnostics })
  }
  const ok = results.every((r) => !r.diagnostics.some((d) => d.severity === 'error'))
  if (boolFlag(args, 'json')) {
    jsonOut(io, {
      command: 'validate',
      ok,
      files: results.map((r) => ({
        file: r.file,
        ok: !r.diagnostics.some((d) => d.severity === 'error'),
        diagnostics: r.diagnostics,
      })),
    })
    return ok ? 0 : 1
  }
  for (const { file, diagnostics } of results) {
    const valid = !diagnostics.some((d) => d.severity === 'error')
    io.stdout(`${valid ? '✓' : '✗'} ${file}: ${tally(diagnostics)}\n`)
    for (const diagnostic of diagnostics) io.stdout(`  ${diagnosticLine(diagnostic, io.cwd)}\n`)
  }
  const bad = results.filter((r) => r.diagnostics.some((d) => d.severity === 'error')).length
  io.stdout(`${plural(results.length, 'file')} checked, ${bad} invalid (${type}).\n`)
  return ok ? 0 : 1
}

/**
 * `--aws`: AWS's own verdict and wording, as CreateStateMachine would answer (`Invalid State Machine
 * Definition: 'SCHEMA_VALIDATION_FAILED: … at /States/…'`), lints left out. The text goes to the
 * validator unparsed, so a JSON syntax error reads as AWS's INVALID_JSON_DESCRIPTION.
 */
async function runAwsFormat(
  files: readonly string[],
  type: 'STANDARD' | 'EXPRESS',
  io: CliIo,
): Promise<number> {
  let ok = true
  for (const file of files) {
    let text: string
    try {
      text = await readFile(resolve(io.cwd, file), 'utf8')
    } catch {
      const read = await readJsonFile(resolve(io.cwd, file), file)
      io.stdout(`${file}: ${read.ok ? '' : read.diagnostic.message}\n`)
      ok = false
      continue
    }
    const errors = validateStateMachine(text, { type }).filter((d) => d.severity === 'error')
    if (errors.length > 0) ok = false
    io.stdout(`${file}: ${errors.length === 0 ? 'OK' : formatAwsInvalidDefinition(errors)}\n`)
  }
  return ok ? 0 : 1
}
