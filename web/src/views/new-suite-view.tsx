/**
 * A new suite: start from the starter, or from a copy of an existing suite (the seeded examples are
 * suites of the team), edit with validation as you type, create.
 * @module
 */
import { useEffect, useState } from 'preact/hooks'
import { ApiError } from '../api/client.ts'
import { createSuite, getSuite, listSuites } from '../api/endpoints.ts'
import { Breadcrumbs, ErrorMessage, PageHeader } from '../components/page-parts.tsx'
import { fromApiIssues, SuiteEditor } from '../components/suite-editor.tsx'
import { renameSuite, STARTER_SUITE } from '../lib/starter-suite.ts'
import type { EditorIssue } from '../lib/suite-validation.ts'
import { useAsync } from '../lib/use-async.ts'
import { useSuiteValidation } from '../lib/use-suite-validation.ts'
import { useTitle } from '../lib/use-title.ts'
import { hrefOf, navigate } from '../router/routes.ts'

/** The new-suite page */
export const NewSuiteView = ({ from }: { from?: string }) => {
  const suites = useAsync(listSuites, [])
  const [source, setSource] = useState(from ?? '')
  const [text, setText] = useState(from ? '' : STARTER_SUITE)
  const [format, setFormat] = useState<'yaml' | 'json'>('yaml')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(undefined)
  const [serverIssues, setServerIssues] = useState<readonly EditorIssue[]>([])
  const validation = useSuiteValidation(text, `new-suite.${format}`, format)
  const hasErrors = validation?.issues.some((i) => i.severity === 'error') ?? true
  useTitle('New suite')

  useEffect(() => {
    if (!source) return
    let live = true
    getSuite(source).then(
      (s) => {
        if (!live) return
        setFormat(s.format)
        setText(renameSuite(s.body, s.format, `${s.id}-copy`))
      },
      (e: unknown) => live && setError(e),
    )
    return () => {
      live = false
    }
  }, [source])

  const create = async (): Promise<void> => {
    setBusy(true)
    setError(undefined)
    try {
      const created = await createSuite(text, format)
      navigate({ name: 'suite', id: created.id })
    } catch (e) {
      if (e instanceof ApiError && e.status === 409)
        setError(
          new ApiError(
            409,
            'conflict',
            `a suite named \`${validation?.suiteId}\` exists already: change \`suite:\``,
          ),
        )
      else if (e instanceof ApiError && e.issues.length > 0) setServerIssues(fromApiIssues(e.issues))
      else setError(e)
      setBusy(false)
    }
  }

  return (
    <>
      <Breadcrumbs
        items={[
          ['Suites', hrefOf({ name: 'suites' })],
          ['New suite', undefined],
        ]}
      />
      <PageHeader
        title="New suite"
        sub="Start from the starter suite or a copy of one of your suites, then make it yours."
        actions={
          <button
            type="button"
            class="btn btn-primary"
            onClick={create}
            disabled={busy || hasErrors}
            title={hasErrors ? 'Fix the errors first' : 'Create the suite (version 1)'}
          >
            {busy ? 'Creating…' : 'Create suite'}
          </button>
        }
      />
      <div class="toolbar">
        <label class="field field-inline">
          <span class="field-label">Start from</span>
          <select
            value={source}
            onChange={(e) => {
              const value = (e.target as HTMLSelectElement).value
              setSource(value)
              if (!value) {
                setFormat('yaml')
                setText(STARTER_SUITE)
              }
            }}
          >
            <option value="">Starter suite</option>
            {(suites.value ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                Copy of {s.id}
              </option>
            ))}
          </select>
        </label>
        {validation?.suiteId && (
          <span class="dim">
            Will be created as <strong class="mono">{validation.suiteId}</strong>
          </span>
        )}
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      <SuiteEditor
        id="new-suite-text"
        label="New suite text"
        value={text}
        onInput={(v) => {
          setText(v)
          setServerIssues([])
        }}
        validation={validation}
        serverIssues={serverIssues}
        onSave={create}
      />
    </>
  )
}
