/**
 * Views loaded on demand (code splitting without preact/compat): the chunk is fetched on first use
 * and kept; a loading line shows meanwhile.
 * @module
 */
import type { ComponentType, JSX } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { ErrorMessage, Loading } from '../components/page-parts.tsx'

/** A component that loads `load`'s component the first time it renders */
export const lazyView = <P extends object>(
  load: () => Promise<ComponentType<P>>,
  what: string,
): ((props: P) => JSX.Element) => {
  let loaded: ComponentType<P> | undefined
  let pending: Promise<ComponentType<P>> | undefined
  const LazyView = (props: P): JSX.Element => {
    const [component, setComponent] = useState<ComponentType<P> | undefined>(() => loaded)
    const [error, setError] = useState<unknown>(undefined)
    useEffect(() => {
      if (loaded) return
      pending ??= load()
      pending.then(
        (c) => {
          loaded = c
          setComponent(() => c)
        },
        (e: unknown) => {
          pending = undefined
          setError(e)
        },
      )
    }, [])
    if (error) return <ErrorMessage error={error} retry={() => window.location.reload()} />
    const Component = component
    return Component ? <Component {...props} /> : <Loading what={what} />
  }
  return LazyView
}
