import { activityArnVariable, lambdaArnVariable, type WorkflowNode } from '@statewright/dsl/ir'
import { isRecord } from '../asl/walk.ts'
import type { Diagnostic } from '../diagnostics.ts'

/** A rule over the DSL's IR: what only the workflow's source knows, before lowering. */
export type IrRule = (ir: WorkflowNode) => Diagnostic[]

interface Called {
  readonly state: string
  readonly target: string
  readonly variable: string
}

/** Every Lambda function and activity a Task calls by name (not by ARN), branches and processors included. */
function calledByName(ir: WorkflowNode): Called[] {
  const found: Called[] = []
  const seen = new Set<object>()
  const pending: unknown[] = [ir.states]
  while (pending.length > 0) {
    const value = pending.pop()
    if (typeof value !== 'object' || value === null || seen.has(value)) continue
    seen.add(value)
    if (Array.isArray(value)) {
      pending.push(...value)
      continue
    }
    const node = value as Record<string, unknown>
    const resource = node['resource']
    if (node['kind'] === 'Task' && typeof node['name'] === 'string' && isRecord(resource)) {
      const name = resource['functionName'] ?? resource['activityName']
      if (typeof name === 'string' && !name.startsWith('arn:')) {
        const variable =
          resource['kind'] === 'activity' ? activityArnVariable(name) : lambdaArnVariable(name)
        found.push({ state: node['name'], target: name, variable })
      }
    }
    // Zod schemas are not IR (large, possibly cyclic): skip them.
    for (const [key, child] of Object.entries(node)) if (!/schema$/i.test(key)) pending.push(child)
  }
  return found.sort((a, b) => (a.state < b.state ? -1 : a.state > b.state ? 1 : 0))
}

/**
 * SFN257: two different functions (or activities) whose names differ only in characters a
 * substitution variable cannot hold (`order-fn`, `order_fn`) get the same `${orderfnArn}`, so the
 * deployed state machine would call one of them in both places.
 */
export const findSubstitutionClash: IrRule = (ir) => {
  // With a region and an account every ARN is concrete: no substitutions, nothing can clash.
  if (ir.target.region !== undefined && ir.target.account !== undefined) return []
  const byVariable = new Map<string, Called>()
  const found: Diagnostic[] = []
  for (const called of calledByName(ir)) {
    const first = byVariable.get(called.variable)
    if (first === undefined) {
      byVariable.set(called.variable, called)
      continue
    }
    if (first.target === called.target) continue
    found.push({
      code: 'SFN257',
      severity: 'error',
      path: `/States/${called.state}/Resource`,
      message:
        `'${called.state}' calls '${called.target}' and '${first.state}' calls '${first.target}', ` +
        `but both become the substitution \${${called.variable}}, so one ARN would serve both. ` +
        'Rename one of the functions, or give the workflow its region and account for concrete ARNs.',
    })
  }
  return found
}
