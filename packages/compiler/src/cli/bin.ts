#!/usr/bin/env node
import { main } from './main.ts'

// Ctrl+C ends --watch cleanly (the last pass's exit code), instead of killing a half-written build.
const controller = new AbortController()
process.once('SIGINT', () => controller.abort())

process.exitCode = await main(process.argv.slice(2), { signal: controller.signal })
