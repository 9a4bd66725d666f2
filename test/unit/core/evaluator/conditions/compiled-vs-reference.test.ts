// biome-ignore-all lint/suspicious/noTemplateCurlyInString: IAM policy variables are written as ${key}
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  CONDITION_OPERATOR_REGISTRY,
  compileConditionBlock,
  compileConditionTest,
  evaluateConditionBlockReference,
  evaluateConditionTestReference,
} from '../../../../../core/evaluator/conditions/index.ts'
import type { ConditionTestResult } from '../../../../../core/evaluator/conditions/types.ts'
import type { ContextValue, RequestContext } from '../../../../../core/evaluator/types.ts'
import { NO_SPAN } from '../../../../../core/policy/source-node.ts'
import type { ConditionTest, PolicyVersion } from '../../../../../core/policy/types.ts'

/** Values that mean something to several families, plus globs, variables and escapes */
const VALUES = [
  '',
  'a',
  'ab',
  'A',
  'a*',
  '?b',
  '*',
  'x\\y',
  '10',
  '1.5',
  '-3',
  '2024',
  '2024-01-01',
  '2024-01-01T00:00:00Z',
  '1704067200',
  '10.0.0.0/8',
  '10.1.2.3',
  '2001:db8::/32',
  '2001:db8::1',
  'arn:aws:s3:::b/*',
  'arn:aws:s3:::b/x',
  'arn:aws:iam::1:role/a',
  'true',
  'FALSE',
  'YWI=',
  '${k:v}',
  'a${k:v}*',
  "${k:w, 'a'}",
  '${K:MULTI}',
  '${*}',
  'a${?}',
  'arn:aws:s3:::${k:v}/*',
]
const KEYS = ['k:a', 'K:A', 'k:b', 'k:v', 'k:multi']
const CONTEXT_KEYS = ['k:a', 'k:b', 'k:v', 'k:w', 'k:multi']

const operatorName = fc.constantFrom(...CONDITION_OPERATOR_REGISTRY.map((op) => op.name), 'Bogus')

const conditionTestArb: fc.Arbitrary<ConditionTest> = fc
  .record({
    base: operatorName,
    lower: fc.boolean(),
    setOperator: fc.constantFrom(undefined, 'ForAllValues' as const, 'ForAnyValue' as const),
    ifExists: fc.boolean(),
    key: fc.constantFrom(...KEYS),
    values: fc.array(fc.constantFrom(...VALUES), { minLength: 0, maxLength: 3 }),
  })
  .map(({ base, lower, setOperator, ifExists, key, values }) => {
    const baseOperator = lower ? base.toLowerCase() : base
    const operator = `${setOperator ? `${setOperator}:` : ''}${baseOperator}${ifExists ? 'IfExists' : ''}`
    return { operator, baseOperator, setOperator, ifExists, key, values, span: NO_SPAN }
  })

const contextValueArb: fc.Arbitrary<ContextValue | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom(...VALUES).map((v) => ({ values: [v], multi: false })),
  fc.array(fc.constantFrom(...VALUES), { maxLength: 3 }).map((values) => ({ values, multi: true })),
)

const contextArb: fc.Arbitrary<RequestContext> = fc
  .tuple(...CONTEXT_KEYS.map(() => contextValueArb))
  .map((entries) => {
    const map = new Map<string, ContextValue>()
    entries.forEach((value, i) => {
      if (value !== undefined) map.set(CONTEXT_KEYS[i]!, value)
    })
    return map
  })

const versionArb = fc.constantFrom<PolicyVersion>('2012-10-17', '2008-10-17', undefined)

const comparable = (r: ConditionTestResult) => ({
  matched: r.matched,
  missingKey: r.missingKey,
  unresolved: r.unresolvedVariables,
  errors: r.errors.map((e) => e.code),
  messages: r.errors.map((e) => e.message),
})

describe('compiled and reference condition evaluation', () => {
  it('agree on every random test when evaluated against several contexts', () => {
    fc.assert(
      fc.property(
        conditionTestArb,
        fc.array(contextArb, { minLength: 1, maxLength: 4 }),
        versionArb,
        (test, contexts, version) => {
          const compiled = compileConditionTest(test, version)
          for (const context of contexts) {
            const reference = evaluateConditionTestReference(test, context, version, true)
            const plain = compiled(context)
            const traced = compiled(context, true)
            expect(comparable(plain)).toEqual(comparable(reference))
            expect(comparable(traced)).toEqual(comparable(reference))
            expect(traced.detail).toEqual(reference.detail)
          }
        },
      ),
      { numRuns: 3000 },
    )
  })

  it('agree on random blocks when evaluated in every mode', () => {
    fc.assert(
      fc.property(
        fc.array(conditionTestArb, { maxLength: 4 }),
        contextArb,
        versionArb,
        (tests, context, version) => {
          const compiled = compileConditionBlock(tests, version)
          for (const mode of ['short-circuit', 'collect-missing', 'trace'] as const) {
            expect(compiled(context, mode)).toEqual(
              evaluateConditionBlockReference(tests, context, version, mode),
            )
          }
        },
      ),
      { numRuns: 1000 },
    )
  })
})
