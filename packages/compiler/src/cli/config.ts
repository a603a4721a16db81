import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import type { Diagnostic } from '../diagnostics.ts'
import { importModule } from './load.ts'
import { readJsonFile } from './read-json.ts'

const LintSwitch = z.record(
  z.string().regex(/^SFN2[5-9]\d$/, 'a lint code such as SFN256'),
  z.boolean(),
)

/** `statewright.config.json` / `statewright.config.ts` (default export): all fields optional. */
export interface StatewrightConfig {
  /** Globs of files to scan for exported workflows, relative to the project. */
  readonly include?: string[]
  readonly exclude?: string[]
  /** Output directory of `build`, relative to the project. Default `dist/statewright`. */
  readonly out?: string
  readonly type?: 'STANDARD' | 'EXPRESS'
  /** Lints to switch off: `{ "SFN256": false }`. */
  readonly lints?: Record<string, boolean>
  /** Region and account of Lambda ARNs; unset, ARNs become `${…}` substitutions. */
  readonly region?: string
  readonly account?: string
  readonly partition?: string
  /** Type-check the files that define workflows before building them (like --typecheck). */
  readonly typecheck?: boolean
}

const ConfigSchema = z
  .object({
    /** Globs of files to scan for exported workflows, relative to the project. */
    include: z.array(z.string()).optional(),
    exclude: z.array(z.string()).optional(),
    /** Output directory of `build`, relative to the project. Default `dist/statewright`. */
    out: z.string().optional(),
    type: z.enum(['STANDARD', 'EXPRESS']).optional(),
    /** Lints to switch off: `{ "SFN256": false }`. */
    lints: LintSwitch.optional(),
    /** Region and account of Lambda ARNs; unset, ARNs become `${…}` substitutions. */
    region: z.string().optional(),
    account: z.string().optional(),
    partition: z.string().optional(),
    typecheck: z.boolean().optional(),
  })
  .strict()

/** The project's configuration, `{}` when it has none; a broken one is SFN308. */
export async function loadConfig(
  projectDir: string,
): Promise<{ config: StatewrightConfig; diagnostics: Diagnostic[] }> {
  const jsonFile = join(projectDir, 'statewright.config.json')
  const tsFile = join(projectDir, 'statewright.config.ts')
  let raw: unknown
  let file: string
  if (existsSync(jsonFile)) {
    file = jsonFile
    const read = await readJsonFile(jsonFile, 'statewright.config.json')
    if (!read.ok) return { config: {}, diagnostics: [read.diagnostic] }
    raw = read.value
  } else if (existsSync(tsFile)) {
    file = tsFile
    const imported = await importModule(tsFile, 'statewright.config.ts')
    if (!imported.ok) return { config: {}, diagnostics: [imported.diagnostic] }
    raw = imported.exports['default']
  } else return { config: {}, diagnostics: [] }
  const parsed = ConfigSchema.safeParse(raw)
  if (parsed.success) return { config: parsed.data, diagnostics: [] }
  return {
    config: {},
    diagnostics: parsed.error.issues.map((issue) => ({
      code: 'SFN308',
      severity: 'error' as const,
      path: '/',
      file,
      message: `The configuration field '${issue.path.join('.') || '(root)'}' is not valid: ${issue.message}. See 'statewright build --help' for the fields.`,
    })),
  }
}
