/**
 * The one request `iamspec explain` decides: a case built from the options, added to the `--suite`
 * (or to an empty suite), expanded into its check with the account resolver and the catalog's key
 * types, then decided with the full trace.
 * @module
 */
import { NO_SPAN } from '../../core/policy/index.ts'
import {
  type AccountResolver,
  type Check,
  type ContextSpec,
  expandSuite,
  findPrincipal,
  type KeyTypeLookup,
  type LoadedCase,
  type LoadedSuite,
  loadSuiteValue,
} from '../../core/suite/index.ts'

/** What to explain */
export interface ExplainRequest {
  /** A principal name of the suite, or a principal ARN */
  readonly principal: string
  readonly action: string
  readonly resource: string
  /** The request context; via hops are made with it too (an MFA sign-in holds along the chain) */
  readonly context: ContextSpec
  /** Roles assumed first, in order (principal names or role ARNs) */
  readonly via: readonly string[]
}

const ACTION = /^[A-Za-z0-9-]+:[A-Za-z0-9]+$/
const RESOURCE = /^(\*|arn:[^:]*:[^:]*:[^:]*:[^:]*:.*)$/

/** An empty suite to explain requests against when no `--suite` is given */
export const emptySuite = (): LoadedSuite => {
  const loaded = loadSuiteValue(
    {
      suite: 'explain',
      cases: [
        {
          name: 'explain',
          principal: 'anonymous',
          action: 'sts:GetCallerIdentity',
          resource: '*',
          expect: 'allowed',
        },
      ],
    },
    { fileName: '(explain)' },
  )
  if (!loaded.ok) throw new Error('the empty explain suite does not load')
  return { ...loaded.value, cases: [] }
}

/** Builds the request's check (and the suite holding its case); the error is a one-line message */
export const buildExplainCheck = (
  suite: LoadedSuite,
  request: ExplainRequest,
  options: { readonly resolver?: AccountResolver; readonly keyTypes?: KeyTypeLookup },
): { ok: true; check: Check; suite: LoadedSuite } | { ok: false; message: string } => {
  if (!ACTION.test(request.action))
    return {
      ok: false,
      message: `\`--action ${request.action}\` is not an action (\`service:Action\`, no wildcards)`,
    }
  if (!RESOURCE.test(request.resource))
    return { ok: false, message: `\`--resource ${request.resource}\` is not a resource ARN or \`*\`` }
  const names = [...suite.principals.keys()]
  if (!findPrincipal(suite, request.principal)) {
    const known = names.length > 0 ? ` (the suite has ${names.map((n) => `\`${n}\``).join(', ')})` : ''
    return {
      ok: false,
      message: `\`--principal ${request.principal}\` is neither a principal of the suite nor a principal ARN${known}`,
    }
  }
  const c: LoadedCase = {
    name: 'explain',
    index: suite.cases.length,
    principal: request.principal,
    actions: [request.action],
    resources: [request.resource],
    context: request.context,
    via: request.via.map((role) => ({ role, context: request.context })),
    expect: 'allowed',
    only: false,
    tags: [],
    span: NO_SPAN,
  }
  const withCase: LoadedSuite = { ...suite, cases: [c] }
  const [check] = expandSuite(withCase, options).checks
  if (!check) return { ok: false, message: 'the request could not be built' }
  if (check.unresolved !== undefined) {
    const hint = options.resolver ? '' : ' (give an account snapshot with `--snapshot FILE`)'
    return { ok: false, message: `${check.unresolved}${hint}` }
  }
  return { ok: true, check, suite: withCase }
}
