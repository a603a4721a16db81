import { execFile } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, isAbsolute, join, relative, resolve } from 'node:path'
import type { Diagnostic } from '../diagnostics.ts'

/** A TypeScript installation whose `tsc` the CLI can run. */
export interface TypeScriptInstall {
  readonly version: string
  /** The JavaScript file `tsc` runs (its package's `bin.tsc`). */
  readonly tsc: string
}

/** The first major version whose checker understands the DSL's types (TypeScript 7, the native one). */
const MIN_MAJOR = 7

function installAt(packageJson: string): TypeScriptInstall | { tooOld: string } | undefined {
  try {
    const manifest = JSON.parse(readFileSync(packageJson, 'utf8')) as {
      version?: unknown
      bin?: unknown
    }
    const version = typeof manifest.version === 'string' ? manifest.version : '0'
    if (Number.parseInt(version, 10) < MIN_MAJOR) return { tooOld: version }
    const bin =
      typeof manifest.bin === 'string'
        ? manifest.bin
        : (manifest.bin as Record<string, unknown> | undefined)?.['tsc']
    if (typeof bin !== 'string') return undefined
    return { version, tsc: join(dirname(packageJson), bin) }
  } catch {
    return undefined
  }
}

/**
 * The project's own TypeScript (resolved from `projectDir` as its code would import it), else the
 * one installed with the CLI; only version 7 or later counts. `tooOld` lists what was found but
 * is older, for the message that says what to install.
 */
export function findTypeScript(
  projectDir: string,
  fallbackFrom: string = import.meta.url,
): TypeScriptInstall | { tooOld: string[] } {
  const tooOld: string[] = []
  const seen = new Set<string>()
  for (const from of [join(projectDir, 'package.json'), fallbackFrom]) {
    let packageJson: string
    try {
      packageJson = createRequire(from).resolve('typescript/package.json')
    } catch {
      continue
    }
    if (seen.has(packageJson)) continue
    seen.add(packageJson)
    const found = installAt(packageJson)
    if (found === undefined) continue
    if ('tooOld' in found) tooOld.push(`${found.tooOld} at ${dirname(packageJson)}`)
    else return found
  }
  return { tooOld }
}

/**
 * Where to keep tsc's build info for a check, or undefined (no cache): `node_modules/.cache/
 * statewright/` of the nearest package with a node_modules folder, as other tools' caches go; the
 * name is a hash of what was checked with what.
 */
async function cachedBuildInfo(projectDir: string, what: string): Promise<string | undefined> {
  for (let current = resolve(projectDir); ; current = dirname(current)) {
    if (existsSync(join(current, 'package.json'))) {
      const modules = join(current, 'node_modules')
      if (!existsSync(modules)) return undefined
      const dir = join(modules, '.cache', 'statewright')
      const made = await mkdir(dir, { recursive: true }).then(
        () => true,
        () => false,
      )
      const key = createHash('sha256').update(what).digest('hex').slice(0, 24)
      return made ? join(dir, `typecheck-${key}.tsbuildinfo`) : undefined
    }
    if (dirname(current) === current) return undefined
  }
}

/** The nearest tsconfig.json at or above `dir`, as tsc itself would look for one. */
function nearestTsconfig(dir: string): string | undefined {
  for (let current = resolve(dir); ; current = dirname(current)) {
    const candidate = join(current, 'tsconfig.json')
    if (existsSync(candidate)) return candidate
    if (dirname(current) === current) return undefined
  }
}

/** One problem tsc printed with `--pretty false`. */
export interface TscProblem {
  /** Absolute path, or undefined for a problem of the configuration or the whole program. */
  readonly file: string | undefined
  readonly line: number
  readonly column: number
  readonly code: number
  readonly severity: 'error' | 'warning'
  readonly message: string
}

/**
 * Parses tsc's plain output: `file(line,col): error TSnnnn: message` or `error TSnnnn: message`,
 * with the rest of a chained message on the following, indented lines.
 * @example
 * parseTscOutput("a.ts(1,7): error TS2322: Type 'string' is not assignable to type 'number'.", '/p')
 * // [{ file: '/p/a.ts', line: 1, column: 7, code: 2322, severity: 'error', message: "Type 'string' …" }]
 */
export function parseTscOutput(output: string, cwd: string): TscProblem[] {
  const problems: { -readonly [K in keyof TscProblem]: TscProblem[K] }[] = []
  for (const line of output.split(/\r?\n/)) {
    const located = /^(.+?)\((\d+),(\d+)\): (error|warning) TS(\d+): (.*)$/.exec(line)
    const global = located ? null : /^(error|warning) TS(\d+): (.*)$/.exec(line)
    if (located) {
      problems.push({
        file: resolve(cwd, located[1]!),
        line: Number(located[2]),
        column: Number(located[3]),
        severity: located[4] as 'error' | 'warning',
        code: Number(located[5]),
        message: located[6]!.trim(),
      })
    } else if (global) {
      problems.push({
        file: undefined,
        line: 1,
        column: 1,
        severity: global[1] as 'error' | 'warning',
        code: Number(global[2]),
        message: global[3]!.trim(),
      })
    } else if (/^\s+\S/.test(line) && problems.length > 0) {
      // The next link of a chained message ("Types of property 'x' are incompatible.").
      const last = problems[problems.length - 1]!
      last.message = `${last.message} ${line.trim()}`
    }
  }
  return problems
}

function runTsc(
  install: TypeScriptInstall,
  args: readonly string[],
  cwd: string,
): Promise<{ output: string; failed: string | undefined }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [install.tsc, ...args],
      { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        // tsc exits non-zero whenever it reports errors: only no output at all means it failed to run.
        const output = `${stdout}${stderr}`
        done({ output, failed: error && output.trim() === '' ? error.message : undefined })
      },
    )
  })
}

const noPeriod = (text: string): string => text.replace(/\.$/, '')

const INSTALL = `npm install --save-dev typescript@^${MIN_MAJOR} (or pnpm add -D typescript@^${MIN_MAJOR})`

/** How `build`/`check` came to type-check, which decides whether a missing TypeScript fails them. */
export interface TypeCheckOptions {
  /**
   * True when the user asked for the check (`--typecheck`, `"typecheck": true`): then no usable
   * TypeScript 7 is an error. Otherwise (the default check) it is one warning and the build goes on.
   */
  readonly required?: boolean
  /** Where to look for the CLI's own TypeScript when the project has none (tests point it elsewhere). */
  readonly fallbackFrom?: string
  /**
   * A build-info file kept between calls (`--watch`), so tsc re-checks only what changed; the
   * caller owns it. Without it, a temporary one is written and removed.
   */
  readonly buildInfo?: string
}

/**
 * The type errors of the files that define workflows and of the project's modules they import (not
 * of libraries outside it), as SFN304 with file:line:column and tsc's own message. Runs the
 * project's TypeScript 7 `tsc` (the CLI's own as a fallback) over those files with the options of
 * the nearest tsconfig.json (sensible strict defaults without one). `build` and `check` run it by
 * default: with the native tsc it costs well under a second, and it is what catches a state reading
 * a field the previous state does not produce. Without a usable TypeScript 7 it is SFN312: an error
 * when `required`, a warning ("types not checked") otherwise.
 * @example
 * const problems = await typeCheck('/app', ['/app/src/order.ts'])
 * // [{ code: 'SFN304', source: { file: '/app/src/order.ts', line: 3, column: 5 }, message: "'src/order.ts' does not type-check: …" }]
 */
export async function typeCheck(
  projectDir: string,
  files: readonly string[],
  options: TypeCheckOptions = {},
): Promise<Diagnostic[]> {
  if (files.length === 0) return []
  const required = options.required === true
  const install = findTypeScript(projectDir, options.fallbackFrom ?? import.meta.url)
  if (!('tsc' in install)) {
    const found =
      install.tooOld.length > 0 ? ` (found only TypeScript ${install.tooOld.join(', ')})` : ''
    return [
      {
        code: 'SFN312',
        severity: required ? 'error' : 'warning',
        path: '/',
        file: projectDir,
        message: required
          ? `The type check (--typecheck, or "typecheck": true in statewright.config.json) needs TypeScript ${MIN_MAJOR} or later, and none was found from this project${found}. Install it in the project: ${INSTALL}, or pass --no-typecheck.`
          : `Types not checked: no TypeScript ${MIN_MAJOR} or later was found from this project${found}, so a state that reads a field the previous state does not produce goes unnoticed. Install it in the project: ${INSTALL}, or pass --no-typecheck.`,
      },
    ]
  }
  const tsconfig = nearestTsconfig(projectDir)
  // The project's options, but only the workflow files (and what they import) are checked. Run from
  // sources, @statewright packages resolve to sources, as importModule does at run time.
  const fromSource = import.meta.url.endsWith('.ts')
  const scratch = `statewright-typecheck-${process.pid}-${Math.random().toString(36).slice(2)}`
  const settings = {
    ...(tsconfig ? { extends: tsconfig } : {}),
    compilerOptions: tsconfig
      ? {}
      : {
          strict: true,
          target: 'es2022',
          module: 'nodenext',
          moduleResolution: 'nodenext',
          allowImportingTsExtensions: true,
          skipLibCheck: true,
          // Every installed @types package, as tsc before version 6 did: without a tsconfig.json
          // nothing says which, and `process` in a workflow file must not fail the build.
          types: ['*'],
          ...(fromSource ? { customConditions: ['@statewright/source'] } : {}),
        },
    files: [...files],
    include: [],
  }
  // tsc's incremental state of the last check of these same files and settings, so that the next
  // build re-checks only what changed (--watch passes its own). Each run works on a copy that then
  // replaces the cached one in one rename, so concurrent builds never read a half-written file.
  // Best effort: a cache that cannot be written (read-only node_modules) only costs time.
  const cached =
    options.buildInfo === undefined
      ? await cachedBuildInfo(projectDir, JSON.stringify([install.tsc, install.version, settings]))
      : undefined
  // tsc writes a build-info file for a composite or incremental project even with noEmit: into the
  // cache or the temp directory then, never beside the user's files.
  const buildInfo =
    options.buildInfo ??
    (cached ? `${cached}.${scratch}` : join(tmpdir(), `${scratch}.tsbuildinfo`))
  const config = {
    ...settings,
    compilerOptions: {
      ...settings.compilerOptions,
      noEmit: true,
      emitDeclarationOnly: false,
      incremental: true,
      tsBuildInfoFile: buildInfo,
    },
  }
  // Beside the project, so that type roots and node_modules resolve from there; not .json, so
  // that --watch does not take it for a change of the project.
  const configFile = join(projectDir, `.${scratch}.tmp`)
  let run: { output: string; failed: string | undefined }
  try {
    if (cached) await copyFile(cached, buildInfo).catch(() => undefined)
    await writeFile(configFile, JSON.stringify(config))
    run = await runTsc(install, ['-p', configFile, '--pretty', 'false'], projectDir)
    if (cached && run.failed === undefined) await rename(buildInfo, cached).catch(() => undefined)
  } catch (error) {
    run = { output: '', failed: (error as Error).message }
  } finally {
    await Promise.all([
      rm(configFile, { force: true }),
      options.buildInfo === undefined ? rm(buildInfo, { force: true }) : undefined,
    ])
  }
  const where = tsconfig ?? projectDir
  const notChecked = (why: string): Diagnostic[] => [
    {
      code: 'SFN312',
      severity: 'warning',
      path: '/',
      file: where,
      message: `Types not checked: ${why}`,
    },
  ]
  if (run.failed !== undefined) {
    const why = `TypeScript ${install.version} (${install.tsc}) could not be run: ${noPeriod(run.failed)}.`
    if (!required) return notChecked(`${why} Reinstall it, or pass --no-typecheck.`)
    return [
      {
        code: 'SFN312',
        severity: 'error',
        path: '/',
        file: projectDir,
        message: `${why} Check that it is installed completely, or run tsc yourself.`,
      },
    ]
  }
  const problems = parseTscOutput(run.output, projectDir).filter((p) => p.severity === 'error')
  // A problem of the options (tsc places those of an extended tsconfig at our temporary config's
  // `extends`, which must never be shown) rather than of the code.
  const ofConfiguration = (problem: TscProblem): boolean =>
    problem.file === undefined || problem.file === configFile || problem.file.endsWith('.json')
  const configuration = problems.filter(ofConfiguration)
  if (configuration.length > 0 && !required) {
    // Unasked, a configuration TypeScript 7 refuses (options it removed) must not fail a build that
    // worked before; the code's own errors are not trustworthy under options tsc did not take.
    const list = configuration.map((p) => `${noPeriod(p.message)} (TS${p.code})`).join('; ')
    return notChecked(
      `TypeScript ${install.version} cannot use the project's configuration: ${list}. Fix ${tsconfig ? `'${relative(projectDir, tsconfig) || tsconfig}'` : 'it'} for TypeScript ${MIN_MAJOR}, or pass --no-typecheck.`,
    )
  }
  const wanted = new Set(files.map((file) => resolve(file)))
  const found: Diagnostic[] = []
  for (const problem of problems) {
    if (ofConfiguration(problem)) {
      const located = problem.file !== undefined && problem.file !== configFile
      found.push({
        code: 'SFN304',
        severity: 'error',
        path: '/',
        ...(located
          ? { source: { file: problem.file!, line: problem.line, column: problem.column } }
          : { file: where }),
        message: `TypeScript could not check the project: ${noPeriod(problem.message)} (TS${problem.code}). Fix the TypeScript configuration.`,
      })
      continue
    }
    const file = problem.file!
    const inProject = relative(projectDir, file)
    const ownFile =
      !inProject.startsWith('..') && !isAbsolute(inProject) && !inProject.includes('node_modules')
    // Errors of the project's other files (the modules workflows import) count too; those of
    // libraries outside the project are theirs to fix.
    if (!wanted.has(file) && !ownFile) continue
    const fix = wanted.has(file)
      ? 'Fix the type error; its workflows were skipped.'
      : 'Fix the type error (in a module the workflows import).'
    found.push({
      code: 'SFN304',
      severity: 'error',
      path: '/',
      source: { file, line: problem.line, column: problem.column },
      message: `'${inProject}' does not type-check: ${noPeriod(problem.message)} (TS${problem.code}). ${fix}`,
    })
  }
  return found
}
