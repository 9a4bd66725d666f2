/**
 * A CSS media query as a hook.
 * @module
 */
import { useEffect, useState } from 'preact/hooks'

/** True while the media query matches */
export const useMedia = (query: string): boolean => {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches)
  useEffect(() => {
    const list = window.matchMedia(query)
    const onChange = (): void => setMatches(list.matches)
    list.addEventListener('change', onChange)
    onChange()
    return () => list.removeEventListener('change', onChange)
  }, [query])
  return matches
}

/** The narrow (phone) layout */
export const NARROW = '(max-width: 760px)'
