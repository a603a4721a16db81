#!/usr/bin/env node
// The published entry point of the CLI. It only loads the built code, so that the file exists in a
// workspace checkout too (pnpm links bins at install time, before anything is built).
await import('../dist/cli/bin.js')
