/**
 * The IAM catalog as pure code sees it: which services, actions and condition keys exist, and the
 * type of each condition key. Types only, so pure folders can import them without pulling in I/O.
 * @module
 */

/** The value type of a condition key, in the evaluator's terms */
export type ConditionKeyType = 'string' | 'numeric' | 'date' | 'boolean' | 'ip' | 'binary' | 'arn'

/** What the catalog knows about one condition key */
export interface ConditionKeyInfo {
  readonly type: ConditionKeyType
  /** True for multivalued keys (`ArrayOf…` in the catalog), which need `ForAnyValue`/`ForAllValues` */
  readonly multi: boolean
  /** The key as the catalog spells it; a template such as `aws:RequestTag/${TagKey}` for tag keys */
  readonly key?: string
}

/**
 * Synchronous lookups in the catalog of AWS services, actions and condition keys. Every name is
 * compared case-insensitively, as IAM does
 */
export interface IamCatalog {
  /**
   * Whether `service:Action` exists; with `*` or `?` in the action name, whether the pattern matches
   * at least one action of its service. `*` alone is true. Undefined when the service is unknown
   */
  actionExists(action: string): boolean | undefined
  /** Whether a service prefix (the part before `:` in an action) exists */
  serviceExists(prefix: string): boolean
  /**
   * The type of a condition key: global keys (`aws:…`, including tag keys such as
   * `aws:PrincipalTag/team`) and service keys (`s3:prefix`, `ec2:ResourceTag/env`); undefined when unknown
   */
  conditionKeyType(key: string): ConditionKeyInfo | undefined
  /** The action names of a service as AWS spells them (`GetObject`), or undefined for an unknown service */
  actionNames?(prefix: string): readonly string[] | undefined
  /** Every service prefix, for suggestions */
  serviceNames?(): readonly string[]
  /** The condition keys with a given prefix (`s3`, `aws`) as the catalog spells them, for suggestions */
  conditionKeyNames?(prefix: string): readonly string[]
}
