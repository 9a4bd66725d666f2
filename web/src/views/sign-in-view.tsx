/**
 * Signing in with an API token: checked against the API before it is kept (in sessionStorage only).
 * @module
 */
import { useState } from 'preact/hooks'
import { ApiError, apiRequest } from '../api/client.ts'
import { signIn } from '../auth/session.ts'
import { BrandMark } from '../components/app-header.tsx'
import { Icon } from '../components/icon.tsx'

const rejectedText = (error: unknown): string => {
  if (error instanceof ApiError && error.status === 401)
    return 'That token was not accepted (401 unauthorized). Check that you copied the whole token — it starts with isp_ — and that it has not been revoked.'
  if (error instanceof ApiError) return `The API could not check the token: ${error.message}.`
  return 'The API could not be reached. Check your connection and try again.'
}

/** The sign-in page */
export const SignInView = ({ notice }: { notice?: string }) => {
  const [token, setToken] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | undefined>(undefined)

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault()
    const value = token.trim()
    if (!value) {
      setError('Enter your team’s API token.')
      return
    }
    setBusy(true)
    setError(undefined)
    try {
      await apiRequest('/suites', { query: { limit: 1 }, token: value })
      signIn(value)
    } catch (e) {
      setError(rejectedText(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <main id="main" class="signin">
      <form class="signin-card" onSubmit={submit} aria-describedby="signin-help">
        <div class="brand brand-large" aria-hidden="true">
          <BrandMark />
          iamspec
        </div>
        <h1>Sign in to your team</h1>
        <p id="signin-help" class="dim">
          Use an API token of your team. It stays in this browser tab only and is sent to nothing but the
          iamspec API.
        </p>
        {notice && !error && (
          <div class="alert alert-warn" role="status">
            <Icon name="warn" />
            {notice}
          </div>
        )}
        {error && (
          <div class="alert alert-bad" role="alert" id="signin-error">
            <Icon name="error" />
            {error}
          </div>
        )}
        <label class="field">
          <span class="field-label">API token</span>
          <input
            type="password"
            name="token"
            autocomplete="off"
            spellcheck={false}
            placeholder="isp_…"
            value={token}
            onInput={(e) => setToken((e.target as HTMLInputElement).value)}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'signin-error' : undefined}
          />
        </label>
        <button type="submit" class="btn btn-primary btn-block" disabled={busy}>
          {busy ? 'Checking…' : 'Sign in'}
        </button>
        <p class="dim small">
          Running iamspec locally? Your team’s token is in <code>&lt;data-dir&gt;/team-token</code>.
        </p>
      </form>
    </main>
  )
}
