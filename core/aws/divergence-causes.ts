/**
 * Known causes of divergence: documented (or reported) simulator behaviours that make AWS's answer
 * differ from the local evaluator's for reasons other than a local bug. The runner puts the code in a
 * divergent check's `divergenceCause` (RunOptions.explainDivergence = explainDivergence).
 * Sources: /work/shared/reference/aws-iam-facts.md sections E, F and G.
 * @module
 */
import { evaluateCheck } from '../evaluator/check.ts'
import { deriveContext } from '../evaluator/derive-context.ts'
import type { NamedPolicy } from '../policy/types.ts'
import type { Check, DivergenceExplainer, EngineDecision } from '../suite/index.ts'
import { isTrustAction, parsePrincipalArn } from '../suite/index.ts'

/** Each known cause with a one-line explanation */
export const DIVERGENCE_CAUSES = {
  'get-caller-identity':
    'sts:GetCallerIdentity needs no permission and always succeeds, but the simulator applies the policies to it (facts F.27)',
  'trust-policy-ignored':
    'the simulator does not evaluate role trust policies: a trust action on a role is decided by identity policies alone (facts E.4)',
  'missing-context-key':
    'the simulator reported condition keys missing that the request context had: it ignores some keys or values (facts E.4)',
  'suite-scps-not-sent':
    "SimulatePrincipalPolicy applies the account's own SCPs, not the suite's organization block (it has no SCP parameter)",
  'scp-keys-not-reported':
    'an SCP condition key without a value is evaluated as absent and never reported missing by the simulator (aws-cli#10525)',
  'scp-implicit-deny-reported-differently':
    'an SCP level with no Allow is an implicit deny locally; the simulator reports SCP implicit denies differently (facts G.2)',
  'auto-filled-key':
    'the request lacked a key (aws:CurrentTime, aws:SecureTransport, aws:userid, …) that the simulator may fill in itself (facts G.1)',
  'cross-account':
    "the resource is in another account: the simulator's cross-account evaluation is documented inconsistently (facts E.4)",
  'account-state':
    "the simulator read the principal's policies from the live account, the local evaluator from the suite or a snapshot",
} as const

/** A known divergence cause's code */
export type DivergenceCause = keyof typeof DIVERGENCE_CAUSES

/** Keys the simulator might set by itself (lower case; facts E.4 and G.1) */
export const POSSIBLY_AUTO_FILLED_KEYS: readonly string[] = [
  'aws:currenttime',
  'aws:epochtime',
  'aws:securetransport',
  'aws:userid',
  'aws:username',
  'aws:principalarn',
  'aws:principalaccount',
  'aws:principaltype',
  'aws:requestedregion',
  'aws:sourceip',
]

const conditionKeys = (policies: readonly NamedPolicy[]): Set<string> =>
  new Set(
    policies.flatMap((p) =>
      p.document.statements.flatMap((s) => s.conditions.map((c) => c.key.toLowerCase())),
    ),
  )

const lower = (keys: readonly string[]): string[] => keys.map((k) => k.toLowerCase())

/** True when the SCPs alone make the local decision an implicit deny */
const scpImplicitDeny = (check: Check, local: EngineDecision): boolean => {
  const { identity, resourceModel } = check
  if (local.decision !== 'implicitDeny' || !identity?.scpLevels || !resourceModel) return false
  try {
    const without = evaluateCheck({
      identity: { ...identity, scpLevels: undefined },
      action: check.action,
      resource: resourceModel,
      context: check.context,
    })
    return without.decision !== 'implicitDeny'
  } catch {
    return false
  }
}

const scpCause = (check: Check, local: EngineDecision): DivergenceCause | undefined => {
  const scps = check.identity?.scpLevels
  if (!scps || scps.length === 0) return undefined
  if (check.policySource === 'account') return 'suite-scps-not-sent'
  const keys = conditionKeys(scps.flat())
  if (lower(local.missingContextKeys).some((k) => keys.has(k))) return 'scp-keys-not-reported'
  return scpImplicitDeny(check, local) ? 'scp-implicit-deny-reported-differently' : undefined
}

/** Names the documented simulator behaviour behind a divergence, or undefined when none explains it */
export const explainDivergence: DivergenceExplainer = (check, local, aws) => {
  const action = check.action.toLowerCase()
  if (action === 'sts:getcalleridentity') return 'get-caller-identity'
  if (isTrustAction(action) && parsePrincipalArn(check.resource)?.kind === 'role')
    return 'trust-policy-ignored'
  const { identity, resourceModel } = check
  if (identity && resourceModel) {
    const context = deriveContext(identity, resourceModel, check.context)
    if (lower(aws.missingContextKeys).some((k) => context.has(k))) return 'missing-context-key'
  }
  const scp = scpCause(check, local)
  if (scp) return scp
  if (lower(local.missingContextKeys).some((k) => POSSIBLY_AUTO_FILLED_KEYS.includes(k)))
    return 'auto-filled-key'
  const caller = identity?.caller.account
  const owner = resourceModel?.account
  if (caller && owner && owner !== caller && check.resource !== '*') return 'cross-account'
  if (check.policySource === 'account') return 'account-state'
  return undefined
}
