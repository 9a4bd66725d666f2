/**
 * The header: the product, the main places, who is signed in and signing out.
 * @module
 */
import { signOut, tokenLabel } from '../auth/session.ts'
import type { Route } from '../router/routes.ts'

/** The product's mark */
export const BrandMark = () => (
  <svg class="brand-mark" viewBox="0 0 26 26" width="26" height="26" aria-hidden="true" focusable="false">
    <rect width="26" height="26" rx="7" fill="#2f5bd3" />
    <path d="M13 5.5l7.5 7.5-7.5 7.5-7.5-7.5z" fill="none" stroke="#fff" stroke-width="2.4" />
    <path d="M13 10.5l2.5 2.5-2.5 2.5-2.5-2.5z" fill="#fff" />
  </svg>
)

const isSuites = (route: Route): boolean =>
  ['suites', 'suite', 'trends', 'new-suite', 'run', 'check'].includes(route.name)

/** The top bar of every signed-in page */
export const AppHeader = ({ route, token, team }: { route: Route; token: string; team?: string }) => (
  <header class="app-header">
    <a class="skip-link" href="#main">
      Skip to content
    </a>
    <a class="brand" href="#/suites" aria-label="iamspec home">
      <BrandMark />
      iamspec
    </a>
    <nav class="main-nav" aria-label="Main">
      <a href="#/suites" aria-current={isSuites(route) ? 'page' : undefined}>
        Suites
      </a>
      <a href="#/validate" aria-current={route.name === 'validate' ? 'page' : undefined}>
        Validate
      </a>
    </nav>
    <div class="header-team">
      <span class="team" title="The team your token belongs to">
        <span class="team-avatar" aria-hidden="true">
          {(team ?? 'T').slice(0, 1).toUpperCase()}
        </span>
        <span class="team-text">
          <span class="team-name">{team ?? 'Team'}</span>
          <span class="team-token mono">{tokenLabel(token)}</span>
        </span>
      </span>
      <button type="button" class="btn btn-quiet" onClick={() => signOut()}>
        Sign out
      </button>
    </div>
  </header>
)
