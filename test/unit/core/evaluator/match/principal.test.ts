import { describe, expect, it } from 'vitest'
import { notPrincipalExcludes, principalNames } from '../../../../../core/evaluator/match/principal.ts'
import type { Caller } from '../../../../../core/evaluator/types.ts'
import { NO_SPAN } from '../../../../../core/policy/source-node.ts'
import type { PrincipalSet } from '../../../../../core/policy/types.ts'

const set = (p: Partial<PrincipalSet>): PrincipalSet => ({
  everyone: false,
  aws: [],
  service: [],
  federated: [],
  canonicalUser: [],
  span: NO_SPAN,
  ...p,
})
const A = '111122223333'
const user: Caller = { type: 'user', arn: `arn:aws:iam::${A}:user/alice`, account: A }
const session: Caller = {
  type: 'assumedRole',
  arn: `arn:aws:sts::${A}:assumed-role/R/s1`,
  account: A,
  roleArn: `arn:aws:iam::${A}:role/R`,
}
const federated: Caller = {
  type: 'federatedUser',
  arn: `arn:aws:sts::${A}:federated-user/bob`,
  account: A,
  federatingUserArn: `arn:aws:iam::${A}:user/alice`,
}
const anonymous: Caller = { type: 'anonymous', arn: 'anonymous', account: undefined }
const service: Caller = { type: 'service', arn: 'ecs.amazonaws.com', account: undefined }

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
describe('principalNames', () => {
  it.each([
    ['everyone', set({ everyone: true }), user, 'everyone'],
    ['account id', set({ aws: [A] }), user, 'account'],
    ['account root ARN', set({ aws: [`arn:aws:iam::${A}:root`] }), session, 'account'],
    ['another account', set({ aws: ['444455556666'] }), user, undefined],
    ['user ARN', set({ aws: [user.arn] }), user, 'user'],
    ['user ARN of another case', set({ aws: [`arn:aws:iam::${A}:user/Alice`] }), user, undefined],
    ['role ARN for its session', set({ aws: [`arn:aws:iam::${A}:role/R`] }), session, 'role'],
    ['session ARN', set({ aws: [session.arn] }), session, 'session'],
    ['other session of the role', set({ aws: [`arn:aws:sts::${A}:assumed-role/R/s2`] }), session, undefined],
    ['federated user ARN', set({ aws: [federated.arn] }), federated, 'federated'],
    ['federating user ARN', set({ aws: [user.arn] }), federated, 'federatingUser'],
    ['anonymous by everyone', set({ everyone: true }), anonymous, 'everyone'],
    ['anonymous by account', set({ aws: [A] }), anonymous, undefined],
    ['service', set({ service: ['ecs.amazonaws.com'] }), service, 'service'],
    ['another service', set({ service: ['ec2.amazonaws.com'] }), service, undefined],
    ['strongest form wins', set({ aws: [A, session.arn] }), session, 'session'],
  ] as const)('names the caller by %s', (_, principal, caller, expected) => {
    expect(principalNames(principal, caller)).toBe(expected)
  })
})

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
describe('notPrincipalExcludes', () => {
  it('excludes a user only when the user and its account are both listed', () => {
    expect(notPrincipalExcludes(set({ aws: [user.arn, `arn:aws:iam::${A}:root`] }), user)).toBe(true)
    expect(notPrincipalExcludes(set({ aws: [user.arn] }), user)).toBe(false)
  })

  it('excludes a session only when the account, the role and the session are listed', () => {
    expect(notPrincipalExcludes(set({ aws: [A, session.roleArn!, session.arn] }), session)).toBe(true)
    expect(notPrincipalExcludes(set({ aws: [A, session.arn] }), session)).toBe(false)
  })

  it('never excludes an anonymous caller by ARN', () => {
    expect(notPrincipalExcludes(set({ aws: [A] }), anonymous)).toBe(false)
  })
})
