/**
 * Accessible tabs: a tablist whose tabs move with the arrow keys, each controlling one panel.
 * @module
 */
import type { ComponentChildren } from 'preact'

/** One tab */
export interface TabSpec<K extends string> {
  readonly key: K
  readonly label: ComponentChildren
}

/** The tab bar; the caller renders the chosen panel inside TabPanel */
export const Tabs = <K extends string>({
  id,
  tabs,
  current,
  onChange,
  label,
}: {
  id: string
  tabs: readonly TabSpec<K>[]
  current: K
  onChange: (key: K) => void
  label: string
}) => {
  const onKeyDown = (event: KeyboardEvent): void => {
    const index = tabs.findIndex((t) => t.key === current)
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
    if (!delta) return
    event.preventDefault()
    const next = tabs[(index + delta + tabs.length) % tabs.length]!
    onChange(next.key)
    document.getElementById(`${id}-tab-${next.key}`)?.focus()
  }
  return (
    <div class="tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((t) => (
        <button
          key={t.key}
          type="button"
          role="tab"
          id={`${id}-tab-${t.key}`}
          aria-selected={t.key === current}
          aria-controls={`${id}-panel`}
          tabIndex={t.key === current ? 0 : -1}
          class={`tab ${t.key === current ? 'tab-on' : ''}`}
          onClick={() => onChange(t.key)}
        >
          {t.label}
        </button>
      ))}
    </div>
  )
}

/** The panel of the current tab */
export const TabPanel = ({
  id,
  current,
  children,
}: {
  id: string
  current: string
  children: ComponentChildren
}) => (
  <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${current}`} class="tab-panel">
    {children}
  </div>
)
