/**
 * The document title as a hook.
 * @module
 */
import { useEffect } from 'preact/hooks'

/** Sets the tab's title to `<title> · iamspec` */
export const useTitle = (title: string): void => {
  useEffect(() => {
    document.title = title ? `${title} · iamspec` : 'iamspec'
  }, [title])
}
