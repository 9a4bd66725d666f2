/**
 * Suite texts for the API tests.
 * @module
 */

/** A small suite: a writer role on a data bucket, with `deletes` controlling whether deletes are allowed */
export const bucketSuite = (
  id: string,
  options: { readonly deletes?: 'allowed' | 'denied' | 'explicitlyDenied'; readonly resources?: number } = {},
): string => {
  const resources = Array.from({ length: options.resources ?? 4 }, (_, i) => `arn:aws:s3:::data-bucket/k${i}`)
  const actions = [
    's3:GetObject',
    's3:PutObject',
    ...(options.deletes === 'allowed' ? ['s3:DeleteObject'] : []),
  ]
  const deny =
    options.deletes === 'explicitlyDenied'
      ? `
            - Sid: NoDeletes
              Effect: Deny
              Action: s3:DeleteObject
              Resource: "*"`
      : ''
  return `suite: ${id}
description: writers write the data bucket and never delete
tags: [s3, test]
principals:
  writer:
    arn: arn:aws:iam::111122223333:role/Writer
    policies:
      - name: write-data
        document:
          Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Action: [${actions.map((a) => `"${a}"`).join(', ')}]
              Resource: "arn:aws:s3:::data-bucket/*"${deny}
cases:
  - name: writer reads and writes
    principal: writer
    actions: [s3:GetObject, s3:PutObject]
    resources: [${resources.map((r) => `"${r}"`).join(', ')}]
    expect: allowed
  - name: writer cannot delete
    principal: writer
    action: s3:DeleteObject
    resource: arn:aws:s3:::data-bucket/k0
    expect: denied
  - name: writer cannot read other buckets
    principal: writer
    action: s3:GetObject
    resource: arn:aws:s3:::other-bucket/x
    expect: allowed
`
}

/** A suite whose matrix expands to `actions * resources` checks */
export const matrixSuite = (id: string, actions: number, resources: number): string => {
  const acts = Array.from({ length: actions }, (_, i) => `"s3:GetObject${i === 0 ? '' : `Version${i}`}"`)
  const res = Array.from({ length: resources }, (_, i) => `"arn:aws:s3:::big-bucket/k${i}"`)
  return `suite: ${id}
principals:
  reader:
    arn: arn:aws:iam::111122223333:role/Reader
    policies:
      - name: read
        document:
          Version: "2012-10-17"
          Statement:
            - Effect: Allow
              Action: "s3:Get*"
              Resource: "arn:aws:s3:::big-bucket/*"
cases:
  - name: reader reads everything
    principal: reader
    actions: [${acts.join(', ')}]
    resources: [${res.join(', ')}]
    expect: allowed
`
}
