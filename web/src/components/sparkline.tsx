/**
 * A tiny SVG line of pass rates (0–100, oldest first), labelled for screen readers.
 * @module
 */
import { percent } from '../lib/format.ts'

/** A sparkline of values between 0 and 100 */
export const Sparkline = ({
  values,
  width = 96,
  height = 24,
}: {
  values: readonly number[]
  width?: number
  height?: number
}) => {
  if (values.length === 0) return <span class="dim">no runs yet</span>
  const pad = 2
  const step = values.length > 1 ? (width - pad * 2) / (values.length - 1) : 0
  const y = (v: number): number => pad + (1 - v / 100) * (height - pad * 2)
  const points = values.map((v, i) => [pad + i * step, y(v)] as const)
  const line = points.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(' ')
  const last = points[points.length - 1]!
  const lastValue = values[values.length - 1]!
  const label =
    values.length === 1
      ? `pass rate ${percent(lastValue)} in the only run`
      : `pass rate over the last ${values.length} runs, from ${percent(values[0]!)} to ${percent(lastValue)}`
  return (
    <span class="sparkline">
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
        <line x1={pad} x2={width - pad} y1={y(100)} y2={y(100)} class="spark-guide" />
        {points.length > 1 ? (
          <polyline points={line} class="spark-line" fill="none" />
        ) : (
          <line x1={pad} x2={width - pad} y1={last[1]} y2={last[1]} class="spark-line" />
        )}
        <circle cx={last[0]} cy={last[1]} r="2.5" class={lastValue < 100 ? 'spark-dot-bad' : 'spark-dot'} />
      </svg>
      <span class="spark-value">{percent(lastValue)}</span>
    </span>
  )
}
