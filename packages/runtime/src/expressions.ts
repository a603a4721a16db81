/**
 * @internal The one place the core imports expression evaluation from. Points at the local stand-in
 * until `./expr/index.ts` (the expression engineer's modules) exists; then it re-exports those.
 */
export * from './expr-fallback.ts'
