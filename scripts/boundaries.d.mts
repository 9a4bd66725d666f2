/** A forbidden import found in a pure folder */
export interface BoundaryViolation {
  file: string
  line: number
  specifier: string
  folder: string
  rule: string
}
export declare const PURE_FOLDERS: string[]
export declare const findBoundaryViolations: (root: string) => BoundaryViolation[]
