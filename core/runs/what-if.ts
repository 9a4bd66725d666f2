/**
 * The what-if of `POST /validate` (pure): a stored suite with some principals' identity policies
 * replaced by proposed documents. The proposed nodes keep their spans, so issues in them point into
 * the request body, under the path `replace.<principal>[i]…`.
 * @module
 */
import type { Issue, Result, SourceEntry, SourceNode } from '../policy/index.ts'
import { formatPath, type LoadedSuite, loadSuiteNode } from '../suite/index.ts'

const entryOf = (node: SourceNode | undefined, key: string): SourceEntry | undefined =>
  node?.kind === 'object' ? node.entries.findLast((e) => e.key === key) : undefined

/** Returns an object node with one member set (replaced in place, or appended) */
const withMember = (node: SourceNode & { kind: 'object' }, key: string, value: SourceNode): SourceNode => {
  const at = node.entries.findLastIndex((e) => e.key === key)
  const entries =
    at < 0
      ? [...node.entries, { key, keySpan: value.span, value }]
      : node.entries.map((e, i) => (i === at ? { ...e, value } : e))
  return { ...node, entries }
}

const issue = (code: Issue['code'], message: string, path: string, span: SourceNode['span']): Issue => ({
  code,
  message,
  path,
  span,
  severity: 'error',
})

/** Moves issues inside a replaced principal's policies to the request's `replace.<name>` path */
const relocate = (issues: readonly Issue[], names: readonly string[], suiteFile: string): Issue[] =>
  issues.map((i) => {
    for (const name of names) {
      const from = formatPath(['principals', name, 'policies'])
      if (i.path === from || i.path.startsWith(`${from}[`) || i.path.startsWith(`${from}.`)) {
        const { file: _file, ...rest } = i
        return { ...rest, path: formatPath(['replace', name]) + i.path.slice(from.length) }
      }
    }
    return i.file ? i : { ...i, file: suiteFile }
  })

/**
 * Loads `suiteRoot` (a stored suite's tree) with the principals named in `replace` (an object node of
 * principal name -> list of policy references) given those policies instead of their own
 */
export const loadWithReplacedPolicies = (
  suiteRoot: SourceNode,
  replace: SourceNode,
  suiteFile: string,
): Result<LoadedSuite> => {
  if (replace.kind !== 'object') {
    return {
      ok: false,
      issues: [issue('wrong-type', 'expected a mapping of principal names', 'replace', replace.span)],
    }
  }
  const principals = entryOf(suiteRoot, 'principals')
  if (suiteRoot.kind !== 'object' || principals?.value.kind !== 'object') {
    return {
      ok: false,
      issues: [issue('unknown-principal', 'the suite has no principals', 'replace', replace.span)],
    }
  }
  const problems: Issue[] = []
  let principalsNode: SourceNode = principals.value
  for (const { key, keySpan, value } of replace.entries) {
    const principal = entryOf(principalsNode, key)
    if (principal?.value.kind !== 'object') {
      problems.push(
        issue(
          'unknown-principal',
          `the suite has no principal \`${key}\``,
          formatPath(['replace', key]),
          keySpan,
        ),
      )
      continue
    }
    if (value.kind !== 'array') {
      problems.push(
        issue('wrong-type', 'expected a list of policies', formatPath(['replace', key]), value.span),
      )
      continue
    }
    principalsNode = withMember(
      principalsNode as SourceNode & { kind: 'object' },
      key,
      withMember(principal.value, 'policies', value),
    )
  }
  if (problems.length > 0) return { ok: false, issues: problems }
  const root = withMember(suiteRoot, 'principals', principalsNode)
  const loaded = loadSuiteNode(root, { fileName: suiteFile })
  if (loaded.ok) return loaded
  return {
    ok: false,
    issues: relocate(
      loaded.issues,
      replace.entries.map((e) => e.key),
      suiteFile,
    ),
  }
}
