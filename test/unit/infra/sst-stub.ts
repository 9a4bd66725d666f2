/**
 * Stand-ins for the globals SST gives sst.config.ts (`$config`, `$app`, `$dev`, `$interpolate`, `sst.*`,
 * `aws.*`): every component class records its name, arguments and method calls, and deploy-time outputs
 * are plain strings shaped like the real ones (`arn:aws:dynamodb:us-east-1:111122223333:table/…`), so a
 * test can run `app()` and `run()` without SST or AWS and assert on what was declared.
 * @module
 */

/** One method call on a declared component (`route`, `subscribe`) */
export interface MethodCall {
  readonly method: string
  readonly args: readonly unknown[]
}

/** One component the app declared */
export interface Declared {
  /** `sst.aws.Dynamo` → `Dynamo`, `sst.Secret` → `Secret` */
  readonly kind: string
  readonly name: string
  readonly args: unknown
  readonly calls: MethodCall[]
  /** The object `new` returned */
  readonly instance: object
}

/** Where the fake stage lives */
export const FAKE_ACCOUNT = '111122223333'
/** The fake region */
export const FAKE_REGION = 'us-east-1'

/** The physical name SST would give a component (without its random suffix) */
export const physicalName = (app: string, stage: string, name: string): string => `${app}-${stage}-${name}`

type Outputs = (physical: string, name: string) => Record<string, string>

const OUTPUTS: Record<string, Outputs> = {
  Dynamo: (p) => ({ name: p, arn: `arn:aws:dynamodb:${FAKE_REGION}:${FAKE_ACCOUNT}:table/${p}` }),
  Queue: (p) => ({
    arn: `arn:aws:sqs:${FAKE_REGION}:${FAKE_ACCOUNT}:${p}`,
    url: `https://sqs.${FAKE_REGION}.amazonaws.com/${FAKE_ACCOUNT}/${p}`,
  }),
  Function: (p) => ({ name: p, arn: `arn:aws:lambda:${FAKE_REGION}:${FAKE_ACCOUNT}:function:${p}` }),
  ApiGatewayV2: () => ({ url: `https://abc123.execute-api.${FAKE_REGION}.amazonaws.com` }),
  Router: () => ({ url: 'https://d111111abcdef8.cloudfront.net' }),
  StaticSite: () => ({ url: 'https://d111111abcdef8.cloudfront.net' }),
  Cron: () => ({}),
  Secret: (_, name) => ({ name, value: `secret-value-of-${name}` }),
}

/** The recording globals, and a way to remove them */
export interface SstStub {
  /** Everything declared since the last `reset`, in order */
  readonly declared: Declared[]
  /** Sets the stage `$app` reports and forgets what was declared */
  reset(stage: string): void
  /** Removes the globals */
  uninstall(): void
}

const GLOBAL_NAMES = ['$config', '$app', '$dev', '$interpolate', 'sst', 'aws'] as const

/** Installs the recording globals on globalThis (before sst.config.ts is imported) */
export const installSstStub = (app = 'iamspec', initialStage = 'test'): SstStub => {
  const declared: Declared[] = []
  const appInfo = { name: app, stage: initialStage }

  const componentClass = (kind: string) => {
    const found = OUTPUTS[kind]
    if (!found) throw new Error(`no stub for sst component \`${kind}\``)
    const outputs: Outputs = found
    return class {
      constructor(name: string, args?: unknown) {
        const entry: Declared = { kind, name, args, calls: [], instance: this }
        declared.push(entry)
        Object.assign(this, outputs(physicalName(appInfo.name, appInfo.stage, name), name))
        for (const method of ['route', 'subscribe']) {
          Object.defineProperty(this, method, {
            value: (...callArgs: unknown[]) => {
              entry.calls.push({ method, args: callArgs })
            },
          })
        }
      }
    }
  }

  const values: Record<(typeof GLOBAL_NAMES)[number], unknown> = {
    $config: (config: unknown) => config,
    $app: appInfo,
    $dev: false,
    $interpolate: (literals: TemplateStringsArray, ...placeholders: unknown[]) =>
      literals.reduce(
        (out, literal, i) => out + literal + (i < placeholders.length ? String(placeholders[i]) : ''),
        '',
      ),
    sst: {
      Secret: componentClass('Secret'),
      aws: Object.fromEntries(
        ['Dynamo', 'Queue', 'Function', 'ApiGatewayV2', 'Router', 'StaticSite', 'Cron'].map((k) => [
          k,
          componentClass(k),
        ]),
      ),
    },
    aws: {
      getCallerIdentityOutput: () => ({ accountId: FAKE_ACCOUNT }),
      getPartitionOutput: () => ({ partition: 'aws' }),
    },
  }
  const scope = globalThis as Record<string, unknown>
  for (const name of GLOBAL_NAMES) scope[name] = values[name]

  return {
    declared,
    reset(stage) {
      appInfo.stage = stage
      declared.length = 0
    },
    uninstall() {
      for (const name of GLOBAL_NAMES) delete scope[name]
    },
  }
}

/** The one component of a kind and name; throws when there is not exactly one */
export const findDeclared = (declared: readonly Declared[], kind: string, name: string): Declared => {
  const found = declared.filter((d) => d.kind === kind && d.name === name)
  if (found.length !== 1) throw new Error(`expected one ${kind} \`${name}\`, found ${found.length}`)
  return found[0]!
}
