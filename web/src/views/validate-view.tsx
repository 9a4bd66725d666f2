/**
 * Validate without storing: paste a suite, or propose a policy for one principal of a stored suite
 * (the what-if check of a pull request), and see the run report (POST /validate).
 * @module
 */
import { useEffect, useMemo, useState } from 'preact/hooks'
import type { RunReport } from '../api/api-types.ts'
import { ApiError } from '../api/client.ts'
import { getSuite, listSuites, validateBody, validateReplace } from '../api/endpoints.ts'
import { Icon } from '../components/icon.tsx'
import { ErrorMessage, PageHeader } from '../components/page-parts.tsx'
import { ResultsTable } from '../components/results-table.tsx'
import { fromApiIssues, SuiteEditor } from '../components/suite-editor.tsx'
import { SummaryStats } from '../components/summary-stats.tsx'
import { TabPanel, Tabs } from '../components/tabs.tsx'
import { STARTER_SUITE } from '../lib/starter-suite.ts'
import type { EditorIssue } from '../lib/suite-validation.ts'
import { useAsync } from '../lib/use-async.ts'
import { loadValidator, useSuiteValidation } from '../lib/use-suite-validation.ts'
import { useTitle } from '../lib/use-title.ts'

type Mode = 'suite' | 'policy'

const Report = ({ report }: { report: RunReport }) => {
  const [onlyProblems, setOnlyProblems] = useState(false)
  const indexes = useMemo(
    () =>
      report.results
        .map((r, i) => [r, i] as const)
        .filter(([r]) => !onlyProblems || r.status !== 'passed' || r.divergent)
        .map(([, i]) => i),
    [report, onlyProblems],
  )
  return (
    <section class="section" aria-labelledby="report-title" aria-live="polite">
      <div class="section-head">
        <h2 id="report-title">Report (not stored)</h2>
        <label class="check-label">
          <input
            type="checkbox"
            checked={onlyProblems}
            onChange={(e) => setOnlyProblems((e.target as HTMLInputElement).checked)}
          />{' '}
          Only failed, divergent and error checks
        </label>
      </div>
      <SummaryStats summary={report.summary} />
      <ResultsTable
        results={report.results}
        indexes={indexes}
        label="Checks of the validation"
        maxHeight="60vh"
      />
    </section>
  )
}

const SuiteMode = ({ onReport }: { onReport: (r: RunReport | undefined) => void }) => {
  const [text, setText] = useState(STARTER_SUITE)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(undefined)
  const [serverIssues, setServerIssues] = useState<readonly EditorIssue[]>([])
  const validation = useSuiteValidation(text, 'pasted-suite.yaml')
  const run = async (): Promise<void> => {
    setBusy(true)
    setError(undefined)
    onReport(undefined)
    try {
      onReport(await validateBody(text))
    } catch (e) {
      if (e instanceof ApiError && e.issues.length > 0) setServerIssues(fromApiIssues(e.issues))
      else setError(e)
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <p class="dim">Paste a suite (YAML or JSON). It runs like a stored suite but nothing is saved.</p>
      {error ? <ErrorMessage error={error} /> : null}
      <SuiteEditor
        id="validate-text"
        label="Suite to validate"
        value={text}
        onInput={(v) => {
          setText(v)
          setServerIssues([])
        }}
        validation={validation}
        serverIssues={serverIssues}
        rows={18}
      />
      <div class="form-actions">
        <button type="button" class="btn btn-primary" onClick={run} disabled={busy || !text.trim()}>
          {busy ? 'Running…' : 'Validate and run'}
        </button>
      </div>
    </>
  )
}

const jsonProblem = (text: string): string | undefined => {
  if (!text.trim()) return 'paste a policy document'
  try {
    const value: unknown = JSON.parse(text)
    return value && typeof value === 'object' && !Array.isArray(value)
      ? undefined
      : 'a policy document is a JSON object'
  } catch (e) {
    return e instanceof Error ? e.message : String(e)
  }
}

const POLICY_PLACEHOLDER = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*" }
  ]
}`

const PolicyMode = ({ onReport }: { onReport: (r: RunReport | undefined) => void }) => {
  const suites = useAsync(listSuites, [])
  const [suiteId, setSuiteId] = useState('')
  const [principals, setPrincipals] = useState<readonly string[]>([])
  const [principal, setPrincipal] = useState('')
  const [name, setName] = useState('')
  const [document, setDocument] = useState(POLICY_PLACEHOLDER)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(undefined)
  const problem = jsonProblem(document)

  useEffect(() => {
    if (!suiteId) return
    let live = true
    Promise.all([getSuite(suiteId), loadValidator()]).then(
      ([suite, v]) => {
        if (!live) return
        const found =
          v.validateSuiteText(suite.body, `${suite.id}.${suite.format}`, suite.format).principals ?? []
        setPrincipals(found)
        setPrincipal(found[0] ?? '')
      },
      (e: unknown) => live && setError(e),
    )
    return () => {
      live = false
    }
  }, [suiteId])

  const run = async (event: Event): Promise<void> => {
    event.preventDefault()
    if (!suiteId || !principal || problem) return
    setBusy(true)
    setError(undefined)
    onReport(undefined)
    try {
      const proposed = {
        ...(name.trim() ? { name: name.trim() } : {}),
        document: JSON.parse(document) as unknown,
      }
      onReport(await validateReplace(suiteId, { [principal]: [proposed] }))
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form onSubmit={run} class="stack">
      <p class="dim">
        Run a stored suite with one principal’s policies replaced by a proposed document: what would change if
        this policy were merged?
      </p>
      {error ? <ErrorMessage error={error} /> : null}
      <div class="toolbar">
        <label class="field field-inline">
          <span class="field-label">Suite</span>
          <select
            value={suiteId}
            onChange={(e) => setSuiteId((e.target as HTMLSelectElement).value)}
            required
          >
            <option value="">Choose a suite</option>
            {(suites.value ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.id}
              </option>
            ))}
          </select>
        </label>
        <label class="field field-inline">
          <span class="field-label">Principal</span>
          <select
            value={principal}
            onChange={(e) => setPrincipal((e.target as HTMLSelectElement).value)}
            disabled={principals.length === 0}
            required
          >
            {principals.length === 0 && <option value="">Choose a suite first</option>}
            {principals.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <label class="field field-inline field-grow">
          <span class="field-label">Policy name</span>
          <input
            type="text"
            placeholder="optional"
            value={name}
            onInput={(e) => setName((e.target as HTMLInputElement).value)}
          />
        </label>
      </div>
      <label class="field">
        <span class="field-label">
          Proposed policy document (JSON): replaces all of the principal’s policies
        </span>
        <textarea
          class="code-input"
          rows={12}
          spellcheck={false}
          value={document}
          onInput={(e) => setDocument((e.target as HTMLTextAreaElement).value)}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby="policy-problem"
        />
      </label>
      <p id="policy-problem" class={problem ? 'inline-error' : 'dim small'}>
        {problem ? (
          <>
            <Icon name="cross" />
            {problem}
          </>
        ) : (
          <>
            <Icon name="check" />
            valid JSON
          </>
        )}
      </p>
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={busy || !suiteId || !principal || !!problem}>
          {busy ? 'Running…' : 'Run with this policy'}
        </button>
      </div>
    </form>
  )
}

/** The validate page */
export const ValidateView = () => {
  const [mode, setMode] = useState<Mode>('suite')
  const [report, setReport] = useState<RunReport | undefined>(undefined)
  useTitle('Validate')
  return (
    <>
      <PageHeader
        title="Validate"
        sub="Try a suite or a proposed policy and see the report. Nothing is stored."
      />
      <Tabs
        id="validate"
        label="What to validate"
        current={mode}
        onChange={(m) => {
          setMode(m)
          setReport(undefined)
        }}
        tabs={[
          { key: 'suite', label: 'A suite' },
          { key: 'policy', label: 'A proposed policy' },
        ]}
      />
      <TabPanel id="validate" current={mode}>
        {mode === 'suite' ? <SuiteMode onReport={setReport} /> : <PolicyMode onReport={setReport} />}
      </TabPanel>
      {report && <Report report={report} />}
    </>
  )
}
