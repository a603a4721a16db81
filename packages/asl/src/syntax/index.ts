// Owned by the expression-syntax work: JSONPath, Reference Path and intrinsic-function parsers.
export {}
