import { readdirSync, readFileSync, statSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createRequire } from 'node:module'
import { applySubstitutions, findPlaceholders } from '@statewright/compiler'
import { main } from '@statewright/compiler/cli'
import { App } from 'aws-cdk-lib'
import { Match, Template } from 'aws-cdk-lib/assertions'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { OrderStack } from './stack.ts'

// The build step imports ts-morph and tsx cold, and CDK's synth is not quick on a loaded machine.
vi.setConfig({ testTimeout: 30_000 })

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'statewright-cdk-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

// The build step of a real project: `statewright build examples/cdk-deploy --out <dir>`.
async function build(): Promise<{ definitionFile: string; substitutionsFile: string }> {
  let output = ''
  const code = await main(['build', fileURLToPath(new URL('.', import.meta.url)), '--out', dir], {
    stdout: (text) => void (output += text),
    stderr: (text) => void (output += text),
  })
  expect(code, output).toBe(0)
  return {
    definitionFile: join(dir, 'OrderFlow.asl.json'),
    substitutionsFile: join(dir, 'OrderFlow.substitutions.json'),
  }
}

describe('CDK deployment of a built definition', () => {
  test('synthesizes a state machine whose body is the built file and whose placeholders are the functions', async () => {
    const files = await build()
    // Synth only. CDK's built-in template rule engine costs ~10 s per synth; the assertions below check
    // what this example is about instead.
    const app = new App({ outdir: join(dir, 'cdk.out'), builtinCloudFormationValidation: false })

    new OrderStack(app, 'Orders', files)
    const assembly = app.synth()
    const template = Template.fromJSON(assembly.getStackArtifact('Orders').template)

    template.resourceCountIs('AWS::StepFunctions::StateMachine', 1)
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      DefinitionS3Location: { Bucket: Match.anyValue(), Key: Match.stringLikeRegexp('\\.json$') },
      DefinitionSubstitutions: {
        ProcessPaymentFunctionArn: {
          'Fn::GetAtt': [Match.stringLikeRegexp('^ProcessPaymentFunction'), 'Arn'],
        },
        SendReceiptFunctionArn: {
          'Fn::GetAtt': [Match.stringLikeRegexp('^SendReceiptFunction'), 'Arn'],
        },
      },
    })
    // Every placeholder of the file has a substitution, and the staged asset is the file as built.
    const definition = JSON.parse(readFileSync(files.definitionFile, 'utf8'))
    const substitutions = Object.values(
      template.findResources('AWS::StepFunctions::StateMachine'),
    )[0]?.['Properties']?.['DefinitionSubstitutions']
    expect(Object.keys(findPlaceholders(definition)).sort()).toStrictEqual(
      Object.keys(substitutions).sort(),
    )
    const staged = readdirDeep(assembly.directory).filter(
      (file) =>
        file.endsWith('.json') &&
        readFileSync(file, 'utf8') === readFileSync(files.definitionFile, 'utf8'),
    )
    expect(staged.length).toBe(1)
  })

  test('the definition with its substitutions applied passes asl-validator', async () => {
    const { definitionFile } = await build()
    const definition = JSON.parse(readFileSync(definitionFile, 'utf8'))

    const resolved = applySubstitutions(definition, {
      ProcessPaymentFunctionArn:
        'arn:aws:lambda:us-east-1:123456789012:function:ProcessPaymentFunction',
      SendReceiptFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:SendReceiptFunction',
    })

    const aslValidator = createRequire(import.meta.url)('asl-validator') as (d: unknown) => {
      isValid: boolean
      errorsText(): string
    }
    const verdict = aslValidator(structuredClone(resolved))
    expect(verdict.isValid, verdict.errorsText()).toBe(true)
  })
})

/** Every file under `root` (the cloud assembly, where CDK stages assets). */
function readdirDeep(root: string): string[] {
  const files: string[] = []
  const pending = [root]
  while (pending.length > 0) {
    const current = pending.pop()!
    for (const name of readdirSync(current)) {
      const path = join(current, name)
      if (statSync(path).isDirectory()) pending.push(path)
      else files.push(path)
    }
  }
  return files
}
