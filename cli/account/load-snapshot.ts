/**
 * `--snapshot FILE`: reads an account snapshot (the JSON `aws iam get-account-authorization-details`
 * prints) through core/aws/snapshot, imported only when a snapshot is given, and makes it the run's
 * account resolver.
 * @module
 */
import { resolve } from 'node:path'
import type { SnapshotResolver } from '../../core/aws/snapshot/index.ts'
import type { Issue, Result } from '../../core/policy/index.ts'
import { displayPath } from '../files/find-suite-files.ts'
import { readTextFile } from '../files/load-suite-files.ts'
import type { AccountSource } from './account-problems.ts'

/** An account source over a snapshot resolver (a snapshot file or a live account read) */
export const accountSourceOf = (resolver: SnapshotResolver, label: string): AccountSource => ({
  resolver,
  label,
  explainPrincipal: (arn) => {
    const r = resolver.explainPrincipal(arn)
    return r.ok ? undefined : r.message
  },
  explainManagedPolicy: (arn) => {
    const r = resolver.explainManagedPolicy(arn)
    return r.ok ? undefined : r.message
  },
})

/** Loads a snapshot file (relative to cwd) as an account source; warnings ride along on success */
export const loadAccountSource = async (cwd: string, file: string): Promise<Result<AccountSource>> => {
  const absolute = resolve(cwd, file)
  const shown = displayPath(absolute, cwd)
  const text = readTextFile(absolute)
  if (text === undefined) {
    const issue: Issue = {
      code: 'missing-reference',
      message: `cannot read the account snapshot \`${file}\``,
      path: '',
      file: shown,
      severity: 'error',
    }
    return { ok: false, issues: [issue] }
  }
  const { parseAccountSnapshot, snapshotResolver } = await import('../../core/aws/snapshot/index.ts')
  const parsed = parseAccountSnapshot(text, shown)
  if (!parsed.ok) return { ok: false, issues: parsed.issues.map((i) => ({ ...i, file: i.file ?? shown })) }
  const value = accountSourceOf(snapshotResolver(parsed.value), `snapshot \`${shown}\``)
  return parsed.warnings ? { ok: true, value, warnings: parsed.warnings } : { ok: true, value }
}
