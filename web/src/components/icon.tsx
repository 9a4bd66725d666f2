/**
 * Small line icons drawn in SVG (not font glyphs, which many systems lack): ✓ ✗ ⚠ ⏭ and friends.
 * Decorative: every icon stands next to a word that says the same.
 * @module
 */

/** The icons there are */
export type IconName =
  | 'check'
  | 'cross'
  | 'warn'
  | 'skip'
  | 'error'
  | 'minus'
  | 'clock'
  | 'running'
  | 'swap'
  | 'chain'
  | 'chart'
  | 'plus'
  | 'play'
  | 'info'

const PATHS: Readonly<Record<IconName, string>> = {
  check: 'M3 8.5l3.2 3.2L13 4.8',
  cross: 'M4 4l8 8M12 4l-8 8',
  warn: 'M8 2.2L14.6 13.6H1.4zM8 6.5v3.2M8 11.6v.2',
  skip: 'M2.5 3.5L8 8l-5.5 4.5zM8 3.5L13.5 8 8 12.5zM13.8 3.5v9',
  error: 'M8 1.8a6.2 6.2 0 1 0 0 12.4A6.2 6.2 0 1 0 8 1.8zM3.6 12.4l8.8-8.8',
  minus: 'M8 1.8a6.2 6.2 0 1 0 0 12.4A6.2 6.2 0 1 0 8 1.8zM5 8h6',
  clock: 'M8 1.8a6.2 6.2 0 1 0 0 12.4A6.2 6.2 0 1 0 8 1.8zM8 4.5V8l2.5 1.6',
  running: 'M13.2 8A5.2 5.2 0 1 1 11.7 4.3M13.4 1.8v3h-3',
  swap: 'M2 5.5h11M10 2.5l3 3-3 3M14 10.5H3M6 7.5l-3 3 3 3',
  chain:
    'M6.8 9.2a2.6 2.6 0 0 0 3.7 0l2.4-2.4a2.6 2.6 0 0 0-3.7-3.7L8 4.3M9.2 6.8a2.6 2.6 0 0 0-3.7 0L3.1 9.2a2.6 2.6 0 0 0 3.7 3.7L8 11.7',
  chart: 'M2 13.5h12M3 10.5l3.2-3.7 2.6 2.2L13 4',
  plus: 'M8 3v10M3 8h10',
  play: 'M4.5 2.8v10.4L13 8z',
  info: 'M8 1.8a6.2 6.2 0 1 0 0 12.4A6.2 6.2 0 1 0 8 1.8zM8 7.2v4M8 4.7v.2',
}

const FILLED = new Set<IconName>(['play'])

/** An icon, sized to the text around it */
export const Icon = ({ name, class: className }: { name: IconName; class?: string }) => (
  <svg
    class={`icon ${className ?? ''}`}
    viewBox="0 0 16 16"
    width="1em"
    height="1em"
    aria-hidden="true"
    focusable="false"
  >
    <path
      d={PATHS[name]}
      fill={FILLED.has(name) ? 'currentColor' : 'none'}
      stroke="currentColor"
      stroke-width={FILLED.has(name) ? 0 : 1.8}
      stroke-linecap="round"
      stroke-linejoin="round"
    />
  </svg>
)
