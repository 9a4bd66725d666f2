/**
 * Terminal colours: on only when writing to a terminal and NO_COLOR is not set (https://no-color.org),
 * or when FORCE_COLOR asks for them. A palette with colours off returns text unchanged.
 * @module
 */

/** Colour functions; each returns the text unchanged when colours are off */
export interface Palette {
  readonly enabled: boolean
  readonly red: (text: string) => string
  readonly green: (text: string) => string
  readonly yellow: (text: string) => string
  readonly cyan: (text: string) => string
  readonly dim: (text: string) => string
  readonly bold: (text: string) => string
}

const wrap =
  (open: number, close: number) =>
  (text: string): string =>
    `\u001b[${open}m${text}\u001b[${close}m`

const plain = (text: string): string => text

/** A palette with colours on or off */
export const palette = (enabled: boolean): Palette =>
  enabled
    ? {
        enabled,
        red: wrap(31, 39),
        green: wrap(32, 39),
        yellow: wrap(33, 39),
        cyan: wrap(36, 39),
        dim: wrap(2, 22),
        bold: wrap(1, 22),
      }
    : { enabled, red: plain, green: plain, yellow: plain, cyan: plain, dim: plain, bold: plain }

/** Whether to colour a stream: FORCE_COLOR wins, then NO_COLOR (any non-empty value), then TTY-ness */
export const colorWanted = (env: Readonly<Record<string, string | undefined>>, isTty: boolean): boolean => {
  const force = env.FORCE_COLOR
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false'
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false
  return isTty && env.TERM !== 'dumb'
}
