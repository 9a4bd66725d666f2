/**
 * The suite file schema (suite-format.md, v1) in zod: strict objects, so unknown keys are errors.
 * The published JSON Schema is generated from it (see json-schema.ts).
 * @module
 */
import { z } from 'zod'

/** Passed in a custom issue's `params` to pick the Issue code the loader reports */
export interface CustomIssueParams {
  readonly issueCode: 'conflicting-elements' | 'missing-element' | 'invalid-value'
}

/** A suite id: lowercase letters, digits and `-` */
export const suiteIdSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]*$/,
    'a suite id (lowercase letters, digits and `-`, starting with a letter or digit)',
  )
  .max(128)

/** A name of a principal, group or resource in the suite */
export const nameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@+=,-]*$/, 'a name (letters, digits and `._@+=,-`)')
  .max(128)

/** A 12-digit AWS account id (quote it in YAML so leading zeros survive) */
export const accountSchema = z.string().regex(/^\d{12}$/, 'a 12-digit account id (a quoted string in YAML)')

/** Tags: key to value, both strings */
export const tagsSchema = z.record(z.string().min(1).max(128), z.string().max(256))

/** A principal's ARN (user, role, assumed-role or federated-user session, account root) or `anonymous` */
export const principalArnSchema = z
  .string()
  .regex(
    /^(anonymous|arn:[a-z-]+:(iam|sts)::\d{12}:.+)$/,
    'a principal ARN (`arn:aws:iam::…`, `arn:aws:sts::…`) or `anonymous`',
  )

/** A resource ARN or `*` */
export const resourceArnSchema = z
  .string()
  .regex(/^(\*|arn:[^:]*:[^:]*:[^:]*:[^:]*:.*)$/, 'a resource ARN or `*`')

/** An action as a request names it: `service:Action`, no wildcards */
export const actionSchema = z
  .string()
  .regex(/^[A-Za-z0-9-]+:[A-Za-z0-9]+$/, 'an action (`service:Action`, no wildcards)')

/** An STS role session name */
export const sessionNameSchema = z
  .string()
  .regex(/^[\w+=,.@-]{2,64}$/, 'a session name (2-64 characters of `\\w+=,.@-`)')

/** A policy reference: an inline document, a file (CLI only) or a managed policy ARN */
export const policyReferenceSchema = z
  .union(
    [
      z.strictObject({
        name: z.string().min(1).max(128).optional(),
        document: z
          .union([z.record(z.string(), z.unknown()), z.string()], {
            error: 'a policy document (a mapping, or its JSON text)',
          })
          .describe('an IAM policy document (or its JSON text)'),
      }),
      z.strictObject({ file: z.string().min(1).describe('a path relative to the suite file') }),
      z.strictObject({ arn: z.string().regex(/^arn:/, 'a managed policy ARN') }),
    ],
    { error: 'a policy reference (`{ name?, document }`, `{ file }` or `{ arn }`)' },
  )
  .meta({ id: 'PolicyReference' })

/** The value types a context value can be forced to (ContextKeyType values, plus arn) */
export const contextTypeNames = [
  'string',
  'stringList',
  'numeric',
  'numericList',
  'date',
  'dateList',
  'boolean',
  'booleanList',
  'ip',
  'ipList',
  'binary',
  'binaryList',
  'arn',
  'arnList',
] as const

const contextScalarSchema = z.union([z.string(), z.number(), z.boolean()], {
  error: 'a string, number or boolean',
})

/** A context value with a forced type: `{ type: ip, value: "10.0.0.0" }` */
export const typedContextValueSchema = z.strictObject({
  type: z.enum(contextTypeNames),
  value: z.union([contextScalarSchema, z.array(contextScalarSchema)], {
    error: 'a string, number or boolean, or a list of them',
  }),
})

/** A context value: a string, number or boolean, a list of them, or a typed value */
export const contextValueSchema = z
  .union([contextScalarSchema, z.array(contextScalarSchema), typedContextValueSchema], {
    error: 'a context value (a string, number, boolean, a list of them, or `{ type, value }`)',
  })
  .meta({ id: 'ContextValue' })

/** A condition key: `service:name`, tag keys included (`aws:PrincipalTag/team`) */
export const contextKeySchema = z.string().regex(/^[A-Za-z0-9-]+:.+$/, 'a condition key (`service:name`)')

/** The suite-level request context */
export const contextSchema = z.record(contextKeySchema, contextValueSchema)

/** A case or hop context: like the suite context, and `null` removes a key the suite context set */
export const caseContextSchema = z.record(
  contextKeySchema,
  z.union([contextValueSchema, z.null()], {
    error: 'a context value (a string, number, boolean, a list of them, `{ type, value }`, or null)',
  }),
)

/** A principal the cases can name */
export const principalSchema = z.strictObject({
  arn: principalArnSchema,
  policies: z.array(policyReferenceSchema).optional(),
  permissionsBoundary: policyReferenceSchema.optional(),
  sessionPolicy: policyReferenceSchema.optional(),
  groups: z.array(nameSchema).optional(),
  tags: tagsSchema.optional(),
  trustPolicy: policyReferenceSchema.optional(),
  sessionName: sessionNameSchema.optional(),
  sessionTags: tagsSchema.optional(),
  federatedFrom: z
    .string()
    .regex(/^arn:[a-z-]+:iam::\d{12}:user\/.+$/, 'an IAM user ARN')
    .optional(),
})

/** A group: its policies are added to the identity policies of its member users */
export const groupSchema = z.strictObject({ policies: z.array(policyReferenceSchema) })

/** A resource fixture: owner account, resource-based policy and tags */
export const resourceSchema = z.strictObject({
  arn: resourceArnSchema,
  account: accountSchema.optional(),
  policy: policyReferenceSchema.optional(),
  tags: tagsSchema.optional(),
})

/** One level of SCPs or RCPs (the root, an OU, the account) */
export const organizationLevelSchema = z.strictObject({
  level: z.string().min(1),
  policies: z.array(policyReferenceSchema),
})

/** SCPs and RCPs, root first, and the accounts they apply to */
export const organizationSchema = z.strictObject({
  scps: z.array(organizationLevelSchema).optional(),
  rcps: z.array(organizationLevelSchema).optional(),
  accounts: z.array(accountSchema).optional(),
  managementAccount: accountSchema.optional(),
})

/** One sts:AssumeRole hop of a role chain */
export const viaHopSchema = z.strictObject({
  role: z.string().min(1),
  sessionName: sessionNameSchema.optional(),
  context: caseContextSchema.optional(),
  sessionTags: tagsSchema.optional(),
  transitiveTagKeys: z.array(z.string().min(1)).optional(),
  sourceIdentity: z.string().min(2).max(64).optional(),
})

/** What a case expects */
export const expectationSchema = z.enum(['allowed', 'denied', 'explicitDeny', 'implicitDeny'])

/** One case: a principal, actions, resources, context and the expected decision */
export const caseSchema = z
  .strictObject({
    name: z.string().min(1),
    principal: z.string().min(1),
    action: actionSchema.optional(),
    actions: z.array(actionSchema).min(1).optional(),
    resource: resourceArnSchema.optional(),
    resources: z.array(resourceArnSchema).min(1).optional(),
    context: caseContextSchema.optional(),
    via: z.array(viaHopSchema).optional(),
    expect: expectationSchema,
    skip: z.union([z.string(), z.boolean()], { error: 'a reason (text) or a boolean' }).optional(),
    only: z.boolean().optional(),
    tags: z.array(z.string()).optional(),
  })
  .superRefine(
    (c, ctx) => {
      if (typeof c !== 'object' || c === null) return
      for (const [one, many] of [
        ['action', 'actions'],
        ['resource', 'resources'],
      ] as const) {
        const count = (c[one] === undefined ? 0 : 1) + (c[many] === undefined ? 0 : 1)
        if (count === 1) continue
        const params: CustomIssueParams = {
          issueCode: count === 0 ? 'missing-element' : 'conflicting-elements',
        }
        const message =
          count === 0
            ? `a case needs \`${one}\` or \`${many}\``
            : `a case takes \`${one}\` or \`${many}\`, not both`
        ctx.addIssue({ code: 'custom', params, message })
      }
    },
    // run even when other keys of the case have problems, so every issue is reported at once
    { when: () => true },
  )

/** A whole suite file */
export const suiteSchema = z
  .strictObject({
    $schema: z.string().optional(),
    suite: suiteIdSchema,
    description: z.string().optional(),
    tags: z.array(z.string()).optional(),
    context: contextSchema.optional(),
    principals: z.record(nameSchema, principalSchema).optional(),
    groups: z.record(nameSchema, groupSchema).optional(),
    resources: z.record(nameSchema, resourceSchema).optional(),
    organization: organizationSchema.optional(),
    cases: z.array(caseSchema).min(1),
  })
  .meta({ title: 'iamspec policy test suite', description: 'A suite of IAM policy test cases (format v1)' })
