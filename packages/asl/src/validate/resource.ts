// Resource ARNs a Task may name. Optimized integrations are a closed list (AWS refuses
// `arn:aws:states:::dynamodb:query`, which only exists as `aws-sdk:dynamodb:query`); AWS SDK
// integrations accept any service and camelCase action.

/** Optimized integrations: service → actions (DG "Integrating optimized services"). */
const OPTIMIZED: Readonly<Record<string, readonly string[]>> = {
  lambda: ['invoke'],
  batch: ['submitJob'],
  dynamodb: ['getItem', 'putItem', 'deleteItem', 'updateItem'],
  ecs: ['runTask'],
  sns: ['publish'],
  sqs: ['sendMessage'],
  glue: ['startJobRun'],
  databrew: ['startJobRun'],
  sagemaker: [
    'createEndpoint',
    'createEndpointConfig',
    'createHyperParameterTuningJob',
    'createLabelingJob',
    'createModel',
    'createProcessingJob',
    'createTrainingJob',
    'createTransformJob',
    'updateEndpoint',
  ],
  elasticmapreduce: [
    'addStep',
    'cancelStep',
    'createCluster',
    'modifyInstanceFleetByName',
    'modifyInstanceGroupByName',
    'setClusterTerminationProtection',
    'terminateCluster',
  ],
  'emr-containers': ['createVirtualCluster', 'deleteVirtualCluster', 'startJobRun'],
  'emr-serverless': [
    'cancelJobRun',
    'createApplication',
    'deleteApplication',
    'startApplication',
    'startJobRun',
    'stopApplication',
  ],
  codebuild: [
    'batchDeleteBuilds',
    'batchGetReports',
    'deleteBuildBatch',
    'retryBuild',
    'retryBuildBatch',
    'startBuild',
    'startBuildBatch',
    'stopBuild',
    'stopBuildBatch',
  ],
  athena: ['getQueryExecution', 'getQueryResults', 'startQueryExecution', 'stopQueryExecution'],
  states: ['startExecution'],
  eks: [
    'call',
    'createCluster',
    'createFargateProfile',
    'createNodegroup',
    'deleteCluster',
    'deleteFargateProfile',
    'deleteNodegroup',
    'runJob',
  ],
  apigateway: ['invoke'],
  events: ['putEvents'],
  mediaconvert: ['createJob'],
  bedrock: ['createModelCustomizationJob', 'invokeModel'],
  http: ['invoke'],
  s3: ['getObject', 'putObject', 'listObjectsV2'],
}

/**
 * The integration patterns each optimized service supports (DG "Integrating optimized services"):
 * request-response (`rr`), `.sync`, `.sync:2` (nested executions only) and `.waitForTaskToken`.
 */
const PATTERNS: Readonly<Record<string, readonly string[]>> = {
  lambda: ['rr', 'waitForTaskToken'],
  batch: ['rr', 'sync'],
  dynamodb: ['rr'],
  ecs: ['rr', 'sync', 'waitForTaskToken'],
  sns: ['rr', 'waitForTaskToken'],
  sqs: ['rr', 'waitForTaskToken'],
  glue: ['rr', 'sync'],
  databrew: ['rr', 'sync'],
  sagemaker: ['rr', 'sync'],
  elasticmapreduce: ['rr', 'sync'],
  'emr-containers': ['rr', 'sync'],
  'emr-serverless': ['rr', 'sync'],
  codebuild: ['rr', 'sync'],
  athena: ['rr', 'sync'],
  states: ['rr', 'sync', 'sync:2', 'waitForTaskToken'],
  eks: ['rr', 'sync', 'waitForTaskToken'],
  apigateway: ['rr', 'waitForTaskToken'],
  events: ['rr', 'waitForTaskToken'],
  mediaconvert: ['rr', 'sync'],
  bedrock: ['rr', 'sync', 'waitForTaskToken'],
  http: ['rr'],
  s3: ['rr'],
}

/** Integration pattern suffixes. */
const SUFFIX = /\.(sync(?::2)?|waitForTaskToken)$/

const PARTITION = 'arn:aws(?:-[a-z]+)*'
const LAMBDA_FUNCTION = new RegExp(
  `^${PARTITION}:lambda:[a-z0-9-]+:\\d{12}:function:[A-Za-z0-9_-]+(?::[A-Za-z0-9_$-]+)?$`,
)
const ACTIVITY = new RegExp(`^${PARTITION}:states:[a-z0-9-]+:\\d{12}:activity:.+$`)
const INTEGRATION = new RegExp(`^${PARTITION}:states:::(.+)$`)
const OTHER_ARN = new RegExp(`^${PARTITION}:[a-z0-9-]+:`)

/** What a Task `Resource` names. */
export type ResourceKind =
  | { readonly kind: 'lambda-function' }
  | { readonly kind: 'activity' }
  | {
      readonly kind: 'integration'
      readonly pattern: 'request-response' | '.sync' | '.waitForTaskToken'
    }
  | { readonly kind: 'other-arn' }
  /** Holds a `${…}` deployment-time substitution (CDK, SAM, CloudFormation, Terraform): not judged. */
  | { readonly kind: 'placeholder' }
  | { readonly kind: 'unknown' }

// PERF: module level, like the patterns above (a regular expression literal is an object per call).
const PLACEHOLDER_PATTERN = /\$\{[^}]*\}/
// PERF: the kinds without details are shared frozen values, not an object per Task.
const PLACEHOLDER: ResourceKind = Object.freeze({ kind: 'placeholder' })
const LAMBDA: ResourceKind = Object.freeze({ kind: 'lambda-function' })
const ACTIVITY_KIND: ResourceKind = Object.freeze({ kind: 'activity' })

/**
 * Classifies a Task `Resource`; `unknown` is a resource AWS does not recognize.
 *
 * @example
 * classifyResource('arn:aws:states:::sqs:sendMessage.waitForTaskToken')
 * // { kind: 'integration', pattern: '.waitForTaskToken' }
 * classifyResource('arn:aws:states:::dynamodb:query') // { kind: 'unknown' } (only aws-sdk:dynamodb:query exists)
 */
export function classifyResource(resource: string): ResourceKind {
  // Build steps emit `${ProcessPaymentFunctionArn}` for the deployment tool to fill in; what it
  // will become is unknown here, so it is neither accepted as a kind nor refused.
  if (PLACEHOLDER_PATTERN.test(resource)) return PLACEHOLDER
  if (LAMBDA_FUNCTION.test(resource)) return LAMBDA
  if (ACTIVITY.test(resource)) return ACTIVITY_KIND
  const integration = INTEGRATION.exec(resource)
  if (integration !== null) {
    const rest = integration[1] ?? ''
    const suffix = SUFFIX.exec(rest)
    const base = suffix === null ? rest : rest.slice(0, suffix.index)
    const pattern =
      suffix === null
        ? 'request-response'
        : suffix[1] === 'waitForTaskToken'
          ? '.waitForTaskToken'
          : '.sync'
    const parts = base.split(':')
    if (parts[0] === 'aws-sdk') {
      // aws-sdk:<service>:<apiAction>; the SDK integrations support no `.sync`.
      const known =
        parts.length === 3 &&
        /^[a-z0-9.-]+$/.test(parts[1] ?? '') &&
        /^[a-z][A-Za-z0-9]*$/.test(parts[2] ?? '')
      return known && pattern !== '.sync' ? { kind: 'integration', pattern } : { kind: 'unknown' }
    }
    const service = parts[0] ?? ''
    const actions =
      parts.length === 2 && Object.hasOwn(OPTIMIZED, service) ? OPTIMIZED[service] : undefined
    // A pattern the service does not offer (`sns:publish.sync`) is as unknown to AWS as a wrong action.
    const patterns = Object.hasOwn(PATTERNS, service) ? PATTERNS[service] : undefined
    if (
      actions !== undefined &&
      actions.includes(parts[1] ?? '') &&
      patterns !== undefined &&
      patterns.includes(suffix === null ? 'rr' : (suffix[1] ?? ''))
    ) {
      return { kind: 'integration', pattern }
    }
    return { kind: 'unknown' }
  }
  // Other ARNs (a Lambda function in another form, legacy resources) are not ours to judge.
  return OTHER_ARN.test(resource) ? { kind: 'other-arn' } : { kind: 'unknown' }
}
