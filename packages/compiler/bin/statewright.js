#!/usr/bin/env node
// The entry point of the CLI. A published package (and a built checkout) runs the built code. In a
// workspace checkout before `pnpm build` (pnpm links bins at install time, before anything is
// built), it runs the TypeScript sources through tsx, the way the root `pnpm statewright` does.
import { existsSync } from 'node:fs'
import { register } from 'node:module'

const built = new URL('../dist/cli/bin.js', import.meta.url)
const source = new URL('../src/cli/bin.ts', import.meta.url)

/** tsx's loader API, or undefined when tsx is not installed. */
async function loadTsx() {
  try {
    return await import('tsx/esm/api')
  } catch {
    return undefined
  }
}

if (existsSync(built)) {
  await import(built.href)
} else {
  const tsx = existsSync(source) ? await loadTsx() : undefined
  if (tsx === undefined) {
    process.stderr.write(
      'error: the statewright CLI is not built (no dist/cli/bin.js) and cannot run from its sources here. Run `pnpm build` first.\n',
    )
    process.exitCode = 1
  } else {
    // Sources import each other by package name: resolve @statewright/* to their src/*.ts files.
    const hooks = `export async function resolve(specifier, context, next) {
      const conditions = context.conditions.includes('@statewright/source') ? context.conditions : [...context.conditions, '@statewright/source']
      return next(specifier, { ...context, conditions })
    }`
    register(`data:text/javascript,${encodeURIComponent(hooks)}`)
    tsx.register()
    await import(source.href)
  }
}
