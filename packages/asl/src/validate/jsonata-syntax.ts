// What the validator needs to know about one JSONata expression, read from the jsonata AST that
// `parseJsonata` (syntax/) returns: the workflow variables it reads, the `$states` fields it uses,
// and whether it reads the (absent) input document implicitly, which AWS refuses.

/** Facts about one parsed expression. */
export interface JsonataFacts {
  /** Workflow variables read (`$name`), excluding `$states` and names bound in the expression. */
  readonly variables: readonly string[]
  /** `$states.<field>` fields read: `input`, `context`, `result`, `errorOutput`, … */
  readonly statesFields: readonly string[]
  /** Bare names at the top level (`phone`, or `$` written alone): AWS's UNSUPPORTED_JSONATA_EXPRESSION. */
  readonly topLevelReferences: readonly string[]
  /** True when `$$` occurs anywhere. */
  readonly readsRootDocument: boolean
}

type Node = { readonly [key: string]: unknown }

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Walks a jsonata AST (`parseJsonata(text).ast`) and collects the facts above. */
export function jsonataFacts(ast: unknown): JsonataFacts {
  const variables = new Set<string>()
  const statesFields = new Set<string>()
  const topLevelReferences = new Set<string>()
  let readsRootDocument = false

  // Names bound by `:=` anywhere or by lambda parameters are the expression's own, not workflow
  // variables; collecting them first keeps the walk one pass and order-independent.
  const bound = new Set<string>()
  const collectBound = (value: unknown, depth: number): void => {
    if (depth > 500) return
    if (Array.isArray(value)) {
      for (const item of value) collectBound(item, depth + 1)
      return
    }
    if (!isNode(value)) return
    if (
      value['type'] === 'bind' &&
      isNode(value['lhs']) &&
      typeof value['lhs']['value'] === 'string'
    ) {
      bound.add(value['lhs']['value'])
    }
    // Positional (`#$i`) and context (`@$v`) bindings of a path step.
    for (const binding of ['index', 'focus']) {
      if (typeof value[binding] === 'string') bound.add(value[binding])
    }
    if (value['type'] === 'lambda' && Array.isArray(value['arguments'])) {
      for (const arg of value['arguments']) {
        if (isNode(arg) && typeof arg['value'] === 'string') bound.add(arg['value'])
      }
    }
    for (const key of Object.keys(value)) collectBound(value[key], depth + 1)
  }
  collectBound(ast, 0)

  const visit = (value: unknown, topLevel: boolean, depth: number): void => {
    if (depth > 500) return
    if (Array.isArray(value)) {
      for (const item of value) visit(item, topLevel, depth + 1)
      return
    }
    if (!isNode(value)) return
    const type = value['type']
    if (type === 'name' && topLevel && typeof value['value'] === 'string') {
      topLevelReferences.add(value['value'])
    }
    if (type === 'variable' && typeof value['value'] === 'string') {
      const name = value['value']
      if (name === '$') readsRootDocument = true
      else if (name === '' && topLevel) topLevelReferences.add('$')
      else if (name !== '' && name !== 'states' && !bound.has(name)) variables.add(name)
    }
    if (type === 'path' && Array.isArray(value['steps'])) {
      const steps = value['steps'] as unknown[]
      const first = steps[0]
      const second = steps[1]
      if (isNode(first) && first['type'] === 'variable' && first['value'] === 'states') {
        if (isNode(second) && second['type'] === 'name' && typeof second['value'] === 'string') {
          statesFields.add(second['value'])
        }
      }
      steps.forEach((step, index) => visit(step, topLevel && index === 0, depth + 1))
      for (const key of Object.keys(value)) {
        if (key !== 'steps' && key !== 'type') visit(value[key], false, depth + 1)
      }
      return
    }
    for (const key of Object.keys(value)) {
      if (key === 'procedure') continue // `$map(…)`: calling a function is not reading a variable
      const child = value[key]
      const relative = key === 'stages' || key === 'predicate' || key === 'group' || key === 'terms'
      // Lambda bodies and transform (`| pattern | update |`) clauses read their own context.
      const ownContext = type === 'lambda' || type === 'transform'
      visit(child, ownContext ? false : topLevel && !relative, depth + 1)
    }
  }
  visit(ast, true, 0)
  return {
    variables: [...variables],
    statesFields: [...statesFields],
    topLevelReferences: [...topLevelReferences],
    readsRootDocument,
  }
}
