/**
 * A unified line diff: removed and added lines carry − and + signs (not colour alone), with old and
 * new line numbers, in hunks with three lines of context.
 * @module
 */
import { useMemo } from 'preact/hooks'
import { diffHunks, diffLines } from '../lib/line-diff.ts'

/** The diff between two texts */
export const DiffView = ({
  oldText,
  newText,
  label,
}: {
  oldText: string
  newText: string
  label: string
}) => {
  const lines = useMemo(() => diffLines(oldText, newText), [oldText, newText])
  const hunks = useMemo(() => diffHunks(lines), [lines])
  const added = lines.filter((l) => l.kind === 'added').length
  const removed = lines.filter((l) => l.kind === 'removed').length
  if (hunks.length === 0) return <p class="dim">The two versions are identical.</p>
  return (
    <figure class="diff">
      <figcaption class="diff-stats">
        {label}: <span class="diff-added-count">+{added}</span>{' '}
        <span class="diff-removed-count">−{removed}</span> line{added + removed === 1 ? '' : 's'}
      </figcaption>
      {hunks.map((hunk, h) => (
        <table key={h} class="diff-hunk">
          <tbody>
            {hunk.lines.map((line, i) => (
              <tr key={i} class={`diff-${line.kind}`}>
                <td class="diff-num">{line.oldLine ?? ''}</td>
                <td class="diff-num">{line.newLine ?? ''}</td>
                <td class="diff-sign">
                  <span aria-hidden="true">
                    {line.kind === 'added' ? '+' : line.kind === 'removed' ? '−' : ' '}
                  </span>
                  <span class="sr-only">{line.kind === 'same' ? '' : line.kind}</span>
                </td>
                <td class="diff-text">{line.text || ' '}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </figure>
  )
}
