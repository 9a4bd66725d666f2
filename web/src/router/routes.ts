/**
 * Hash routes (static hosting needs no rewrites): `#/suites`, `#/suites/:id`, `#/suites/:id/trends`,
 * `#/new`, `#/runs/:id`, `#/runs/:id/checks/:n`, `#/validate`.
 * @module
 */

/** A place in the dashboard */
export type Route =
  | { readonly name: 'suites' }
  | { readonly name: 'suite'; readonly id: string }
  | { readonly name: 'trends'; readonly id: string }
  | { readonly name: 'new-suite'; readonly from?: string }
  | { readonly name: 'run'; readonly id: string }
  | { readonly name: 'check'; readonly runId: string; readonly n: number }
  | { readonly name: 'validate' }
  | { readonly name: 'not-found'; readonly hash: string }

const dec = (part: string): string => {
  try {
    return decodeURIComponent(part)
  } catch {
    return part
  }
}

/** Reads a route from a location hash */
export const parseHash = (hash: string): Route => {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?')
  const parts = path.split('/').filter(Boolean).map(dec)
  const params = new URLSearchParams(query)
  const [first, second, third, fourth] = parts
  if (parts.length === 0 || (first === 'suites' && parts.length === 1)) return { name: 'suites' }
  if (first === 'suites' && second && parts.length === 2) return { name: 'suite', id: second }
  if (first === 'suites' && second && third === 'trends' && parts.length === 3)
    return { name: 'trends', id: second }
  if (first === 'new' && parts.length === 1) {
    const from = params.get('from')
    return from ? { name: 'new-suite', from } : { name: 'new-suite' }
  }
  if (first === 'runs' && second && parts.length === 2) return { name: 'run', id: second }
  if (
    first === 'runs' &&
    second &&
    third === 'checks' &&
    fourth &&
    /^\d+$/.test(fourth) &&
    parts.length === 4
  )
    return { name: 'check', runId: second, n: Number(fourth) }
  if (first === 'validate' && parts.length === 1) return { name: 'validate' }
  return { name: 'not-found', hash }
}

const enc = encodeURIComponent

/** The href of a route */
export const hrefOf = (route: Route): string => {
  switch (route.name) {
    case 'suites':
      return '#/suites'
    case 'suite':
      return `#/suites/${enc(route.id)}`
    case 'trends':
      return `#/suites/${enc(route.id)}/trends`
    case 'new-suite':
      return route.from ? `#/new?from=${enc(route.from)}` : '#/new'
    case 'run':
      return `#/runs/${enc(route.id)}`
    case 'check':
      return `#/runs/${enc(route.runId)}/checks/${route.n}`
    case 'validate':
      return '#/validate'
    case 'not-found':
      return route.hash
  }
}

/** Goes to a route */
export const navigate = (route: Route): void => {
  window.location.hash = hrefOf(route)
}
