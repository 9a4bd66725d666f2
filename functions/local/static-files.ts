/**
 * Serving the dashboard's static build (`web/dist`): files by path with their content types, the SPA
 * fallback to index.html for routes, no escape from the build directory; and a small page when the
 * dashboard is not built.
 * @module
 */
import { createReadStream, existsSync, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, resolve, sep } from 'node:path'

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
}

/** The content type of a file name */
export const contentTypeOf = (file: string): string =>
  CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>iamspec</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto">
<h1>iamspec</h1>
<p>The API is running under <code>/api</code> (try <a href="/api/health">/api/health</a>),
but the dashboard is not built: build <code>web/</code> with Vite so that <code>web/dist</code> exists, then reload.</p>
</body></html>
`

const send = (res: ServerResponse, status: number, type: string, body: string, head: boolean): void => {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) })
  res.end(head ? undefined : body)
}

/**
 * The file a URL path names under `root`, or undefined when the path is malformed or escapes the root
 * (`..`, encoded separators, NUL)
 */
export const resolveStaticPath = (root: string, urlPath: string): string | undefined => {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return undefined
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.')
  if (segments.some((s) => s === '..')) return undefined
  const base = resolve(root)
  const file = resolve(join(base, ...segments))
  return file === base || file.startsWith(base + sep) ? file : undefined
}

const isFile = (path: string): boolean => {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

/** Serves a GET/HEAD for the dashboard from `root` (web/dist) */
export const serveStatic = (
  root: string,
  req: IncomingMessage,
  res: ServerResponse,
  urlPath: string,
): void => {
  const head = req.method === 'HEAD'
  if (req.method !== 'GET' && !head) {
    res.setHeader('allow', 'GET, HEAD')
    send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n', head)
    return
  }
  const index = join(root, 'index.html')
  if (!existsSync(index)) {
    send(res, 200, 'text/html; charset=utf-8', NOT_BUILT, head)
    return
  }
  const file = resolveStaticPath(root, urlPath)
  if (file === undefined) {
    send(res, 404, 'text/plain; charset=utf-8', 'not found\n', head)
    return
  }
  let target = file
  if (!isFile(target)) {
    // SPA fallback: a route of the dashboard (no file extension) gets index.html; a missing asset is a 404
    if (extname(urlPath) !== '') {
      send(res, 404, 'text/plain; charset=utf-8', 'not found\n', head)
      return
    }
    target = index
  }
  const size = statSync(target).size
  const immutable = urlPath.startsWith('/assets/') && target !== index
  res.writeHead(200, {
    'content-type': contentTypeOf(target),
    'content-length': size,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  })
  if (head) {
    res.end()
    return
  }
  createReadStream(target).pipe(res)
}
