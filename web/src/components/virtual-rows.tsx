/**
 * A virtual list of fixed-height rows: only the rows in view (plus a few) are in the DOM, so 10,000
 * checks render as fast as 30. Rows stay reachable by keyboard: Tab enters the list, the arrow keys,
 * Page Up/Down, Home and End move between rows and scroll the list along.
 * @module
 */
// biome-ignore-all lint/a11y/useSemanticElements: virtualized rows are positioned divs, so the table semantics are ARIA roles
import type { JSX } from 'preact'
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks'

/** The props of a virtual list */
export interface VirtualRowsProps {
  readonly count: number
  readonly rowHeight: number
  /** The scroll area's largest height (CSS); it is smaller when the rows need less */
  readonly maxHeight: string
  /** Renders row `index`; the row must spread `attrs` (position, data-index) onto its element */
  readonly renderRow: (index: number, attrs: RowAttrs) => JSX.Element
  /** Where to scroll to at first render */
  readonly initialScrollTop?: number
  readonly onScrollTopChange?: (top: number) => void
  readonly class?: string
}

/** What a rendered row must carry */
export interface RowAttrs {
  readonly style: JSX.CSSProperties
  readonly 'data-index': number
  readonly 'aria-rowindex': number
}

const OVERSCAN = 8
const NAV_KEYS = new Set(['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End'])

/** Renders the rows in view of a long list */
export const VirtualRows = (props: VirtualRowsProps) => {
  const { count, rowHeight } = props
  const scroller = useRef<HTMLDivElement>(null)
  const [scrollTop, setScrollTop] = useState(props.initialScrollTop ?? 0)
  const [viewport, setViewport] = useState(() => Math.max(window.innerHeight, 600))
  const pendingFocus = useRef<number | undefined>(undefined)
  const frame = useRef(0)

  useLayoutEffect(() => {
    const el = scroller.current
    if (!el) return
    if (props.initialScrollTop) el.scrollTop = props.initialScrollTop
    setViewport(el.clientHeight || viewport)
    const observer = new ResizeObserver(() => setViewport(el.clientHeight))
    observer.observe(el)
    return () => observer.disconnect()
  }, [])

  /** Focuses row `index` (its link when it has one); false when the row is not rendered */
  const focusRow = (index: number): boolean => {
    const row = scroller.current?.querySelector<HTMLElement>(`[data-index="${index}"]`)
    const target = row?.querySelector<HTMLElement>('a[href]') ?? row
    target?.focus({ preventScroll: true })
    return target !== undefined && target !== null
  }

  useEffect(() => {
    const index = pendingFocus.current
    if (index === undefined) return
    pendingFocus.current = undefined
    focusRow(index)
  })

  const onScroll = (): void => {
    cancelAnimationFrame(frame.current)
    frame.current = requestAnimationFrame(() => {
      const top = scroller.current?.scrollTop ?? 0
      setScrollTop(top)
      props.onScrollTopChange?.(top)
    })
  }

  const onKeyDown = (event: KeyboardEvent): void => {
    if (!NAV_KEYS.has(event.key)) return
    const el = scroller.current
    const current = (event.target as HTMLElement).closest<HTMLElement>('[data-index]')
    if (!el || !current || count === 0) return
    const index = Number(current.dataset.index)
    const page = Math.max(1, Math.floor(el.clientHeight / rowHeight) - 1)
    const next = Math.min(
      count - 1,
      Math.max(
        0,
        event.key === 'ArrowDown'
          ? index + 1
          : event.key === 'ArrowUp'
            ? index - 1
            : event.key === 'PageDown'
              ? index + page
              : event.key === 'PageUp'
                ? index - page
                : event.key === 'Home'
                  ? 0
                  : count - 1,
      ),
    )
    event.preventDefault()
    const top = next * rowHeight
    if (top < el.scrollTop) el.scrollTop = top
    else if (top + rowHeight > el.scrollTop + el.clientHeight)
      el.scrollTop = top + rowHeight - el.clientHeight
    setScrollTop(el.scrollTop)
    // a row already on screen takes focus now; one scrolled into view does after the render
    if (!focusRow(next)) pendingFocus.current = next
  }

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN)
  const last = Math.min(count, Math.ceil((scrollTop + viewport) / rowHeight) + OVERSCAN)
  const rows: JSX.Element[] = []
  for (let i = first; i < last; i++) {
    rows.push(
      props.renderRow(i, {
        style: { transform: `translateY(${i * rowHeight}px)`, height: `${rowHeight}px` },
        'data-index': i,
        'aria-rowindex': i + 2,
      }),
    )
  }
  return (
    <div
      ref={scroller}
      class={`vrows ${props.class ?? ''}`}
      style={{ height: `min(${count * rowHeight}px, ${props.maxHeight})` }}
      onScroll={onScroll}
      onKeyDown={onKeyDown}
      role="rowgroup"
    >
      <div class="vrows-inner" role="presentation" style={{ height: `${count * rowHeight}px` }}>
        {rows}
      </div>
    </div>
  )
}
