/**
 * Suite routes: list, create, read, edit (optimistic locking on `version`), delete, and versions.
 * @module
 */
import { NotFoundError, type SuiteInput } from '../../core/store/repository.ts'
import type { LoadedSuite } from '../../core/suite/index.ts'
import { guessFormat, readJsonBody, readSuiteBody, type TextFormat } from '../http/body.ts'
import { BadRequestError, fieldIssue, unknownKeyIssues } from '../http/errors.ts'
import { pageParams, queryParam, suiteIdParam, versionParam } from '../http/query.ts'
import { teamRoute } from '../http/route.ts'
import { suiteDetail, suiteSummary, suiteVersion } from '../http/shapes.ts'
import { expectSuiteId, loadBodySuite } from '../http/suite-body.ts'
import { type ApiEvent, json, noContent } from '../http/types.ts'

const LIST = { limit: 50, max: 200 }

const inputOf = (suite: LoadedSuite, body: string, format: TextFormat): SuiteInput => ({
  id: suite.id,
  body,
  format,
  ...(suite.description !== undefined ? { description: suite.description } : {}),
  tags: suite.tags,
})

/** `GET /suites?tag=&cursor=&limit=` */
export const listSuites = teamRoute(async (event, { teamId, services }) => {
  const tag = queryParam(event, 'tag')
  const page = await services.repo.listSuites(teamId, { ...pageParams(event, LIST), ...(tag ? { tag } : {}) })
  return json(200, { items: page.items.map(suiteSummary), ...(page.cursor ? { cursor: page.cursor } : {}) })
})

/** `POST /suites`: a suite text, stored as version 1 */
export const createSuite = teamRoute(async (event, { teamId, services }) => {
  const { text, format } = readSuiteBody(event)
  const suite = loadBodySuite(text, format)
  return json(201, suiteDetail(await services.repo.createSuite(teamId, inputOf(suite, text, format))))
})

/** `GET /suites/{id}` */
export const getSuite = teamRoute(async (event, { teamId, services }) => {
  const id = suiteIdParam(event)
  const suite = await services.repo.getSuite(teamId, id)
  if (!suite) throw new NotFoundError(`suite \`${id}\` not found`)
  return json(200, suiteDetail(suite))
})

/** The version an `If-Match` header names (`3`, `"3"` or `W/"3"`) */
const ifMatchVersion = (header: string): number => {
  const raw = header
    .trim()
    .replace(/^W\//, '')
    .replace(/^"(.*)"$/, '$1')
  const n = Number(raw)
  if (!/^\d{1,9}$/.test(raw) || n < 1) {
    throw new BadRequestError(
      `invalid If-Match \`${header}\``,
      fieldIssue('If-Match', 'expected a version number'),
    )
  }
  return n
}

/** The edit of a PUT: `{ version, body }` as JSON, or a suite text with `If-Match: <version>` */
const editOf = (event: ApiEvent): { version: number; text: string; format: TextFormat } => {
  const ifMatch = event.headers?.['if-match']
  if (ifMatch !== undefined) {
    const { text, format } = readSuiteBody(event)
    return { version: ifMatchVersion(ifMatch), text, format }
  }
  const value = readJsonBody(event)
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BadRequestError(
      'expected `{ "version": <number>, "body": "<suite text>" }`',
      fieldIssue('', 'expected an object'),
    )
  }
  const { version, body, ...rest } = value as Record<string, unknown>
  const issues = [
    ...(typeof version === 'number' && Number.isInteger(version) && version >= 1
      ? []
      : fieldIssue('version', 'expected the version you edited (a positive integer)')),
    ...(typeof body === 'string' && body.trim() !== '' ? [] : fieldIssue('body', 'expected the suite text')),
    ...unknownKeyIssues(Object.keys(rest)),
  ]
  if (issues.length > 0) throw new BadRequestError('invalid suite edit', issues)
  const text = body as string
  return { version: version as number, text, format: guessFormat(text) }
}

/** `PUT /suites/{id}`: stores version + 1; 409 when `version` is not the current one */
export const updateSuite = teamRoute(async (event, { teamId, services }) => {
  const id = suiteIdParam(event)
  const { version, text, format } = editOf(event)
  const suite = loadBodySuite(text, format)
  expectSuiteId(suite, text, format, id)
  return json(
    200,
    suiteDetail(await services.repo.updateSuite(teamId, inputOf(suite, text, format), version)),
  )
})

/** `DELETE /suites/{id}` */
export const deleteSuite = teamRoute(async (event, { teamId, services }) => {
  await services.repo.deleteSuite(teamId, suiteIdParam(event))
  return noContent()
})

/** `GET /suites/{id}/versions?cursor=&limit=`, newest first */
export const listSuiteVersions = teamRoute(async (event, { teamId, services }) => {
  const id = suiteIdParam(event)
  const paging = pageParams(event, LIST)
  if (!(await services.repo.getSuite(teamId, id))) throw new NotFoundError(`suite \`${id}\` not found`)
  const page = await services.repo.listSuiteVersions(teamId, id, paging)
  return json(200, { items: page.items.map(suiteVersion), ...(page.cursor ? { cursor: page.cursor } : {}) })
})

/** `GET /suites/{id}/versions/{version}` */
export const getSuiteVersion = teamRoute(async (event, { teamId, services }) => {
  const id = suiteIdParam(event)
  const version = versionParam(event)
  const found = await services.repo.getSuiteVersion(teamId, id, version)
  if (!found) throw new NotFoundError(`version ${version} of suite \`${id}\` not found`)
  return json(200, suiteVersion(found))
})
