/**
 * `GET /health`: no token needed.
 * @module
 */
import pkg from '../../package.json' with { type: 'json' }
import { publicRoute } from '../http/route.ts'
import { json } from '../http/types.ts'

/** `GET /health` */
export const health = publicRoute(async () => json(200, { ok: true, version: pkg.version }))
