import { describe, expect, it } from 'vitest'
import { formatSnapshotDate, normaliseSnapshotDate } from '../../../../../core/aws/snapshot/snapshot-dates.ts'

describe('normaliseSnapshotDate', () => {
  it.each([
    ['2019-08-16 17:27:59+00:00', '2019-08-16T17:27:59Z'],
    ['2023-01-09T12:44:05Z', '2023-01-09T12:44:05Z'],
    ['2023-01-09T12:44:05+00:00', '2023-01-09T12:44:05Z'],
    ['2023-01-09T14:44:05+0200', '2023-01-09T12:44:05Z'],
    ['2023-01-09T12:44:05.123Z', '2023-01-09T12:44:05.123Z'],
    ['2023-01-09 12:44:05', '2023-01-09T12:44:05Z'],
  ])('reads %s as %s', (text, iso) => {
    expect(normaliseSnapshotDate(text)).toBe(iso)
  })

  it.each(['16/08/2019', '2019-13-01T00:00:00Z', 'yesterday', ''])('rejects %j', (text) => {
    expect(normaliseSnapshotDate(text)).toBeUndefined()
  })
})

describe('formatSnapshotDate', () => {
  it('writes UTC with an explicit offset when formatting as the AWS CLI v2 does', () => {
    expect(formatSnapshotDate('2019-08-16T17:27:59Z')).toBe('2019-08-16T17:27:59+00:00')
  })
})
