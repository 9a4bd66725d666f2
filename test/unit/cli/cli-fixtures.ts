/**
 * Shared fixtures of the CLI unit tests: a loaded suite with two inline policies, check results and a
 * report view around them.
 * @module
 */

import type { ReportView, SkippedCheck } from '../../../cli/format/report-view.ts'
import type { CheckResult, LoadedSuite, RunReport } from '../../../core/suite/index.ts'
import { buildReport, loadSuite } from '../../../core/suite/index.ts'

/** A small suite: `dev` with a policy of two statements, `ops` with a policy of the same name */
export const SUITE_TEXT = `suite: unit
principals:
  dev:
    arn: arn:aws:iam::111122223333:user/dev
    policies:
      - name: base
        document:
          Version: "2012-10-17"
          Statement:
            - Sid: Work
              Effect: Allow
              Action: "s3:*"
              Resource: "*"
            - Sid: NoDelete
              Effect: Deny
              Action: s3:DeleteObject
              Resource: "*"
  ops:
    arn: arn:aws:iam::111122223333:user/ops
    policies:
      - name: base
        document:
          Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Action: "ec2:*"
              Resource: "*"
cases:
  - name: dev reads
    principal: dev
    action: s3:GetObject
    resource: "*"
    expect: allowed
`

/** The suite, loaded */
export const loadUnitSuite = (): LoadedSuite => {
  const loaded = loadSuite(SUITE_TEXT, { fileName: 'suites/unit.iamspec.yaml' })
  if (!loaded.ok) throw new Error(loaded.issues.map((i) => i.message).join('; '))
  return loaded.value
}

/** A check result; the local engine allowed it through `base` statement 0 of `dev` (line 10) */
export const result = (over: Partial<CheckResult> = {}): CheckResult => ({
  suite: 'unit',
  case: 'dev reads',
  principal: 'arn:aws:iam::111122223333:user/dev',
  action: 's3:GetObject',
  resource: 'arn:aws:s3:::data/x',
  expected: 'allowed',
  local: {
    decision: 'allowed',
    matchedStatements: [
      {
        policy: 'base',
        sid: 'Work',
        index: 0,
        effect: 'Allow',
        policyType: 'identity',
        position: { line: 10, column: 15, endLine: 13, endColumn: 28 },
      },
    ],
    missingContextKeys: [],
  },
  status: 'passed',
  divergent: false,
  ...over,
})

/** A report view over results, with a locator that knows `base` #0 and nothing else */
export const view = (
  results: readonly CheckResult[],
  over: Partial<ReportView> & { skipped?: readonly SkippedCheck[] } = {},
): ReportView => {
  const report: RunReport = buildReport(results, over.skipped?.length ?? 0)
  return {
    report,
    judge: 'local',
    explanations: new Map(),
    locate: (_suite, s) =>
      s.policy === 'base' && s.index === 0 ? 'suites/unit.iamspec.yaml:10:15' : undefined,
    suiteFiles: new Map([['unit', 'suites/unit.iamspec.yaml']]),
    skipped: [],
    durationMs: 12,
    suiteDurations: new Map([['unit', 10]]),
    failOnDivergence: false,
    ...over,
  }
}
