/**
 * The dashboard end to end, in real Chromium against the local server (with its AWS engine pointed at
 * the local IAM endpoint, told to disagree on one action): sign in, copy an example suite, break it and
 * see the inline error, save, run, filter, open a divergent check, see a regression after a second run,
 * and the 401 paths. Screenshots of each main view at 1280 and 390 px go to test/artifacts/screenshots.
 * @module
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM, chromiumAvailable, launchChromium, screenshotBothWidths } from './support/browser.ts'
import { type Stack, startStack } from './support/stack.ts'
import { runToCompletion, textOf } from './support/test-helpers.ts'
import { ensureWebBuild } from './support/web-build.ts'

const available = chromiumAvailable()
if (!available)
  console.warn(`dashboard e2e tests skipped: ${CHROMIUM} is not installed (apt-get install -y chromium)`)

/** The copy of the example the tests edit */
const SUITE = 'mfa-required-copy'
/** The case whose action the simulator is told to deny (the local evaluator allows it) */
const DIVERGENT_CASE = 'listing users works without MFA'

describe.skipIf(!available)('dashboard', () => {
  let stack: Stack
  let browser: Browser
  let page: Page
  let firstRunUrl = ''

  const editorText = () => page.locator('#suite-text')
  const toggle = (name: string) =>
    page.getByRole('search', { name: 'Filter checks' }).getByRole('button', { name: new RegExp(`^${name}`) })

  /** Replaces `from` with `to` in the suite editor */
  const edit = async (from: string, to: string): Promise<void> => {
    const text = await editorText().inputValue()
    expect(text).toContain(from)
    await editorText().fill(text.replace(from, to))
  }

  const save = async (version: number): Promise<void> => {
    await page.getByRole('button', { name: `Save as version ${version}` }).click()
    await page.getByText(`Saved as version ${version}.`).waitFor()
  }

  const runLocalAndAws = async (): Promise<void> => {
    await page.getByLabel('Engines').selectOption('local+aws')
    await page.getByRole('button', { name: 'Run', exact: true }).click()
    await page.waitForURL(/#\/runs\//)
    await page.getByRole('heading', { name: 'Checks' }).waitFor({ timeout: 60_000 })
  }

  beforeAll(async () => {
    await ensureWebBuild()
    stack = await startStack({ awsRules: [{ action: 'iam:ListUsers', decision: 'implicitDeny' }] })
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    page.setDefaultTimeout(15_000)
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`))
  }, 180_000)

  afterAll(async () => {
    await browser?.close()
    await stack?.close()
  })

  it('refuses an unknown token with a clear 401 message', async () => {
    await page.goto(`${stack.url}/`)
    await page.getByLabel('API token').fill('isp_this-token-does-not-exist-at-all-000000000')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect.poll(() => textOf(page.getByRole('alert'))).toContain('not accepted (401 unauthorized)')
    await screenshotBothWidths(page, 'sign-in-401')
  })

  it('signs in and lists the seeded suites with their tags', async () => {
    await page.getByLabel('API token').fill(stack.token)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('link', { name: 'mfa-required', exact: true }).waitFor()
    expect(await page.evaluate(() => sessionStorage.getItem('iamspec.token'))).toBe(stack.token)
    await expect.poll(() => textOf(page.locator('.suites-table'))).toContain('mfa')
    await page.getByRole('button', { name: 'Sign out' }).waitFor()
    await expect.poll(() => textOf(page.locator('.team-name'))).toBe('default')
  })

  it('creates a suite from an example', async () => {
    await page.getByRole('link', { name: 'New suite' }).first().click()
    await page.getByLabel('Start from').selectOption('mfa-required')
    await expect
      .poll(() => page.locator('#new-suite-text').inputValue())
      .toMatch(new RegExp(`suite: ${SUITE}`))
    await page.getByText('Valid —').waitFor()
    await screenshotBothWidths(page, 'new-suite')
    await page.getByRole('button', { name: 'Create suite' }).click()
    await page.waitForURL(new RegExp(`#/suites/${SUITE}$`))
    await page.getByRole('heading', { name: new RegExp(SUITE) }).waitFor()
  })

  it('shows an error at its line while typing, with a gutter marker', async () => {
    await page.getByText('Valid —').waitFor()
    const text = await editorText().inputValue()
    const line = text.split('\n').findIndex((l) => l.includes('expect: implicitDeny')) + 1
    await edit('expect: implicitDeny', 'expect: nope')
    const problem = page.locator('.problem-error').first()
    await expect.poll(() => textOf(problem)).toContain(`${line}:`)
    await expect.poll(() => textOf(problem)).toContain('cases[')
    await expect.poll(() => textOf(page.locator('.gutter-error'))).toBe(String(line))
    await expect.poll(() => page.getByRole('button', { name: /Save as version 2/ }).isDisabled()).toBe(true)
    await problem.click()
    await screenshotBothWidths(page, 'suite-editor-error')
  })

  it('saves a new version against the version edited', async () => {
    // valid again, but the case now expects the wrong thing: one failing check
    await edit('expect: nope', 'expect: allowed')
    await page.getByText('Valid —').waitFor()
    await save(2)
    await expect.poll(() => textOf(page.locator('h1 .version-badge'))).toBe('v2')
  })

  it('says when someone else saved first and offers a reload', async () => {
    // another client saves version 3 behind the editor's back
    const answer = await page.evaluate(
      async ([id, token]) => {
        const get = await fetch(`/api/suites/${id}`, { headers: { authorization: `Bearer ${token}` } })
        const suite = (await get.json()) as { version: number; body: string }
        const put = await fetch(`/api/suites/${id}`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            version: suite.version,
            body: suite.body.replace('description:', '# edited elsewhere\ndescription:'),
          }),
        })
        return put.status
      },
      [SUITE, stack.token] as const,
    )
    expect(answer).toBe(200)
    await edit('tags: [ iam, mfa ]', 'tags: [ iam, mfa, copy ]')
    await page.getByRole('button', { name: 'Save as version 3' }).click()
    await expect.poll(() => textOf(page.getByRole('alert'))).toContain('Someone else saved this suite first')
    await page.getByRole('button', { name: 'Reload latest version' }).click()
    await page.getByText('Loaded version 3.').waitFor()
    await expect.poll(() => editorText().inputValue()).toMatch(/# edited elsewhere/)
  })

  it('runs the suite and shows the results with failed checks filterable', async () => {
    await runLocalAndAws()
    firstRunUrl = page.url()
    await expect.poll(() => textOf(page.locator('.rt-foot'))).toMatch(/of 1[0-9] checks shown/)
    // the arrow keys move between rows
    await page.locator('.vrows .rt-link').first().focus()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    expect(
      await page.evaluate(() => document.activeElement?.closest('[data-index]')?.getAttribute('data-index')),
    ).toBe('2')
    await toggle('Failed').click()
    await expect.poll(() => textOf(page.locator('.rt-foot'))).toMatch(/^1 of/)
    await expect.poll(() => page.locator('.vrows .rt-row').count()).toBe(1)
    await expect
      .poll(() => textOf(page.locator('.vrows .rt-row')))
      .toContain("bob cannot manage another user's MFA device")
    await screenshotBothWidths(page, 'run-failed-filter')
  })

  it('opens a divergent check and shows both engines side by side', async () => {
    await toggle('Failed').click()
    await toggle('Divergent').click()
    await expect.poll(() => page.locator('.vrows .rt-row').count()).toBe(1)
    // keyboard: focus the row and open it with Enter
    await page.locator('.vrows .rt-link').focus()
    await page.keyboard.press('Enter')
    await page.waitForURL(/#\/runs\/[^/]+\/checks\/\d+$/)
    await page.getByRole('heading', { name: DIVERGENT_CASE }).waitFor()
    const local = page.getByRole('region', { name: 'Local evaluator engine' })
    const aws = page.getByRole('region', { name: 'AWS policy simulator engine' })
    await expect.poll(() => textOf(local)).toContain('allowed')
    await expect.poll(() => textOf(aws)).toContain('implicit deny')
    await expect.poll(() => textOf(page.locator('.divergence'))).toContain('The engines disagree')
    // the local side's matched statement is highlighted in its policy document, and the trace is recomputed
    await expect.poll(() => textOf(page.locator('.doc-mark').first())).toContain('local · Allow')
    await expect
      .poll(() => textOf(page.locator('.trace')))
      .toContain('every policy type that must allow did allow')
    await screenshotBothWidths(page, 'check-divergent')
  })

  it('shows a regression after a second run', async () => {
    await page.goto(`${stack.url}/#/suites/${SUITE}`)
    await page.getByText('Valid —').waitFor()
    await edit(
      'action: iam:DeactivateMFADevice\n    resource: arn:aws:iam::111122223333:user/bob\n    expect: explicitDeny',
      'action: iam:DeactivateMFADevice\n    resource: arn:aws:iam::111122223333:user/bob\n    expect: allowed',
    )
    await page.getByText('Valid —').waitFor()
    await save(4)
    await runLocalAndAws()
    const regressions = page.getByRole('region', { name: /Regressions since the previous run/ })
    await expect.poll(() => regressions.locator('.regression').count()).toBe(1)
    await expect.poll(() => textOf(regressions)).toContain('deactivating an MFA device needs MFA')
    await expect.poll(() => textOf(regressions)).toContain('new failure')
    await screenshotBothWidths(page, 'run-regression')
    await regressions.locator('a.regression').click()
    await page.getByRole('heading', { name: 'deactivating an MFA device needs MFA' }).waitFor()
    await expect.poll(() => textOf(page.locator('.doc-mark').first())).toContain('Deny')
  })

  it('shows the suite history with a diff and the runs newest first', async () => {
    await page.goto(`${stack.url}/#/suites/${SUITE}`)
    await page.getByRole('tab', { name: /History/ }).click()
    await expect.poll(() => textOf(page.locator('.diff-added'))).toContain('expect: allowed')
    await expect.poll(() => textOf(page.locator('.diff-removed'))).toContain('expect: explicitDeny')
    await screenshotBothWidths(page, 'suite-history')
    await page.getByRole('tab', { name: /Runs/ }).click()
    const runs = page.locator('.runs-table tbody tr')
    await expect.poll(() => runs.count()).toBe(2)
    await expect.poll(() => textOf(runs.first())).toContain('v4')
    await screenshotBothWidths(page, 'suite-runs')
  })

  it('draws the trends of the suite', async () => {
    await page.getByRole('link', { name: 'Trends' }).click()
    await page.locator('.chart canvas').waitFor()
    await expect.poll(() => page.locator('.table tbody tr').count()).toBe(2)
    await screenshotBothWidths(page, 'trends')
  })

  it('lists the suites with their last run and pass-rate sparkline, filtered by tag and status', async () => {
    // a few more suites with runs, so the list shows more than one last run
    for (const id of [
      'mfa-required',
      'permissions-boundary',
      'scp-region-block',
      'bucket-policy-role-session',
    ]) {
      await runToCompletion(stack, id)
    }
    await page.getByRole('link', { name: 'Suites' }).first().click()
    await page.locator('.suites-table').waitFor()
    await page.locator('.sparkline svg').first().waitFor()
    await screenshotBothWidths(page, 'suites')
    await page.getByLabel('Status').selectOption('failing')
    await expect.poll(() => page.locator('.suites-table tbody tr').count()).toBe(1)
    await page.getByLabel('Status').selectOption('')
    await page.getByLabel('Tag').selectOption('sts')
    await expect.poll(() => page.locator('.suites-table tbody tr').count()).not.toBe(0)
    for (const row of await page.locator('.suites-table tbody tr').all())
      expect(await textOf(row)).toContain('sts')
  })

  it('validates a pasted suite without storing it', async () => {
    await page.getByRole('link', { name: 'Validate' }).click()
    await page.getByText('Valid —').waitFor()
    await page.getByRole('button', { name: 'Validate and run' }).click()
    await page.getByRole('heading', { name: 'Report (not stored)' }).waitFor()
    await expect.poll(() => textOf(page.locator('.rt-foot'))).toContain('3 of 3 checks shown')
    await screenshotBothWidths(page, 'validate')
  })

  it('runs a stored suite with a proposed policy without storing it', async () => {
    await page.getByRole('tab', { name: 'A proposed policy' }).click()
    await page.getByLabel(/^Suite/).selectOption('mfa-required')
    await expect.poll(() => page.getByLabel(/^Principal/).inputValue()).toBe('bob')
    await page
      .getByLabel(/Proposed policy document/)
      .fill(
        '{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": "*", "Resource": "*" } ] }',
      )
    await page.getByRole('button', { name: 'Run with this policy' }).click()
    await page.getByRole('heading', { name: 'Report (not stored)' }).waitFor()
    // without the MFA policy, the checks that expect a deny now fail
    await expect.poll(() => textOf(page.locator('.stat-bad'))).toContain('Failed')
    await screenshotBothWidths(page, 'validate-policy')
  })

  it('returns to the sign-in page with a notice when the API stops accepting the token', async () => {
    await page.evaluate(() =>
      sessionStorage.setItem('iamspec.token', 'isp_revoked-token-000000000000000000000000000'),
    )
    await page.goto(`${stack.url}/#/suites`)
    await page.reload()
    await expect.poll(() => textOf(page.getByRole('status'))).toContain('no longer accepts your token')
    await page.getByLabel('API token').waitFor()
    expect(await page.evaluate(() => sessionStorage.getItem('iamspec.token'))).toBeNull()
    await screenshotBothWidths(page, 'sign-in')
  })

  it('keeps the first run readable by its link', async () => {
    await page.getByLabel('API token').fill(stack.token)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.goto(firstRunUrl)
    await expect
      .poll(() => textOf(page.getByRole('region', { name: /Regressions/ })))
      .toContain('first completed run')
  })
})
