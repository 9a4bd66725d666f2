/**
 * A suite: its text in an editor that validates as you type, saving a new version against the
 * version edited (409: someone saved first); its runs, newest first; its version history with diffs;
 * and the Run button.
 * @module
 */
import { useEffect, useState } from 'preact/hooks'
import { deleteSuite, getSuite, listRuns, listVersions } from '../api/endpoints.ts'
import { Breadcrumbs, ErrorMessage, errorText, Loading, PageHeader } from '../components/page-parts.tsx'
import { RunControls } from '../components/run-controls.tsx'
import { RunsTable } from '../components/runs-table.tsx'
import { EditorPanel } from '../components/suite-editor-panel.tsx'
import { TabPanel, Tabs } from '../components/tabs.tsx'
import { VersionHistory } from '../components/version-history.tsx'
import { useAsync } from '../lib/use-async.ts'
import { useTitle } from '../lib/use-title.ts'
import { hrefOf, navigate } from '../router/routes.ts'

type Tab = 'editor' | 'runs' | 'history'

/** The suite page */
export const SuiteView = ({ id }: { id: string }) => {
  const suite = useAsync(() => getSuite(id), [id])
  const [tab, setTab] = useState<Tab>('editor')
  const [restored, setRestored] = useState<{ text: string; n: number } | undefined>(undefined)
  const runs = useAsync(() => listRuns(id, 50), [id])
  const versions = useAsync(() => listVersions(id), [id, suite.value?.version])
  useTitle(id)

  useEffect(() => {
    if (tab === 'runs') runs.reload()
  }, [tab, runs.reload])

  if (suite.error && !suite.value) return <ErrorMessage error={suite.error} retry={suite.reload} />
  if (!suite.value) return <Loading what="the suite" />
  const s = suite.value

  const remove = async (): Promise<void> => {
    if (!window.confirm(`Delete suite ${s.id} with all its versions? Its runs stay readable by link.`)) return
    try {
      await deleteSuite(s.id)
      navigate({ name: 'suites' })
    } catch (e) {
      window.alert(errorText(e))
    }
  }

  return (
    <>
      <Breadcrumbs
        items={[
          ['Suites', hrefOf({ name: 'suites' })],
          [s.id, undefined],
        ]}
      />
      <PageHeader
        title={
          <>
            {s.id} <span class="version-badge">v{s.version}</span>
          </>
        }
        sub={
          <>
            {s.description && <p class="page-desc">{s.description}</p>}
            {s.tags.length > 0 && (
              <span class="tags">
                {s.tags.map((t) => (
                  <span key={t} class="tag">
                    {t}
                  </span>
                ))}
              </span>
            )}
          </>
        }
        actions={
          <>
            <RunControls id={s.id} />
            <a class="btn" href={hrefOf({ name: 'trends', id: s.id })}>
              Trends
            </a>
            <a class="btn" href={hrefOf({ name: 'new-suite', from: s.id })}>
              Duplicate
            </a>
            <button type="button" class="btn btn-danger-quiet" onClick={remove}>
              Delete
            </button>
          </>
        }
      />
      <Tabs
        id="suite"
        label="Suite sections"
        current={tab}
        onChange={setTab}
        tabs={[
          { key: 'editor', label: 'Definition' },
          {
            key: 'runs',
            label: <>Runs {runs.value && <span class="count-badge">{runs.value.length}</span>}</>,
          },
          {
            key: 'history',
            label: (
              <>
                History <span class="count-badge">{s.version}</span>
              </>
            ),
          },
        ]}
      />
      <TabPanel id="suite" current={tab}>
        <div hidden={tab !== 'editor'}>
          <EditorPanel suite={s} onSaved={(saved) => suite.set(saved)} restored={restored} />
        </div>
        {tab === 'runs' &&
          (runs.error ? (
            <ErrorMessage error={runs.error} retry={runs.reload} />
          ) : runs.value ? (
            <RunsTable runs={runs.value} />
          ) : (
            <Loading what="runs" />
          ))}
        {tab === 'history' &&
          (versions.error ? (
            <ErrorMessage error={versions.error} retry={versions.reload} />
          ) : versions.value ? (
            <VersionHistory
              key={versions.value[0]?.version}
              versions={versions.value}
              onRestore={(v) => {
                setTab('editor')
                setRestored((r) => ({ text: v.body, n: (r?.n ?? 0) + 1 }))
              }}
            />
          ) : (
            <Loading what="versions" />
          ))}
      </TabPanel>
    </>
  )
}
