import { describe, expect, it } from 'vitest'
import { parseContextArgs } from '../../../../cli/explain/context-args.ts'

describe('parseContextArgs', () => {
  it('keys by lower-case key and infers types from the text when reading key=value pairs', () => {
    const parsed = parseContextArgs([
      'aws:MultiFactorAuthPresent=true',
      'aws:MultiFactorAuthAge=300',
      'aws:SourceIp=10.0.0.1',
    ])
    expect(parsed.ok && [...parsed.value.entries()]).toEqual([
      [
        'aws:multifactorauthpresent',
        { key: 'aws:MultiFactorAuthPresent', values: ['true'], list: false, inferredType: 'boolean' },
      ],
      [
        'aws:multifactorauthage',
        { key: 'aws:MultiFactorAuthAge', values: ['300'], list: false, inferredType: 'numeric' },
      ],
      ['aws:sourceip', { key: 'aws:SourceIp', values: ['10.0.0.1'], list: false, inferredType: 'string' }],
    ])
  })

  it('builds a list when a key is repeated, whatever its case', () => {
    const parsed = parseContextArgs(['aws:TagKeys=team', 'aws:tagkeys=env'])
    expect(parsed.ok && parsed.value.get('aws:tagkeys')).toMatchObject({
      values: ['team', 'env'],
      list: true,
    })
  })

  it('keeps `=` inside values and allows empty values when parsing', () => {
    const parsed = parseContextArgs(['s3:prefix=a=b', 'aws:PrincipalTag/team='])
    expect(parsed.ok && parsed.value.get('s3:prefix')?.values).toEqual(['a=b'])
    expect(parsed.ok && parsed.value.get('aws:principaltag/team')?.values).toEqual([''])
  })

  it.each(['MultiFactorAuthPresent=true', 'aws:SourceIp', '=x'])(
    'rejects %j when it is not key=value',
    (arg) => {
      const parsed = parseContextArgs([arg])
      expect(parsed.ok).toBe(false)
      expect(!parsed.ok && parsed.message).toContain(`\`--context ${arg}\``)
    },
  )
})
