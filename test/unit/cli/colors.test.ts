import { describe, expect, it } from 'vitest'
import { colorWanted, palette } from '../../../cli/colors.ts'

describe('colorWanted', () => {
  it.each([
    [{}, true, true],
    [{}, false, false],
    [{ NO_COLOR: '1' }, true, false],
    [{ NO_COLOR: '' }, true, true],
    [{ TERM: 'dumb' }, true, false],
    [{ FORCE_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '0' }, true, false],
  ])('decides colours when env is %j and TTY is %s: %s', (env, tty, wanted) => {
    expect(colorWanted(env, tty)).toBe(wanted)
  })
})

describe('palette', () => {
  it('returns text unchanged when colours are off', () => {
    expect(palette(false).red('x')).toBe('x')
  })

  it('wraps text in ANSI codes when colours are on', () => {
    expect(palette(true).green('ok')).toBe('\u001b[32mok\u001b[39m')
  })
})
