/**
 * Minimal declarations of the globals SST 4.17.1 gives `sst.config.ts` and infra/* inside `run()`:
 * `$config`, `$app`, `$dev`, `$interpolate`, `$util` (two types), the `sst.*` components this app uses and the two `aws.*`
 * data sources it reads. They let `npx tsc --noEmit -p .` check the app without SST installed; the
 * shapes follow SST's platform sources (`.sst/platform/src/components/aws/*.ts`) but only the arguments
 * used here are declared. The real types come from `.sst/platform/config.d.ts` after `sst install`:
 * scripts/typecheck-sst.sh checks sst.config.ts against them, and that check does not load this file.
 *
 * A script file (no imports or exports): everything below is global. Nothing here exists at run time;
 * SST defines the values when it runs the app, and the unit test stubs them.
 */

/** Pulumi's helpers (`@pulumi/pulumi`); only the two types infra/ names */
declare namespace $util {
  /** A value known only at deploy time */
  interface Output<T> {
    apply<U>(fn: (value: T) => U | Output<U>): Output<U>
  }
  /** A value now or at deploy time */
  type Input<T> = T | Promise<T> | Output<T>
}

/** Short for `$util.Output<T>` inside this file */
type SstOutput<T> = $util.Output<T>

/** Short for `$util.Input<T>` inside this file */
type SstInput<T> = $util.Input<T>

/** SST's duration strings (`"30 seconds"`, `"5 minutes"`) */
type SstDuration = `${number} ${'second' | 'seconds' | 'minute' | 'minutes' | 'hour' | 'hours'}`

/** SST's memory sizes (`"1024 MB"`) */
type SstSize = `${number} MB` | `${number} GB`

/** What `app()` receives */
interface SstAppInput {
  readonly stage: string
}

/** What `app()` returns */
interface SstAppConfig {
  name: string
  home: 'aws' | 'cloudflare' | 'local'
  removal?: 'remove' | 'retain' | 'retain-all'
  protect?: boolean
  providers?: Record<string, unknown>
}

/** The default export of sst.config.ts */
interface SstConfig {
  app(input: SstAppInput): SstAppConfig
  run(): Promise<Record<string, unknown> | undefined>
}

/** Wraps the app's definition */
declare function $config(input: SstConfig): SstConfig

/** The app being deployed */
declare const $app: { readonly name: string; readonly stage: string }

/** True under `sst dev` */
declare const $dev: boolean

/** A template string over deploy-time values */
declare function $interpolate(literals: TemplateStringsArray, ...placeholders: unknown[]): SstOutput<string>

declare namespace sst {
  /** An encrypted value set with `sst secret set <name> <value>` */
  class Secret {
    constructor(name: string, placeholder?: SstInput<string>)
    readonly name: SstOutput<string>
    readonly value: SstOutput<string>
  }

  namespace aws {
    /** One statement of a function role */
    interface FunctionPermissionArgs {
      effect?: 'allow' | 'deny'
      actions: string[]
      resources: SstInput<SstInput<string>[]>
      conditions?: SstInput<
        SstInput<{
          test: SstInput<string>
          variable: SstInput<string>
          values: SstInput<SstInput<string>[]>
        }>[]
      >
    }

    /** A Lambda function's settings */
    interface FunctionArgs {
      handler: SstInput<string>
      runtime?: SstInput<'nodejs20.x' | 'nodejs22.x'>
      architecture?: SstInput<'x86_64' | 'arm64'>
      description?: SstInput<string>
      timeout?: SstInput<SstDuration>
      memory?: SstInput<SstSize>
      environment?: SstInput<Record<string, SstInput<string>>>
      permissions?: SstInput<FunctionPermissionArgs[]>
      link?: SstInput<unknown[]>
      logging?: SstInput<{ retention?: SstInput<string>; format?: SstInput<'text' | 'json'> }>
      nodejs?: SstInput<{ install?: SstInput<string[]>; minify?: SstInput<boolean> }>
    }

    /** A Lambda function */
    // biome-ignore lint/suspicious/noShadowRestrictedNames: the component is called Function in SST
    class Function {
      constructor(name: string, args: FunctionArgs)
      readonly arn: SstOutput<string>
      readonly name: SstOutput<string>
    }

    /** Arguments of a DynamoDB table */
    interface DynamoArgs {
      fields: SstInput<Record<string, 'string' | 'number' | 'binary'>>
      primaryIndex: SstInput<{ hashKey: SstInput<string>; rangeKey?: SstInput<string> }>
      globalIndexes?: SstInput<
        Record<
          string,
          SstInput<{
            hashKey: SstInput<string>
            rangeKey?: SstInput<string>
            projection?: SstInput<'all' | 'keys-only' | string[]>
          }>
        >
      >
      ttl?: SstInput<string>
      deletionProtection?: SstInput<boolean>
    }

    /** A DynamoDB table (on-demand billing) */
    class Dynamo {
      constructor(name: string, args: DynamoArgs)
      readonly arn: SstOutput<string>
      readonly name: SstOutput<string>
    }

    /** Arguments of an SQS queue */
    interface QueueArgs {
      fifo?: SstInput<boolean>
      visibilityTimeout?: SstInput<SstDuration>
      dlq?: SstInput<string | { queue: SstInput<string>; retry: SstInput<number> }>
    }

    /** How a queue's subscriber is invoked */
    interface QueueSubscriberArgs {
      batch?: SstInput<{
        size?: SstInput<number>
        window?: SstInput<SstDuration>
        partialResponses?: SstInput<boolean>
      }>
      transform?: {
        /** Merged into the event source mapping's arguments */
        eventSourceMapping?: { scalingConfig?: SstInput<{ maximumConcurrency?: SstInput<number> }> }
      }
    }

    /** An SQS queue */
    class Queue {
      constructor(name: string, args?: QueueArgs)
      readonly arn: SstOutput<string>
      readonly url: SstOutput<string>
      subscribe(subscriber: string | FunctionArgs, args?: QueueSubscriberArgs): unknown
    }

    /** A function run on a schedule */
    class Cron {
      constructor(
        name: string,
        args: {
          schedule: SstInput<`rate(${string})` | `cron(${string})`>
          function: SstInput<string | FunctionArgs>
          enabled?: SstInput<boolean>
        },
      )
    }

    /** An API Gateway HTTP API */
    class ApiGatewayV2 {
      constructor(
        name: string,
        args?: { cors?: SstInput<boolean>; accessLog?: SstInput<{ retention?: SstInput<string> }> },
      )
      readonly url: SstOutput<string>
      route(
        rawRoute: string,
        handler: SstInput<string | FunctionArgs>,
        args?: Record<string, unknown>,
      ): unknown
    }

    /** A CloudFront distribution that routes paths to URLs and sites */
    class Router {
      constructor(name: string, args?: { domain?: SstInput<string> })
      readonly url: SstOutput<string>
      route(
        pattern: string,
        url: SstInput<string>,
        args?: { rewrite?: SstInput<{ regex: SstInput<string>; to: SstInput<string> }> },
      ): void
    }

    /** A static website on S3, served by CloudFront (here through a Router) */
    class StaticSite {
      constructor(
        name: string,
        args: {
          path?: SstInput<string>
          build?: SstInput<{ command: SstInput<string>; output: SstInput<string> }>
          router?: SstInput<{ instance: Router; path?: SstInput<string> }>
          indexPage?: string
          errorPage?: SstInput<string>
        },
      )
      readonly url: SstOutput<string>
    }
  }
}

declare namespace aws {
  /** The deploying account (Pulumi's `aws.getCallerIdentityOutput`) */
  function getCallerIdentityOutput(args?: Record<string, never>): { readonly accountId: SstOutput<string> }
  /** The deploying partition (`aws`, `aws-cn`, `aws-us-gov`) */
  function getPartitionOutput(args?: Record<string, never>): { readonly partition: SstOutput<string> }
}
