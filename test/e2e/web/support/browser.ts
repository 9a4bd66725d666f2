/**
 * Real Chromium for the dashboard's end-to-end tests and benchmark: Debian's /usr/bin/chromium driven
 * by playwright-core (never a downloaded browser), with the launch flags of toolchain.md.
 * @module
 */
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type Browser, chromium, type Page } from 'playwright-core'
import { ROOT } from './web-build.ts'

/** Where Debian installs Chromium */
export const CHROMIUM = '/usr/bin/chromium'

/** True when Chromium is installed */
export const chromiumAvailable = (): boolean => existsSync(CHROMIUM)

/** Launches headless Chromium */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--disable-dev-shm-usage',
    ],
  })

/** Where screenshots go */
export const SCREENSHOTS = join(ROOT, 'test', 'artifacts', 'screenshots')

/** The two widths every main view is checked at */
export const WIDTHS = [1280, 390] as const

/** Screenshots the page at 1280 and 390 px wide as `<name>-<width>.png`, then returns to 1280 */
export const screenshotBothWidths = async (page: Page, name: string): Promise<void> => {
  mkdirSync(SCREENSHOTS, { recursive: true })
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 })
    await page.waitForTimeout(200)
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true })
  }
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.waitForTimeout(100)
}
