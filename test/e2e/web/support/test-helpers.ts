/**
 * Helpers of the dashboard's end-to-end tests that need vitest (kept apart from stack.ts, which the
 * benchmark imports outside vitest).
 * @module
 */
import type { Locator } from 'playwright-core'
import { expect } from 'vitest'
import type { Stack } from './stack.ts'

/** Runs a suite through the API (local engine) and waits until the run finishes */
export const runToCompletion = async (stack: Stack, id: string): Promise<void> => {
  const headers = { authorization: `Bearer ${stack.token}`, 'content-type': 'application/json' }
  const started = await fetch(`${stack.url}/api/suites/${id}/runs`, { method: 'POST', headers, body: '{}' })
  const run = (await started.json()) as { id: string }
  await expect
    .poll(async () => {
      const detail = await fetch(`${stack.url}/api/runs/${run.id}`, { headers })
      return ((await detail.json()) as { status: string }).status
    })
    .toMatch(/completed|failed/)
}

/** The visible text of every element a locator finds */
export const textOf = async (locator: Locator): Promise<string> => (await locator.allInnerTexts()).join('\n')
