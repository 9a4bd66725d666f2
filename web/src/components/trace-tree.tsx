/**
 * The local evaluator's trace as a readable tree: each node says what it is (kind), about what
 * (label), how it came out (an icon and a word, not colour alone) and why (the reason sentence),
 * with the values compared and the suite line it comes from.
 * @module
 */
import { useState } from 'preact/hooks'
import type { TraceNode } from '../../../core/evaluator/types.ts'
import type { TracedCheck } from '../../../core/suite/trace-check.ts'
import { DecisionChip } from './chips.tsx'
import { Icon, type IconName } from './icon.tsx'

const OUTCOME: Readonly<Record<TraceNode['outcome'], [IconName, string]>> = {
  match: ['check', 'matched'],
  noMatch: ['cross', 'did not match'],
  notApplicable: ['minus', 'not applicable'],
  error: ['warn', 'error'],
}

const KIND_LABEL: Readonly<Record<TraceNode['kind'], string>> = {
  request: 'request',
  policyType: 'policy type',
  policy: 'policy',
  statement: 'statement',
  action: 'action',
  resource: 'resource',
  principal: 'principal',
  condition: 'condition',
  decision: 'decision',
}

const HIDDEN_DETAIL = new Set(['explanation', 'outcome', 'reason', 'index', 'effect'])

const valueText = (value: unknown): string => {
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map(valueText).join(', ')
  if (value === undefined || value === null) return '(none)'
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

/** How a tree opens: the default (the path that decided), everything, or only the top */
export type TraceOpen = 'default' | 'all' | 'none'

const isOpen = (node: TraceNode, depth: number, mode: TraceOpen): boolean => {
  if (mode === 'all') return true
  if (mode === 'none') return depth === 0
  return depth < 2 || node.outcome === 'match' || node.outcome === 'error'
}

const Node = ({
  node,
  depth,
  mode,
  reasonText,
}: {
  node: TraceNode
  depth: number
  mode: TraceOpen
  reasonText: (code: string) => string
}) => {
  const [icon, word] = OUTCOME[node.outcome]
  const detail = Object.entries(node.detail ?? {}).filter(
    ([k, v]) => !HIDDEN_DETAIL.has(k) && v !== undefined,
  )
  const line = node.span && node.span.line > 0 ? node.span.line : undefined
  const head = (
    <>
      <span class={`trace-icon trace-${node.outcome}`} title={word}>
        <Icon name={icon} />
        <span class="sr-only">{word}</span>
      </span>
      <span class="trace-kind">{KIND_LABEL[node.kind] ?? node.kind}</span>
      <span class="trace-label mono">{node.label}</span>
      <span class="trace-reason">{reasonText(node.reason)}</span>
      {line !== undefined && <span class="trace-line dim">line {line}</span>}
    </>
  )
  const details =
    detail.length > 0 ? (
      <dl class="trace-detail">
        {detail.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd class="mono">{valueText(v)}</dd>
          </div>
        ))}
      </dl>
    ) : null
  if (node.children.length === 0) {
    return (
      <li class="trace-node trace-leaf">
        <div class="trace-head">{head}</div>
        {details}
      </li>
    )
  }
  return (
    <li class="trace-node">
      <details open={isOpen(node, depth, mode)}>
        <summary class="trace-head">{head}</summary>
        {details}
        <ul class="trace-children">
          {node.children.map((child, i) => (
            <Node key={i} node={child} depth={depth + 1} mode={mode} reasonText={reasonText} />
          ))}
        </ul>
      </details>
    </li>
  )
}

/** A trace tree */
export const TraceTree = ({
  root,
  mode,
  reasonText,
  label,
}: {
  root: TraceNode
  mode: TraceOpen
  reasonText: (code: string) => string
  label: string
}) => (
  <ul class="trace" aria-label={label}>
    <Node node={root} depth={0} mode={mode} reasonText={reasonText} />
  </ul>
)

/** The trace of a check: each hop of a role chain, then the request, with how much to open */
export const EvaluationTrace = ({
  traced,
  reasonText,
}: {
  traced: TracedCheck
  reasonText: (code: string) => string
}) => {
  const [mode, setMode] = useState<TraceOpen>('default')
  return (
    <>
      <div class="toolbar toolbar-tight">
        <span class="dim small">Open:</span>
        {(['default', 'all', 'none'] as const).map((m) => (
          <button
            key={m}
            type="button"
            class={`toggle ${mode === m ? 'toggle-on' : ''}`}
            aria-pressed={mode === m}
            onClick={() => setMode(m)}
          >
            {m === 'default' ? 'What decided' : m === 'all' ? 'Everything' : 'Collapse'}
          </button>
        ))}
      </div>
      <div key={mode}>
        {traced.hops.map((hop, i) => (
          <div key={i} class="trace-block">
            <h3>
              Role-chain hop {i + 1}: <span class="mono">{hop.action}</span> on{' '}
              <span class="mono">{hop.roleArn}</span> <DecisionChip decision={hop.result.decision} />
            </h3>
            {hop.result.trace && (
              <TraceTree
                root={hop.result.trace}
                mode={mode}
                reasonText={reasonText}
                label={`Trace of hop ${i + 1}`}
              />
            )}
          </div>
        ))}
        {traced.final?.trace && (
          <div class="trace-block">
            {traced.hops.length > 0 && <h3>The request, as the last role’s session</h3>}
            <TraceTree
              root={traced.final.trace}
              mode={mode}
              reasonText={reasonText}
              label="Trace of the request"
            />
          </div>
        )}
      </div>
    </>
  )
}
