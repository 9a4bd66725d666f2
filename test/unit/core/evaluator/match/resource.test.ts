import { describe, expect, it } from 'vitest'
import {
  compileResourceList,
  resourceListMatchesReference,
} from '../../../../../core/evaluator/match/resource.ts'
import type { ContextValue } from '../../../../../core/evaluator/types.ts'

const ctx = (entries: Record<string, string>) =>
  new Map<string, ContextValue>(
    Object.entries(entries).map(([k, v]) => [k.toLowerCase(), { values: [v], multi: false }]),
  )

// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
const table: [pattern: string, resource: string, expected: boolean][] = [
  ['*', 'arn:aws:s3:::b/x', true],
  ['*', '*', true],
  ['arn:aws:s3:::*', '*', false], // a request on "*" only matches Resource "*"
  ['arn:aws:s3:::B/*/test/*', 'arn:aws:s3:::B/1/test/object.jpg', true],
  ['arn:aws:s3:::B/*/test/*', 'arn:aws:s3:::B/1/2/test/3/object.jpg', true],
  ['arn:aws:s3:::B/*/test/*', 'arn:aws:s3:::B/1///test///object.jpg', true],
  ['arn:aws:s3:::B/*/test/*', 'arn:aws:s3:::B/1/test/.jpg', true],
  ['arn:aws:s3:::B/*/test/*', 'arn:aws:s3:::B//test/object.jpg', true],
  ['arn:aws:s3:::B/*/test/*', 'arn:aws:s3:::B/1/test/', true],
  ['arn:aws:s3:::B/*/test/*', 'arn:aws:s3:::B/1-test/object.jpg', false],
  ['arn:aws:s3:::B/*/test/*', 'arn:aws:s3:::B/test/object.jpg', false],
  ['arn:aws:s3:::B/*/test/*', 'arn:aws:s3:::B/1/2/test.jpg', false],
  ['arn:aws:iam::*:user/x', 'arn:aws:iam::111122223333:user/x', true],
  ['arn:aws:iam::111122223333:user/Bob', 'arn:aws:iam::111122223333:user/bob', false], // case-sensitive
  ['arn:aws:ec2:us-*-1:111122223333:instance/*', 'arn:aws:ec2:us-east-1:111122223333:instance/i-1', true],
  ['arn:aws:ec2:us-*1:111122223333:instance/*', 'arn:aws:ec2:eu-west-1:111122223333:instance/i-1', false],
  ['arn:aws:ec2:*:111122223333:instance/*', 'arn:aws:ec2:eu-west-1:111122223333:instance/i-1', true],
  // a * that ends a part may run past colons
  ['arn:aws:ec2:*', 'arn:aws:ec2:eu-west-1:111122223333:instance/i-1', true],
  [
    'arn:aws:logs:us-east-1:111122223333:log-group:app*',
    'arn:aws:logs:us-east-1:111122223333:log-group:app:log-stream:s',
    true,
  ],
  // a * inside a part does not cross a colon
  [
    'arn:aws:ec2:us-*-1:111122223333:instance/i-1',
    'arn:aws:ec2:us-east:x-1:111122223333:instance/i-1',
    false,
  ],
  ['arn:aws:sqs:us-east-1:111122223333:q?', 'arn:aws:sqs:us-east-1:111122223333:q1', true],
  ['arn:aws:sqs:us-east-1:111122223333:q?', 'arn:aws:sqs:us-east-1:111122223333:q12', false],
]

describe('compileResourceList', () => {
  it.each(table)('matches %s against %s as %s', (pattern, resource, expected) => {
    expect(compileResourceList([pattern], '2012-10-17')(resource, new Map())).toBe(expected)
    expect(resourceListMatchesReference([pattern], '2012-10-17', resource, new Map())).toBe(expected)
  })

  it('substitutes policy variables in the resource part under Version 2012-10-17', () => {
    const m = compileResourceList(['arn:aws:s3:::b/${aws:username}/*'], '2012-10-17')
    expect(m('arn:aws:s3:::b/alice/x', ctx({ 'aws:username': 'alice' }))).toBe(true)
    expect(m('arn:aws:s3:::b/bob/x', ctx({ 'aws:username': 'alice' }))).toBe(false)
  })

  it('matches nothing when a variable has no value', () => {
    const m = compileResourceList(['arn:aws:s3:::b/${aws:username}/*'], '2012-10-17')
    expect(m('arn:aws:s3:::b/${aws:username}/x', new Map())).toBe(false)
    expect(m('arn:aws:s3:::b/alice/x', new Map())).toBe(false)
  })

  it('uses the default value of a variable without a value', () => {
    const m = compileResourceList(["arn:aws:s3:::b/${aws:PrincipalTag/team, 'company-wide'}/*"], '2012-10-17')
    expect(m('arn:aws:s3:::b/company-wide/x', new Map())).toBe(true)
    expect(m('arn:aws:s3:::b/data/x', ctx({ 'aws:principaltag/team': 'data' }))).toBe(true)
  })

  it('takes variables literally under Version 2008-10-17 and without a Version', () => {
    for (const version of ['2008-10-17', undefined] as const) {
      const m = compileResourceList(['arn:aws:s3:::b/${aws:username}/*'], version)
      expect(m('arn:aws:s3:::b/alice/x', ctx({ 'aws:username': 'alice' }))).toBe(false)
      expect(m('arn:aws:s3:::b/${aws:username}/x', ctx({ 'aws:username': 'alice' }))).toBe(true)
    }
  })

  it('treats ${*} ${?} and ${$} as literal characters', () => {
    const m = compileResourceList(['arn:aws:s3:::b/${*}${?}${$}/*'], '2012-10-17')
    expect(m('arn:aws:s3:::b/*?$/x', new Map())).toBe(true)
    expect(m('arn:aws:s3:::b/ab$/x', new Map())).toBe(false)
  })

  it('keeps wildcards in variable values literal', () => {
    const m = compileResourceList(['arn:aws:s3:::b/${aws:PrincipalTag/p}'], '2012-10-17')
    expect(m('arn:aws:s3:::b/anything', ctx({ 'aws:principaltag/p': '*' }))).toBe(false)
    expect(m('arn:aws:s3:::b/*', ctx({ 'aws:principaltag/p': '*' }))).toBe(true)
  })
})
