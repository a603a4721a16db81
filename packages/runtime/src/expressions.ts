/**
 * @internal The one place the core imports expression evaluation from: the pure modules of `./expr/`
 * (JSONPath, payload templates, intrinsics, Choice rules, JSONata).
 */
export * from './expr/index.ts'
