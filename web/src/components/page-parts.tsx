/**
 * Pieces every view uses: breadcrumbs, the page title row, loading and error states.
 * @module
 */
import type { ComponentChildren } from 'preact'
import { ApiError } from '../api/client.ts'
import { Icon } from './icon.tsx'

/** A trail of links ending at the current page */
export const Breadcrumbs = ({ items }: { items: readonly (readonly [string, string | undefined])[] }) => (
  <nav aria-label="Breadcrumb" class="crumbs">
    <ol>
      {items.map(([label, href], i) => (
        <li key={`${i}-${label}`}>
          {href && i < items.length - 1 ? (
            <a href={href}>{label}</a>
          ) : (
            <span aria-current={i === items.length - 1 ? 'page' : undefined}>{label}</span>
          )}
        </li>
      ))}
    </ol>
  </nav>
)

/** The title row of a page, with actions on the right */
export const PageHeader = ({
  title,
  sub,
  actions,
}: {
  title: ComponentChildren
  sub?: ComponentChildren
  actions?: ComponentChildren
}) => (
  <div class="page-header">
    <div class="page-title">
      <h1>{title}</h1>
      {sub && <div class="page-sub">{sub}</div>}
    </div>
    {actions && <div class="page-actions">{actions}</div>}
  </div>
)

/** A loading placeholder that announces itself */
export const Loading = ({ what }: { what: string }) => (
  <p class="loading" role="status">
    <span class="spinner" aria-hidden="true" /> Loading {what}…
  </p>
)

/** The text of an error for people */
export const errorText = (error: unknown): string => {
  if (error instanceof ApiError) {
    if (error.status === 404) return 'Not found: it does not exist, or it belongs to another team.'
    if (error.status === 401) return 'Your token was not accepted (401). Sign in again.'
    return `${error.message}${error.status ? ` (${error.status} ${error.code})` : ''}`
  }
  return error instanceof Error ? error.message : String(error)
}

/** An error box with an optional retry */
export const ErrorMessage = ({ error, retry }: { error: unknown; retry?: () => void }) => (
  <div class="alert alert-bad" role="alert">
    <Icon name="error" />
    {errorText(error)}
    {error instanceof ApiError && error.issues.length > 0 && (
      <ul class="issue-list">
        {error.issues.map((issue, i) => (
          <li key={i}>
            {issue.line ? (
              <span class="mono">
                {issue.line}:{issue.column ?? 1}{' '}
              </span>
            ) : null}
            {issue.path && <span class="mono dim">{issue.path}: </span>}
            {issue.message}
          </li>
        ))}
      </ul>
    )}
    {retry && (
      <button type="button" class="btn btn-small" onClick={retry}>
        Try again
      </button>
    )}
  </div>
)
