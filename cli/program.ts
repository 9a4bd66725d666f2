/**
 * The command line: commander definitions of `run`, `validate`, `explain`, `snapshot`, `serve` and
 * `schema`, each calling its command function. Usage errors (unknown options, bad choices) exit 2 like other invalid input.
 * @module
 */
import { Command, CommanderError, Option } from 'commander'
import type { PolicyKind } from '../core/policy/index.ts'
import packageJson from '../package.json' with { type: 'json' }
import { type ExplainCommandOptions, explainCommand } from './commands/explain.ts'
import { ENGINE_CHOICES, FORMAT_CHOICES, type RunCommandOptions, runCommand } from './commands/run.ts'
import { schemaCommand } from './commands/schema.ts'
import { type ServeCommandOptions, serveCommand } from './commands/serve.ts'
import { type SnapshotCommandOptions, snapshotCommand } from './commands/snapshot.ts'
import { POLICY_KIND_CHOICES, validateCommand } from './commands/validate.ts'
import { EXIT } from './exit-codes.ts'
import type { CliIo } from './io.ts'

const collect = (value: string, previous: readonly string[] | undefined): string[] => [
  ...(previous ?? []),
  value,
]

/** A repeatable option: every value, in order */
const repeatable = (flags: string, description: string): Option =>
  new Option(flags, description).argParser(collect)

/** Adds `--profile`, `--region` and `--aws-endpoint` to a command */
const withAwsOptions = (command: Command): Command =>
  command
    .option('--profile <name>', 'a shared-config profile for AWS calls (default: the SDK chain, AWS_PROFILE)')
    .option('--region <region>', 'the signing region for IAM (default us-east-1)')
    .option('--aws-endpoint <url>', 'an IAM endpoint instead of https://iam.amazonaws.com')

/** `run` options as commander gives them */
type RunFlags = Omit<RunCommandOptions, 'filter' | 'tag' | 'coverage' | 'failOnDivergence'> & {
  readonly filter?: string[]
  readonly tag?: string[]
  readonly coverage?: boolean
  readonly failOnDivergence?: boolean
}

/** `explain` options as commander gives them */
type ExplainFlags = Omit<ExplainCommandOptions, 'context' | 'via'> & {
  readonly context?: string[]
  readonly via?: string[]
}

/** Builds the program; `setCode` receives each command's exit code */
export const buildProgram = (io: CliIo, setCode: (code: number) => void): Command => {
  const program = new Command()
    .name('iamspec')
    .description(
      "Test AWS IAM policies: run policy test suites on a local IAM evaluator and on AWS's policy simulator",
    )
    .version(packageJson.version, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError('(add --help for usage)')

  const run = program
    .command('run')
    .description('run suite files (*.iamspec.yaml, *.iamspec.yml, *.iamspec.json) and report the checks')
    .argument('[paths...]', 'suite files, or directories to search recursively (default: .)')
    .addOption(
      new Option('--engine <engine>', 'the engine that decides').choices(ENGINE_CHOICES).default('local'),
    )
    .addOption(new Option('--format <format>', 'report format').choices(FORMAT_CHOICES).default('pretty'))
    .option('--out <file>', 'write the report to a file (the pretty report still goes to stdout)')
    .addOption(
      repeatable(
        '--filter <pattern>',
        'run cases whose suite or case name matches (substring or glob; repeatable)',
      ),
    )
    .addOption(repeatable('--tag <tag>', 'run cases with this suite or case tag (repeatable)'))
    .option(
      '--snapshot <file>',
      'an account snapshot (aws iam get-account-authorization-details) for principals and managed policies',
    )
    .option('--coverage', 'list every fixture statement and whether a check relied on it')
    .option('--fail-on-divergence', 'exit 1 when engines disagree on a check')
  withAwsOptions(run).action(async (paths: string[], opts: RunFlags) => {
    setCode(
      await runCommand(
        paths,
        {
          ...opts,
          filter: opts.filter ?? [],
          tag: opts.tag ?? [],
          coverage: opts.coverage === true,
          failOnDivergence: opts.failOnDivergence === true,
        },
        io,
      ),
    )
  })

  program
    .command('validate')
    .description('check suites and policy files: schema, policy grammar, and lint warnings')
    .argument('[paths...]', 'suite files, directories, or policy JSON files (default: .)')
    .addOption(
      new Option('--kind <kind>', 'the kind of standalone policy files')
        .choices(POLICY_KIND_CHOICES)
        .default('identity'),
    )
    .option('--strict', 'fail on warnings too')
    .action(async (paths: string[], opts: { kind: PolicyKind; strict?: boolean }) => {
      setCode(await validateCommand(paths, { kind: opts.kind, strict: opts.strict === true }, io))
    })

  program
    .command('explain')
    .description('decide one request and show why, with the full evaluation trace')
    .requiredOption('--principal <principal>', 'a principal name from --suite, or a principal ARN')
    .requiredOption('--action <action>', 'the action, e.g. s3:GetObject')
    .option('--resource <arn>', 'the resource ARN', '*')
    .addOption(repeatable('--context <key=value>', 'a request context value (repeat a key for a list)'))
    .addOption(
      repeatable(
        '--via <role>',
        'assume this role first (a principal name or role ARN; repeatable, in order)',
      ),
    )
    .option('--suite <file>', 'a suite file whose principals, resources and organization to use')
    .option('--snapshot <file>', 'an account snapshot to resolve principals and managed policies from')
    .action(async (opts: ExplainFlags) => {
      setCode(await explainCommand({ ...opts, context: opts.context ?? [], via: opts.via ?? [] }, io))
    })

  const snapshot = program
    .command('snapshot')
    .description('save the account as `aws iam get-account-authorization-details` prints it (for --snapshot)')
    .option('--out <file>', 'write it to a file instead of stdout')
  withAwsOptions(snapshot).action(async (opts: SnapshotCommandOptions) => {
    setCode(await snapshotCommand(opts, io))
  })

  const serve = program
    .command('serve')
    .description('start the local server: API, dashboard and store, until Ctrl-C')
    .option('--port <port>', 'the port (0 picks a free one)', '3000')
    .option('--data-dir <dir>', 'where the store and tokens live', '.iamspec')
    .option('--host <address>', 'the address to listen on', '127.0.0.1')
    .option('--no-examples', 'do not seed the examples into the default team on first start')
  withAwsOptions(serve).action(async (opts: ServeCommandOptions) => {
    setCode(await serveCommand(opts, io))
  })

  program
    .command('schema')
    .description('print the JSON Schema of suite files')
    .option('--out <file>', 'write it to a file instead')
    .action((opts: { out?: string }) => {
      setCode(schemaCommand(opts, io))
    })

  return program
}

/** Runs the CLI with arguments (without `node` and the script) and returns the exit code */
export const runCli = async (argv: readonly string[], io: CliIo): Promise<number> => {
  let code: number = EXIT.ok
  const program = buildProgram(io, (c) => {
    code = c
  })
  try {
    await program.parseAsync([...argv], { from: 'user' })
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.invalid
    throw error
  }
  return code
}
