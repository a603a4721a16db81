import { mkdir, stat, writeFile } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import { isDslWorkflow, isStateMachineSource } from '../../adapters.ts'
import { compile, type CompileInput, type CompileResult } from '../../compile.ts'
import type { Diagnostic } from '../../diagnostics.ts'
import { emitAsl, formatJson } from '../../emit.ts'
import { LINTS, type LintCode } from '../../rules/index.ts'
import {
  boolFlag,
  disabledLints,
  machineType,
  stringFlag,
  UsageError,
  type ParsedArgs,
} from '../args.ts'
import { loadConfig, type StatewrightConfig } from '../config.ts'
import { diagnosticLine, displayPath, jsonOut, plural, tally, type CliIo } from '../io.ts'
import { findWorkflows, importModule, withNodeStackTraces } from '../load.ts'
import { typeCheck } from '../typecheck.ts'

/** One workflow a project exports, compiled. */
export interface ProjectWorkflow {
  readonly file: string
  readonly exportName: string
  readonly result: CompileResult
  /** Files `build` wrote for it (none when it has errors, or for `check`). */
  readonly written: string[]
}

/** A workflow that was not compiled because its file does not compile, type-check or import. */
export interface SkippedWorkflow {
  readonly file: string
  /** Undefined for a file that makes its workflows some other way (a factory): one is counted. */
  readonly exportName: string | undefined
}

/** What `build`/`check` found in a project. */
export interface ProjectReport {
  readonly workflows: ProjectWorkflow[]
  /** Workflows of files that failed before compiling: counted as not built in the summary. */
  readonly skipped: SkippedWorkflow[]
  /** Problems not tied to one workflow: syntax errors, failing imports, no workflows, config. */
  readonly diagnostics: Diagnostic[]
  readonly outDir: string
}

const isWorkflowValue = (value: unknown): boolean =>
  isDslWorkflow(value) || isStateMachineSource(value)

/**
 * Whether to type-check: `asked` (`--typecheck`, or `"typecheck": true`: no TypeScript 7 is an
 * error), `default` (no TypeScript 7 is a warning) or `off` (`--no-typecheck`, `"typecheck": false`).
 * A flag on the command line outranks the configuration.
 */
function typeCheckMode(args: ParsedArgs, config: StatewrightConfig): 'asked' | 'default' | 'off' {
  if (boolFlag(args, 'typecheck')) return 'asked'
  if (boolFlag(args, 'no-typecheck')) return 'off'
  if (config.typecheck === true) return 'asked'
  return config.typecheck === false ? 'off' : 'default'
}

/** How `build`/`check` run their type check (see TypeCheckOptions). */
export interface ProjectTypeCheck {
  /** tsc's incremental state, kept between `--watch` cycles. */
  readonly buildInfo?: string
  /** Where to look for TypeScript when the project has none (CliIo.typeScriptFrom). */
  readonly typeScriptFrom?: string
}

/**
 * Finds, imports and compiles every exported workflow of the project, after type-checking the
 * files that define them (see typeCheckMode).
 */
export async function compileProject(
  projectDir: string,
  args: ParsedArgs,
  config: StatewrightConfig,
  typeCheckOptions: ProjectTypeCheck = {},
): Promise<Omit<ProjectReport, 'outDir'>> {
  // Usage errors first (exit 2), before the scan and the type check spend any time.
  const lints: Partial<Record<LintCode, boolean>> = {
    ...(config.lints as Partial<Record<LintCode, boolean>>),
    ...disabledLints(args, Object.keys(LINTS)),
  }
  const type = machineType(args) ?? config.type
  const options = {
    lints,
    ...(type ? { type } : {}),
    ...(config.region ? { region: config.region } : {}),
    ...(config.account ? { account: config.account } : {}),
    ...(config.partition ? { partition: config.partition } : {}),
  }
  const found = findWorkflows(projectDir, {
    ...(config.include ? { include: config.include } : {}),
    ...(config.exclude ? { exclude: config.exclude } : {}),
  })
  const diagnostics: Diagnostic[] = [...found.diagnostics]
  const skipped: SkippedWorkflow[] = found.skipped.map((w) => ({
    file: w.file,
    exportName: w.exportName,
  }))
  const skip = (file: string, names: readonly string[]): void => {
    if (names.length === 0) skipped.push({ file, exportName: undefined })
    for (const exportName of names) skipped.push({ file, exportName })
  }
  const byFile = new Map<string, string[]>()
  for (const workflow of found.workflows) {
    byFile.set(workflow.file, [...(byFile.get(workflow.file) ?? []), workflow.exportName])
  }
  for (const file of found.candidates) byFile.set(file, [])
  const typeChecking = typeCheckMode(args, config)
  // tsc runs in its own process while this one imports and compiles the same files; the results of
  // a file with type errors are dropped afterwards, as if it had not been imported.
  const typeChecked =
    typeChecking === 'off'
      ? Promise.resolve([])
      : typeCheck(projectDir, [...byFile.keys()], {
          required: typeChecking === 'asked',
          ...(typeCheckOptions.buildInfo ? { buildInfo: typeCheckOptions.buildInfo } : {}),
          ...(typeCheckOptions.typeScriptFrom
            ? { fallbackFrom: typeCheckOptions.typeScriptFrom }
            : {}),
        })
  // Settled even when the imports below throw, so no rejection is left unhandled.
  const settled = typeChecked.then(
    (found) => ({ ok: true as const, found }),
    (error: unknown) => ({ ok: false as const, error }),
  )
  const perFile: {
    readonly file: string
    readonly names: string[]
    readonly problems: Diagnostic[]
    readonly workflows: ProjectWorkflow[]
    readonly imported: boolean
  }[] = []
  // Sorted by path, so the summary and --json list workflows in the same order on every run.
  for (const [file, names] of [...byFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const imported = await importModule(file, relative(projectDir, file))
    if (!imported.ok) {
      perFile.push({ file, names, problems: [imported.diagnostic], workflows: [], imported: false })
      continue
    }
    const problems: Diagnostic[] = []
    const workflows: ProjectWorkflow[] = []
    perFile.push({ file, names, problems, workflows, imported: true })
    // Exports ts-morph saw, plus workflows made some other way (a factory) in the same file.
    const exportNames = [
      ...names,
      ...Object.keys(imported.exports).filter(
        (name) => !names.includes(name) && isWorkflowValue(imported.exports[name]),
      ),
    ]
    for (const exportName of exportNames) {
      const value = imported.exports[exportName]
      if (!isWorkflowValue(value)) {
        problems.push({
          code: 'SFN307',
          severity: 'error',
          path: '/',
          file,
          message: `The export '${exportName}' of '${relative(projectDir, file)}' looks like workflow(…) but is ${value === undefined ? 'undefined' : `a ${typeof value}`} at run time. Export the value workflow(…) returns.`,
        })
        continue
      }
      const compiled = await withNodeStackTraces(() => compile(value as CompileInput, options))
      // Problems without a DSL call site (a workflow given as ASL) point at the export itself.
      const declared = found.workflows.find((w) => w.file === file && w.exportName === exportName)
      const at = declared ? { file, line: declared.line, column: declared.column } : undefined
      const result = {
        ...compiled,
        diagnostics: compiled.diagnostics.map((d) =>
          d.source || d.file ? d : at ? { ...d, source: at } : { ...d, file },
        ),
      }
      workflows.push({ file, exportName, result, written: [] })
    }
  }
  const typeErrors = await settled
  if (!typeErrors.ok) throw typeErrors.error
  diagnostics.push(...typeErrors.found)
  const failing = new Set(
    typeErrors.found.filter((d) => d.severity === 'error').map((d) => d.source?.file),
  )
  const workflows: ProjectWorkflow[] = []
  for (const result of perFile) {
    // A file that does not type-check counts as not built, whatever its import gave.
    if (failing.has(result.file) || !result.imported) {
      skip(result.file, result.names)
      if (failing.has(result.file)) continue
    }
    diagnostics.push(...result.problems)
    workflows.push(...result.workflows)
  }
  const seen = new Map<string, ProjectWorkflow>()
  for (const workflow of workflows) {
    const other = seen.get(workflow.result.name)
    if (other) {
      diagnostics.push({
        code: 'SFN311',
        severity: 'error',
        path: '/',
        file: workflow.file,
        message: `Two workflows are named '${workflow.result.name}' ('${other.exportName}' in ${relative(projectDir, other.file)} and '${workflow.exportName}' in ${relative(projectDir, workflow.file)}), so their files would overwrite each other. Rename one.`,
      })
    } else seen.set(workflow.result.name, workflow)
  }
  if (workflows.length === 0 && diagnostics.length === 0) {
    diagnostics.push({
      code: 'SFN306',
      severity: 'error',
      path: '/',
      file: projectDir,
      message: `No exported workflows found in this project. Export one from a .ts file: export const flow = workflow('Name', { input }, (start) => …).`,
    })
  }
  return { workflows, skipped, diagnostics }
}

/** Writes `<Name>.asl.json`, the schemas and the substitutions of each workflow without errors. */
async function writeOutputs(report: ProjectReport): Promise<void> {
  await mkdir(report.outDir, { recursive: true })
  for (const workflow of report.workflows) {
    const { result } = workflow
    if (!result.ok) continue
    const files: [string, Promise<string>][] = [[`${result.name}.asl.json`, emitAsl(result.asl)]]
    if (result.schemas.input)
      files.push([`${result.name}.input.schema.json`, formatJson(result.schemas.input)])
    if (result.schemas.output)
      files.push([`${result.name}.output.schema.json`, formatJson(result.schemas.output)])
    if (Object.keys(result.substitutions).length > 0) {
      files.push([`${result.name}.substitutions.json`, formatJson(result.substitutions)])
    }
    for (const [name, text] of files) {
      const path = join(report.outDir, name)
      await writeFile(path, await text)
      workflow.written.push(path)
    }
  }
}

function print(
  io: CliIo,
  command: 'build' | 'check',
  report: ProjectReport,
  json: boolean,
): number {
  const all = [...report.diagnostics, ...report.workflows.flatMap((w) => w.result.diagnostics)]
  const ok = !all.some((d) => d.severity === 'error')
  if (json) {
    jsonOut(io, {
      command,
      ok,
      outDir: command === 'build' ? report.outDir : undefined,
      workflows: report.workflows.map((w) => ({
        name: w.result.name,
        file: w.file,
        export: w.exportName,
        ok: w.result.ok,
        states: Object.keys(w.result.asl.States).length,
        files: w.written,
        substitutions: w.result.substitutions,
        diagnostics: w.result.diagnostics,
      })),
      skipped: report.skipped.map((w) => ({ file: w.file, export: w.exportName ?? null })),
      diagnostics: report.diagnostics,
    })
    return ok ? 0 : 1
  }
  for (const diagnostic of report.diagnostics) io.stderr(`${diagnosticLine(diagnostic, io.cwd)}\n`)
  for (const workflow of report.workflows) {
    const { result } = workflow
    const mark = result.ok ? '✓' : '✗'
    const where = `${displayPath(workflow.file, io.cwd)}#${workflow.exportName}`
    const target =
      command === 'build' && result.ok
        ? ` → ${displayPath(workflow.written[0] ?? report.outDir, io.cwd)}`
        : ''
    io.stdout(
      `${mark} ${result.name} (${where})${target}: ${plural(Object.keys(result.asl.States).length, 'state')}, ${tally(result.diagnostics)}\n`,
    )
    for (const diagnostic of result.diagnostics)
      io.stdout(`  ${diagnosticLine(diagnostic, io.cwd)}\n`)
  }
  const verb = command === 'build' ? 'Built' : 'Checked'
  const built = report.workflows.filter((w) => w.result.ok).length
  io.stdout(
    `${verb} ${built} of ${plural(report.workflows.length + report.skipped.length, 'workflow')}: ${tally(all)}.` +
      (command === 'build' && built > 0
        ? ` Output in ${displayPath(report.outDir, io.cwd)}.`
        : '') +
      '\n',
  )
  return ok ? 0 : 1
}

/** One `build` or `check` pass over the project; the exit code. */
export async function runProjectCommand(
  command: 'build' | 'check',
  args: ParsedArgs,
  io: CliIo,
  buildInfo?: string,
): Promise<{ code: number; projectDir: string; outDir: string }> {
  if (args.positionals.length > 1) throw new UsageError(`'${command}' takes one project directory.`)
  if (boolFlag(args, 'typecheck') && boolFlag(args, 'no-typecheck'))
    throw new UsageError('Pass --typecheck or --no-typecheck, not both.')
  const projectDir = resolve(io.cwd, args.positionals[0] ?? '.')
  const info = await stat(projectDir).catch(() => undefined)
  if (!info?.isDirectory())
    throw new UsageError(`'${args.positionals[0] ?? '.'}' is not a directory.`)
  const { config, diagnostics: configProblems } = await loadConfig(projectDir)
  const outDir = resolve(
    io.cwd,
    stringFlag(args, 'out') ?? resolve(projectDir, config.out ?? 'dist/statewright'),
  )
  const json = boolFlag(args, 'json')
  if (configProblems.length > 0) {
    return {
      code: print(
        io,
        command,
        { workflows: [], skipped: [], diagnostics: configProblems, outDir },
        json,
      ),
      projectDir,
      outDir,
    }
  }
  const compiled = await compileProject(projectDir, args, config, {
    ...(buildInfo ? { buildInfo } : {}),
    ...(io.typeScriptFrom ? { typeScriptFrom: io.typeScriptFrom } : {}),
  })
  const report: ProjectReport = { ...compiled, outDir }
  if (command === 'build' && report.workflows.some((w) => w.result.ok)) {
    try {
      await writeOutputs(report)
    } catch (error) {
      report.diagnostics.push({
        code: 'SFN309',
        severity: 'error',
        path: '/',
        file: outDir,
        message: `Cannot write to '${outDir}': ${(error as Error).message}. Choose another --out directory.`,
      })
    }
  }
  return { code: print(io, command, report, json), projectDir, outDir }
}
