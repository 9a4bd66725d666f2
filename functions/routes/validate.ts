/**
 * `POST /validate`: a synchronous what-if. Either a suite text (`{ "body": "…" }`), or a stored suite
 * with some principals' identity policies replaced by proposed documents
 * (`{ "suiteId": "…", "replace": { "<principal>": [ { "name"?, "document" } ] } }`). Answers the run
 * report; nothing is stored.
 * @module
 */
import { parseJsonSource, type SourceNode } from '../../core/policy/index.ts'
import {
  evaluateNow,
  loadSuiteText,
  loadWithReplacedPolicies,
  storedFileName,
} from '../../core/runs/index.ts'
import { NotFoundError } from '../../core/store/repository.ts'
import { type LoadedSuite, parseYamlSource } from '../../core/suite/index.ts'
import { bodyText, formatOfMediaType, guessFormat, mediaTypeOf, parseJsonText } from '../http/body.ts'
import { BadRequestError, fieldIssue, UnsupportedMediaTypeError } from '../http/errors.ts'
import { knownSuiteId } from '../http/query.ts'
import { teamRoute } from '../http/route.ts'
import { loadBodySuite } from '../http/suite-body.ts'
import { json } from '../http/types.ts'
import { DEFAULT_MAX_VALIDATE_CHECKS, type Services } from '../services/services.ts'

const memberOf = (node: SourceNode, key: string): SourceNode | undefined =>
  node.kind === 'object' ? node.entries.findLast((e) => e.key === key)?.value : undefined

/** The stored suite with the proposed policies in place */
const replacedSuite = async (
  services: Services,
  teamId: string,
  suiteId: string,
  replace: SourceNode,
): Promise<LoadedSuite> => {
  const stored = await services.repo.getSuite(teamId, suiteId)
  if (!stored) throw new NotFoundError(`suite \`${suiteId}\` not found`)
  const root = stored.format === 'json' ? parseJsonSource(stored.body) : parseYamlSource(stored.body)
  if (!root.ok) {
    const loaded = loadSuiteText(stored.body, suiteId, stored.format)
    throw new BadRequestError('the stored suite does not load', loaded.ok ? [] : loaded.issues)
  }
  const loaded = loadWithReplacedPolicies(root.value, replace, storedFileName(suiteId, stored.format))
  if (!loaded.ok) throw new BadRequestError('the proposed policies are not valid', loaded.issues)
  return loaded.value
}

/** `POST /validate` */
export const validate = teamRoute(async (event, { teamId, services }) => {
  const text = bodyText(event)
  if (formatOfMediaType(mediaTypeOf(event)) !== 'json') {
    throw new UnsupportedMediaTypeError('the body must be sent as `application/json`')
  }
  const value = parseJsonText(text)
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BadRequestError(
      'expected `{ "body": … }` or `{ "suiteId": …, "replace": … }`',
      fieldIssue('', 'expected an object'),
    )
  }
  const { body, suiteId } = value as Record<string, unknown>
  const keys = Object.keys(value).sort().join(',')
  let suite: LoadedSuite
  if (keys === 'body') {
    if (typeof body !== 'string' || body.trim() === '') {
      throw new BadRequestError('invalid validation request', fieldIssue('body', 'expected the suite text'))
    }
    suite = loadBodySuite(body, guessFormat(body))
  } else if (keys === 'replace,suiteId') {
    if (typeof suiteId !== 'string' || suiteId === '') {
      throw new BadRequestError('invalid validation request', fieldIssue('suiteId', 'expected a suite id'))
    }
    // parsed again with positions, so issues in the proposed documents point into the request
    const tree = parseJsonSource(text)
    const replace = tree.ok ? memberOf(tree.value, 'replace') : undefined
    if (!replace)
      throw new BadRequestError('invalid validation request', fieldIssue('replace', 'expected a mapping'))
    suite = await replacedSuite(services, teamId, knownSuiteId(suiteId), replace)
  } else {
    throw new BadRequestError(
      'expected `{ "body": … }` or `{ "suiteId": …, "replace": … }`',
      fieldIssue('', `unexpected keys \`${keys}\``),
    )
  }
  const maxChecks = services.maxValidateChecks ?? DEFAULT_MAX_VALIDATE_CHECKS
  return json(200, await evaluateNow(services, teamId, suite, { maxChecks }))
})
