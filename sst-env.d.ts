/* Hand-written in the form `sst dev` / `sst deploy` generate (they overwrite this file with the same shape). */
/* Types SST's `Resource` for the app's linkable components. The functions do not read `Resource`: nothing */
/* is linked (see infra/resource-names.ts) and they get names through environment variables. Harmless */
/* while the `sst` package is not installed: the import below then resolves to nothing (skipLibCheck). */

import 'sst'

declare module 'sst' {
  export interface Resource {
    AdminTokenHash: { type: 'sst.sst.Secret'; value: string }
    Api: { type: 'sst.aws.ApiGatewayV2'; url: string }
    ApiFunction: { name: string; type: 'sst.aws.Function' }
    Router: { type: 'sst.aws.Router'; url: string }
    RunDeadLetterQueue: { type: 'sst.aws.Queue'; url: string }
    RunQueue: { type: 'sst.aws.Queue'; url: string }
    Table: { name: string; type: 'sst.aws.Dynamo' }
    Web: { type: 'sst.aws.StaticSite'; url: string }
  }
}
