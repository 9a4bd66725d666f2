/**
 * The dashboard shell: the sign-in gate, the header and the view of the current hash route.
 * Heavy views (the suite editor, the check view with the evaluator, the charts) load on demand.
 * @module
 */
import { useEffect, useRef } from 'preact/hooks'
import { getMe } from './api/endpoints.ts'
import { useSession } from './auth/session.ts'
import { AppHeader } from './components/app-header.tsx'
import { PageHeader } from './components/page-parts.tsx'
import { lazyView } from './lib/lazy-view.tsx'
import { useAsync } from './lib/use-async.ts'
import type { Route } from './router/routes.ts'
import { useRoute } from './router/use-route.ts'
import { RunView } from './views/run-view.tsx'
import { SignInView } from './views/sign-in-view.tsx'
import { SuitesView } from './views/suites-view.tsx'

const SuiteView = lazyView(() => import('./views/suite-view.tsx').then((m) => m.SuiteView), 'the suite')
const NewSuiteView = lazyView(
  () => import('./views/new-suite-view.tsx').then((m) => m.NewSuiteView),
  'the editor',
)
const CheckView = lazyView(() => import('./views/check-view.tsx').then((m) => m.CheckView), 'the check')
const TrendsView = lazyView(() => import('./views/trends-view.tsx').then((m) => m.TrendsView), 'trends')
const ValidateView = lazyView(
  () => import('./views/validate-view.tsx').then((m) => m.ValidateView),
  'validation',
)

const viewOf = (route: Route) => {
  switch (route.name) {
    case 'suites':
      return <SuitesView />
    case 'suite':
      return <SuiteView id={route.id} />
    case 'trends':
      return <TrendsView id={route.id} />
    case 'new-suite':
      return <NewSuiteView from={route.from} />
    case 'run':
      return <RunView id={route.id} />
    case 'check':
      return <CheckView runId={route.runId} n={route.n} />
    case 'validate':
      return <ValidateView />
    case 'not-found':
      return (
        <PageHeader
          title="Page not found"
          sub={
            <>
              Nothing lives at <code>{route.hash || '/'}</code>. <a href="#/suites">Go to the suites</a>.
            </>
          }
        />
      )
  }
}

/** The whole dashboard */
export const App = () => {
  const { token, notice } = useSession()
  const route = useRoute()
  const main = useRef<HTMLElement>(null)
  const first = useRef(true)
  const key = window.location.hash.split('?')[0] ?? ''
  // The header names the token's team; until it is known (or if it cannot be) it says "Team"
  const me = useAsync(() => (token ? getMe() : Promise.resolve(undefined)), [token])

  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    window.scrollTo(0, 0)
    main.current?.focus({ preventScroll: true })
  }, [key])

  if (!token) return <SignInView notice={notice} />
  return (
    <>
      <AppHeader route={route} token={token} {...(me.value ? { team: me.value.teamName } : {})} />
      <main id="main" ref={main} class="main" tabIndex={-1}>
        <div key={key}>{viewOf(route)}</div>
      </main>
    </>
  )
}
