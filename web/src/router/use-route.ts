/**
 * The current hash route as a hook.
 * @module
 */
import { useEffect, useState } from 'preact/hooks'
import { parseHash, type Route } from './routes.ts'

/** The current route, updated on every hash change */
export const useRoute = (): Route => {
  const [route, setRoute] = useState<Route>(() => parseHash(window.location.hash))
  useEffect(() => {
    const onChange = (): void => setRoute(parseHash(window.location.hash))
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return route
}
