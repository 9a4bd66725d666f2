/**
 * A stored suite's editor: edit with validation as you type, save a new version against the version
 * edited (a 409 says someone else saved first and offers to reload), discard, restore an old version.
 * @module
 */
import { useEffect, useState } from 'preact/hooks'
import type { SuiteDetail } from '../api/api-types.ts'
import { ApiError } from '../api/client.ts'
import { getSuite, updateSuite } from '../api/endpoints.ts'
import type { EditorIssue } from '../lib/suite-validation.ts'
import { useSuiteValidation } from '../lib/use-suite-validation.ts'
import { Icon } from './icon.tsx'
import { ErrorMessage } from './page-parts.tsx'
import { fromApiIssues, SuiteEditor } from './suite-editor.tsx'

/** The editor tab: edit, validate, save */
export const EditorPanel = ({
  suite,
  onSaved,
  restored,
}: {
  suite: SuiteDetail
  onSaved: (s: SuiteDetail) => void
  /** An old version's text to put in the editor (from the history tab) */
  restored: { readonly text: string; readonly n: number } | undefined
}) => {
  const [text, setText] = useState(suite.body)
  const [base, setBase] = useState(suite)
  const [saving, setSaving] = useState(false)
  const [conflict, setConflict] = useState(false)
  const [error, setError] = useState<unknown>(undefined)
  const [serverIssues, setServerIssues] = useState<readonly EditorIssue[]>([])
  const [notice, setNotice] = useState<string | undefined>(undefined)
  const fileName = `${suite.id}.${suite.format}`
  const validation = useSuiteValidation(text, fileName, suite.format)
  const dirty = text !== base.body
  const hasErrors = validation?.issues.some((i) => i.severity === 'error') ?? false

  useEffect(() => {
    if (restored) setText(restored.text)
  }, [restored])

  const save = async (): Promise<void> => {
    if (!dirty || saving || hasErrors) return
    setSaving(true)
    setError(undefined)
    setNotice(undefined)
    try {
      const saved = await updateSuite(suite.id, base.version, text)
      setBase(saved)
      setText(saved.body)
      setServerIssues([])
      setConflict(false)
      setNotice(`Saved as version ${saved.version}.`)
      onSaved(saved)
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) setConflict(true)
      else if (e instanceof ApiError && e.issues.length > 0) setServerIssues(fromApiIssues(e.issues))
      else setError(e)
    } finally {
      setSaving(false)
    }
  }

  const reload = async (): Promise<void> => {
    try {
      const latest = await getSuite(suite.id)
      setBase(latest)
      setText(latest.body)
      setConflict(false)
      setServerIssues([])
      setNotice(`Loaded version ${latest.version}.`)
      onSaved(latest)
    } catch (e) {
      setError(e)
    }
  }

  return (
    <>
      {conflict && (
        <div class="alert alert-warn" role="alert">
          <Icon name="warn" />
          <strong>Someone else saved this suite first.</strong> You edited version {base.version}, which is no
          longer the latest. Reload the latest version (your edits here are replaced), or copy your changes
          first.
          <div class="alert-actions">
            <button type="button" class="btn btn-small" onClick={reload}>
              Reload latest version
            </button>
            <button type="button" class="btn btn-small btn-quiet" onClick={() => setConflict(false)}>
              Keep editing
            </button>
          </div>
        </div>
      )}
      {error ? <ErrorMessage error={error} /> : null}
      <div class="save-bar">
        <span class="dim">
          Editing version {base.version}
          {dirty ? (
            <strong class="unsaved">
              {' '}
              · <span aria-hidden="true">●</span> unsaved changes
            </strong>
          ) : null}
        </span>
        {notice && !dirty && (
          <span class="save-notice" role="status">
            <Icon name="check" />
            {notice}
          </span>
        )}
        <span class="save-actions">
          {dirty && (
            <button type="button" class="btn btn-quiet" onClick={() => setText(base.body)}>
              Discard changes
            </button>
          )}
          <button
            type="button"
            class="btn btn-primary"
            onClick={save}
            disabled={!dirty || saving || hasErrors}
            title={hasErrors ? 'Fix the errors before saving' : 'Save a new version (Ctrl+S)'}
          >
            {saving ? 'Saving…' : `Save as version ${base.version + 1}`}
          </button>
        </span>
      </div>
      <SuiteEditor
        id="suite-text"
        label={`Suite ${suite.id}, ${suite.format.toUpperCase()}`}
        value={text}
        onInput={(v) => {
          setText(v)
          setServerIssues([])
        }}
        validation={validation}
        serverIssues={serverIssues}
        onSave={save}
      />
    </>
  )
}
