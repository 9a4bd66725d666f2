import { describe, expect, it } from 'vitest'
import { progressLine } from '../../../../cli/format/progress.ts'
import type { CliIo } from '../../../../cli/io.ts'

const fakeIo = (stderrIsTty: boolean): CliIo & { written: string[] } => {
  const written: string[] = []
  return {
    written,
    out: () => {},
    err: (text) => {
      written.push(text)
    },
    stdoutIsTty: false,
    stderrIsTty,
    env: {},
    cwd: '/',
  }
}

describe('progressLine', () => {
  it('rewrites one line on a terminal once the delay has passed, and clears it when done', () => {
    const io = fakeIo(true)
    const progress = progressLine(io, 'running checks', 0)
    progress.update(500, 2000)
    progress.update(2000, 2000)
    progress.done()
    expect(io.written).toEqual([
      '\r\u001b[Krunning checks 500/2000 (25%)',
      '\r\u001b[Krunning checks 2000/2000 (100%)',
      '\r\u001b[K',
    ])
  })

  it('prints nothing when standard error is not a terminal', () => {
    const io = fakeIo(false)
    const progress = progressLine(io, 'running checks', 0)
    progress.update(1, 2)
    progress.done()
    expect(io.written).toEqual([])
  })

  it('prints nothing when the run is shorter than the delay', () => {
    const io = fakeIo(true)
    const progress = progressLine(io, 'running checks', 60_000)
    progress.update(1, 2)
    progress.done()
    expect(io.written).toEqual([])
  })
})
