import { existsSync } from 'node:fs'
import { register } from 'node:module'
import { relative, resolve } from 'node:path'
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
): { workflows: FoundWorkflow[]; candidates: string[]; diagnostics: Diagnostic[] } {
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
      continue
    }
    const exported = exportedWorkflows(file)
    workflows.push(...exported)
    // A module that calls workflow() but exports no such value directly may export one made by a
    // factory (`export const flow = makeFlow()`): import it and keep what is a workflow at run time.
    if (exported.length === 0 && callsWorkflow(file)) candidates.push(file.getFilePath())
  }
  return { workflows, candidates, diagnostics }
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

/** The user's frame of an import error: file:line:column where it threw, if it is in their code. */
function importFailure(file: string, label: string, error: unknown): Diagnostic {
  const err = error instanceof Error ? error : new Error(String(error))
  const frame = (err.stack ?? '')
    .split('\n')
    .map((line) => /\(?(file:\/\/[^\s()]+?|\/[^\s()]+?):(\d+):(\d+)\)?$/.exec(line.trim()))
    .find((match) => match !== null && !match[1]!.includes('/node_modules/'))
  const frameFile = frame
    ? decodeURIComponent(frame[1]!.replace(/^file:\/\//, '').replace(/\?.*$/, ''))
    : undefined
  const source =
    frame && frameFile && existsSync(frameFile)
      ? { file: frameFile, line: Number(frame[2]), column: Number(frame[3]) }
      : { file, line: 1, column: 1 }
  const isSyntax = /Transform failed|SyntaxError|Expected|Unexpected/.test(
    `${err.name} ${err.message}`,
  )
  const firstLine = err.message.split('\n').slice(0, 3).join(' ').replace(/\s+/g, ' ').trim()
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
