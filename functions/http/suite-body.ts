/**
 * Loading a suite sent in a request: the suite loader validates it (schema, policies, references)
 * and every issue keeps its line and column into the text that was sent.
 * @module
 */
import type { Issue } from '../../core/policy/index.ts'
import { parseJsonSource } from '../../core/policy/index.ts'
import { type LoadedSuite, loadSuite, nodeAt, parseYamlSource } from '../../core/suite/index.ts'
import type { TextFormat } from './body.ts'
import { BadRequestError } from './errors.ts'

const BODY_FILE = 'body'

/** Issues of the request's own text carry no file */
const inBody = (issues: readonly Issue[]): Issue[] =>
  issues.map((i) => {
    if (i.file !== BODY_FILE) return i
    const { file: _file, ...rest } = i
    return rest
  })

/** Loads a suite text; 400 with every issue when it does not load */
export const loadBodySuite = (text: string, format: TextFormat): LoadedSuite => {
  const loaded = loadSuite(text, { fileName: BODY_FILE, format })
  if (!loaded.ok) throw new BadRequestError('the suite is not valid', inBody(loaded.issues))
  return loaded.value
}

/** Checks that a suite text's `suite` id is the one in the path; 400 pointing at the id otherwise */
export const expectSuiteId = (suite: LoadedSuite, text: string, format: TextFormat, id: string): void => {
  if (suite.id === id) return
  const root = format === 'json' ? parseJsonSource(text) : parseYamlSource(text)
  const span = root.ok ? nodeAt(root.value, ['suite']).node?.span : undefined
  throw new BadRequestError(`the body's suite id \`${suite.id}\` is not \`${id}\``, [
    {
      code: 'invalid-value',
      message: `the suite id must be \`${id}\`, the id in the path`,
      path: 'suite',
      ...(span ? { span } : {}),
      severity: 'error',
    },
  ])
}
