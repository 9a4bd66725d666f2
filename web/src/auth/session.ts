/**
 * The signed-in session: the API token lives in sessionStorage only (gone when the tab closes), and a
 * notice says why the user was signed out (a 401 from the API).
 * @module
 */
import { useEffect, useState } from 'preact/hooks'

const TOKEN_KEY = 'iamspec.token'
const NOTICE_KEY = 'iamspec.notice'
const listeners = new Set<() => void>()

const emit = (): void => {
  for (const listener of listeners) listener()
}

/** The token of the current session, if signed in */
export const currentToken = (): string | undefined => sessionStorage.getItem(TOKEN_KEY) ?? undefined

/** Why the last session ended, if the API ended it */
export const signOutNotice = (): string | undefined => sessionStorage.getItem(NOTICE_KEY) ?? undefined

/** Starts a session with a token the API accepted */
export const signIn = (token: string): void => {
  sessionStorage.setItem(TOKEN_KEY, token)
  sessionStorage.removeItem(NOTICE_KEY)
  emit()
}

/** Ends the session; `notice` is shown on the sign-in page */
export const signOut = (notice?: string): void => {
  sessionStorage.removeItem(TOKEN_KEY)
  if (notice) sessionStorage.setItem(NOTICE_KEY, notice)
  else sessionStorage.removeItem(NOTICE_KEY)
  emit()
}

/** A short, safe label for a token: its prefix and last four characters */
export const tokenLabel = (token: string): string => `${token.slice(0, 4)}…${token.slice(-4)}`

/** The current token, re-rendering when the session starts or ends */
export const useSession = (): { readonly token: string | undefined; readonly notice: string | undefined } => {
  const [, setTick] = useState(0)
  useEffect(() => {
    const listener = (): void => setTick((t) => t + 1)
    listeners.add(listener)
    return () => {
      listeners.delete(listener)
    }
  }, [])
  return { token: currentToken(), notice: signOutNotice() }
}
