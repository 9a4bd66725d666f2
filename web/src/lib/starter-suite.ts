/**
 * The text a new suite starts from, and renaming a copied suite.
 * @module
 */

/** A small, complete suite to start from */
export const STARTER_SUITE = `suite: my-first-suite
description: Report readers read the reports bucket and never change it
tags: [s3, example]

principals:
  reader:
    arn: arn:aws:iam::111122223333:role/ReportReader
    policies:
      - name: read-reports
        document:
          Version: "2012-10-17"
          Statement:
            - Sid: ReadReports
              Effect: Allow
              Action: [s3:GetObject, s3:ListBucket]
              Resource: [arn:aws:s3:::reports, arn:aws:s3:::reports/*]

cases:
  - name: reader can read a report
    principal: reader
    action: s3:GetObject
    resource: arn:aws:s3:::reports/2026/q1.csv
    expect: allowed

  - name: reader can never write or delete
    principal: reader
    actions: [s3:PutObject, s3:DeleteObject]
    resource: arn:aws:s3:::reports/2026/q1.csv
    expect: denied
`

/** Gives suite text a new id: the top-level `suite:` line of YAML, or the `suite` member of JSON */
export const renameSuite = (text: string, format: 'yaml' | 'json', id: string): string => {
  if (format === 'json') {
    try {
      const value = JSON.parse(text) as Record<string, unknown>
      return `${JSON.stringify({ ...value, suite: id }, null, 2)}\n`
    } catch {
      return text
    }
  }
  return /^suite:[^\n]*$/m.test(text)
    ? text.replace(/^suite:[^\n]*$/m, `suite: ${id}`)
    : `suite: ${id}\n${text}`
}
