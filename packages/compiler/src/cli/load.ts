import { existsSync, readFileSync } from 'node:fs'
import { register } from 'node:module'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Node, Project, ts, type SourceFile } from 'ts-morph'
import { tsImport } from 'tsx/esm/api'
import type { Diagnostic } from '../diagnostics.ts'

/** An exported `workflow(...)` value found in a project's source. */
export interface FoundWorkflow {
  readonly file: string
  /** The export's name (`default` for `export default workflow(...)`). */
  readonly exportName: string
  readonly line: number
  readonly column: number
}

/** Which files `build`/`check` scan; globs relative to the project directory. */
export interface ScanOptions {
  readonly include?: readonly string[]
  readonly exclude?: readonly string[]
}

const DEFAULT_INCLUDE = ['**/*.ts', '**/*.mts']
const DEFAULT_EXCLUDE = [
  '**/node_modules/**',
  '**/dist/**',
  '**/*.d.ts',
  '**/*.test.ts',
  '**/*.test-d.ts',
  '**/*.spec.ts',
]

// The DSL's factory; imports may rename it (`import { workflow as wf }`).
function workflowNames(file: SourceFile): Set<string> {
  const names = new Set(['workflow'])
  for (const declaration of file.getImportDeclarations()) {
    if (!declaration.getModuleSpecifierValue().startsWith('@statewright/')) continue
    for (const named of declaration.getNamedImports()) {
      if (named.getName() === 'workflow') names.add(named.getAliasNode()?.getText() ?? 'workflow')
    }
  }
  return names
}

/** Whether an expression is a call of `workflow(...)` (possibly wrapped in `as`, parentheses, …). */
function isWorkflowCall(node: Node | undefined, names: ReadonlySet<string>): boolean {
  let current = node
  while (
    current &&
    (Node.isParenthesizedExpression(current) ||
      Node.isAsExpression(current) ||
      Node.isSatisfiesExpression(current))
  ) {
    current = current.getExpression()
  }
  if (!current || !Node.isCallExpression(current)) return false
  const callee = current.getExpression()
  if (Node.isIdentifier(callee)) return names.has(callee.getText())
  return Node.isPropertyAccessExpression(callee) && callee.getName() === 'workflow'
}

function position(node: Node): { line: number; column: number } {
  const { line, column } = node.getSourceFile().getLineAndColumnAtPos(node.getStart())
  return { line, column }
}

/** Exported `workflow(...)` values of one file: `export const x = workflow(…)`, `export { x }`, `export default`. */
function exportedWorkflows(file: SourceFile): FoundWorkflow[] {
  const names = workflowNames(file)
  const found: FoundWorkflow[] = []
  const path = file.getFilePath()
  const locals = new Map<string, Node>()
  for (const statement of file.getVariableStatements()) {
    for (const declaration of statement.getDeclarations()) {
      if (!isWorkflowCall(declaration.getInitializer(), names)) continue
      if (statement.isExported())
        found.push({ file: path, exportName: declaration.getName(), ...position(declaration) })
      else locals.set(declaration.getName(), declaration)
    }
  }
  for (const declaration of file.getExportDeclarations()) {
    if (declaration.getModuleSpecifier()) continue
    for (const specifier of declaration.getNamedExports()) {
      const local = locals.get(specifier.getName())
      if (local)
        found.push({
          file: path,
          exportName: specifier.getAliasNode()?.getText() ?? specifier.getName(),
          ...position(local),
        })
    }
  }
  for (const assignment of file.getExportAssignments()) {
    if (assignment.isExportEquals()) continue
    const expression = assignment.getExpression()
    const local = Node.isIdentifier(expression) ? locals.get(expression.getText()) : undefined
    if (local || isWorkflowCall(expression, names))
      found.push({ file: path, exportName: 'default', ...position(local ?? expression) })
  }
  return found
}

/**
 * Finds the exported workflows of a TypeScript project without running it: ts-morph parses every
 * file (no type checking, so this stays fast), syntax errors become SFN304 with file:line:column.
 */
export function findWorkflows(
  projectDir: string,
  options: ScanOptions = {},
): {
  workflows: FoundWorkflow[]
  candidates: string[]
  /** Workflows of files skipped for syntax errors, so the summary counts them as not built. */
  skipped: FoundWorkflow[]
  diagnostics: Diagnostic[]
} {
  const project = new Project({
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    // Only syntax is checked: no lib files and no @types, so creating the program stays cheap.
    compilerOptions: {
      allowJs: false,
      noEmit: true,
      noLib: true,
      noResolve: true,
      types: [],
      target: ts.ScriptTarget.ES2022,
    },
  })
  const include = options.include ?? DEFAULT_INCLUDE
  const exclude = [...DEFAULT_EXCLUDE, ...(options.exclude ?? [])]
  const globs = [
    ...include.map((glob) => resolve(projectDir, glob)),
    ...exclude.map((glob) => `!${resolve(projectDir, glob)}`),
  ]
  const files = project
    .addSourceFilesAtPaths(globs)
    .sort((a, b) => (a.getFilePath() < b.getFilePath() ? -1 : 1))
  const program = project.getProgram().compilerObject
  const workflows: FoundWorkflow[] = []
  const candidates: string[] = []
  const skipped: FoundWorkflow[] = []
  const diagnostics: Diagnostic[] = []
  for (const file of files) {
    const syntax = program.getSyntacticDiagnostics(program.getSourceFile(file.getFilePath()))
    if (syntax.length > 0) {
      for (const problem of syntax) {
        const at = file.getLineAndColumnAtPos(problem.start ?? 0)
        const text = ts.flattenDiagnosticMessageText(problem.messageText, ' ').replace(/\.$/, '')
        diagnostics.push({
          code: 'SFN304',
          severity: 'error',
          path: '/',
          source: { file: file.getFilePath(), line: at.line, column: at.column },
          message: `'${relative(projectDir, file.getFilePath())}' does not compile: ${text} (TS${problem.code}). Fix the syntax error; its workflows were skipped.`,
        })
      }
      // The parser recovers from syntax errors, so the exports it still sees are what was skipped.
      skipped.push(...exportedWorkflows(file))
      continue
    }
    const exported = exportedWorkflows(file)
    workflows.push(...exported)
    // A module that calls workflow() but exports no such value directly may export one made by a
    // factory (`export const flow = makeFlow()`): import it and keep what is a workflow at run time.
    if (exported.length === 0 && callsWorkflow(file)) candidates.push(file.getFilePath())
  }
  return { workflows, candidates, skipped, diagnostics }
}

/** Whether the file calls the DSL's workflow() anywhere (a factory's body included). */
function callsWorkflow(file: SourceFile): boolean {
  const names = workflowNames(file)
  return file
    .getDescendantsOfKind(ts.SyntaxKind.CallExpression)
    .some((call) => isWorkflowCall(call, names))
}

let sourceConditionRegistered = false

/**
 * When the CLI itself runs from TypeScript sources (this repository, `pnpm statewright`), the
 * workflows it loads must see @statewright packages the same way: through the
 * "@statewright/source" export condition. A published CLI runs from dist and adds nothing.
 */
function useSourceCondition(): void {
  if (sourceConditionRegistered || !import.meta.url.endsWith('.ts')) return
  sourceConditionRegistered = true
  const hooks = `export async function resolve(specifier, context, next) {
    const conditions = context.conditions.includes('@statewright/source') ? context.conditions : [...context.conditions, '@statewright/source']
    return next(specifier, { ...context, conditions })
  }`
  register(`data:text/javascript,${encodeURIComponent(hooks)}`)
}

/**
 * Runs `work` with Node's own stack formatter. A host that replaced Error.prepareStackTrace (a test
 * runner, source-map-support) formats frames of tsx-compiled code without tsx's source maps; Node's
 * formatter applies them. The DSL reads its call sites when a module is evaluated or a workflow is
 * lowered, so imports and compiles of loaded workflows run inside this.
 */
export async function withNodeStackTraces<T>(work: () => T | Promise<T>): Promise<T> {
  const hostFormatter = Object.getOwnPropertyDescriptor(Error, 'prepareStackTrace')
  Reflect.deleteProperty(Error, 'prepareStackTrace')
  try {
    return await work()
  } finally {
    if (hostFormatter) Object.defineProperty(Error, 'prepareStackTrace', hostFormatter)
  }
}

/** A module's exports, or the SFN305 diagnostic that says why it could not be imported. */
export async function importModule(
  file: string,
  label: string = file,
): Promise<{ ok: true; exports: Record<string, unknown> } | { ok: false; diagnostic: Diagnostic }> {
  useSourceCondition()
  // tsx writes inline source maps; with them on, stack frames (and so the DSL's call sites and
  // the line of a throwing import) point at the user's TypeScript, not at the transformed code.
  process.setSourceMapsEnabled(true)
  try {
    // A query string makes every import a fresh evaluation, so --watch sees edited files.
    const url = `${pathToFileURL(file).href}?statewright=${Date.now()}-${Math.random()}`
    const exports = (await withNodeStackTraces(async () => {
      try {
        return await tsImport(url, { parentURL: import.meta.url })
      } catch (error) {
        // V8 formats a stack when it is first read: read it while Node's formatter is in place.
        if (error instanceof Error) void error.stack
        throw error
      }
    })) as Record<string, unknown>
    return { ok: true, exports }
  } catch (error) {
    return { ok: false, diagnostic: importFailure(file, label, error) }
  }
}

// The packages of Statewright itself: a frame in one of them is where the library noticed a
// mistake, not where the user made it. Told apart by their package.json's name, so a checkout (where
// they live in packages/, not node_modules/) and an install look the same.
const LIBRARY_PACKAGES = new Set([
  '@statewright/asl',
  '@statewright/compiler',
  '@statewright/dsl',
  '@statewright/runtime',
])
const packageNames = new Map<string, string | undefined>()

/** The `name` of the package.json nearest above `file` (cached per directory). */
function packageNameOf(file: string): string | undefined {
  const visited: string[] = []
  let name: string | undefined
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (packageNames.has(dir)) {
      name = packageNames.get(dir)
      break
    }
    visited.push(dir)
    const manifest = join(dir, 'package.json')
    if (existsSync(manifest)) {
      try {
        const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }
        name = typeof parsed.name === 'string' ? parsed.name : undefined
      } catch {
        name = undefined
      }
      break
    }
    if (dirname(dir) === dir) break
  }
  for (const dir of visited) packageNames.set(dir, name)
  return name
}

/** Whether a stack frame's file is the user's: not Statewright's own code, not a dependency. */
function isUserFrame(file: string): boolean {
  if (file.split(sep).includes('node_modules') || !existsSync(file)) return false
  return !LIBRARY_PACKAGES.has(packageNameOf(file) ?? '')
}

/** Where in the user's code an error was thrown: the first stack frame in one of their files. */
function userFrame(error: Error): { file: string; line: number; column: number } | undefined {
  for (const line of (error.stack ?? '').split('\n')) {
    const match = /\(?(file:\/\/[^\s()]+?|\/[^\s()]+?):(\d+):(\d+)\)?$/.exec(line.trim())
    if (!match) continue
    const file = decodeURIComponent(match[1]!.replace(/^file:\/\//, '').replace(/\?.*$/, ''))
    if (isUserFrame(file)) return { file, line: Number(match[2]), column: Number(match[3]) }
  }
  return undefined
}

/** A DslError (thrown by a builder while the module ran) with its SFN1xx code. */
function dslCode(error: Error): string | undefined {
  const code = (error as { code?: unknown }).code
  return error.name === 'DslError' && typeof code === 'string' && /^SFN1\d\d$/.test(code)
    ? code
    : undefined
}

const withoutPeriod = (text: string): string => text.replace(/\.+$/, '')

/**
 * Why a module could not be imported, at the user's file:line:column: a DSL mistake under its own
 * code (SFN1xx) and words; a transform or syntax error as SFN304; any other throw as SFN305.
 */
function importFailure(file: string, label: string, error: unknown): Diagnostic {
  const err = error instanceof Error ? error : new Error(String(error))
  const source = userFrame(err) ?? { file, line: 1, column: 1 }
  const code = dslCode(err)
  if (code !== undefined) {
    const message = err.message.replace(/^SFN\d+: /, '')
    return { code, severity: 'error', path: '/', source, message }
  }
  // tsx reports esbuild's transform errors as "Transform failed with N error(s)"; Node, SyntaxError.
  const isSyntax = err.name === 'SyntaxError' || /^Transform failed/.test(err.message)
  const firstLine = withoutPeriod(
    err.message.split('\n').slice(0, 3).join(' ').replace(/\s+/g, ' ').trim(),
  )
  // esbuild names the place itself ("/app/flow.ts:3:0: ERROR: Expected ')'…", columns from 0).
  const esbuild = isSyntax ? /^(\/[^\n]+?):(\d+):(\d+): ERROR: (.+)$/m.exec(err.message) : null
  if (esbuild && existsSync(esbuild[1]!)) {
    return {
      code: 'SFN304',
      severity: 'error',
      path: '/',
      source: { file: esbuild[1]!, line: Number(esbuild[2]), column: Number(esbuild[3]) + 1 },
      message: `'${label}' does not compile: ${withoutPeriod(esbuild[4]!.trim())}. Fix the syntax error; its workflows were skipped.`,
    }
  }
  return {
    code: isSyntax ? 'SFN304' : 'SFN305',
    severity: 'error',
    path: '/',
    source,
    message: isSyntax
      ? `'${label}' does not compile: ${firstLine}. Fix the error; its workflows were skipped.`
      : `Importing '${label}' threw ${err.name}: ${firstLine}. Fix the module so it can be imported without side effects failing.`,
  }
}
