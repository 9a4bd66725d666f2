/**
 * The published JSON Schema of the suite format, generated from the zod schema so both stay in step.
 * scripts/write-schema.ts writes it to schema/iamspec-suite.schema.json.
 * @module
 */
import { z } from 'zod'
import { caseSchema, suiteSchema } from './schema.ts'

/** Where the generated schema is committed, relative to the project root */
export const SUITE_SCHEMA_PATH = 'schema/iamspec-suite.schema.json'

/** Builds the JSON Schema (draft 2020-12) of a suite file */
export const suiteJsonSchema = (): Record<string, unknown> =>
  z.toJSONSchema(suiteSchema, {
    target: 'draft-2020-12',
    override: (ctx) => {
      // The exactly-one rules of a case are a refinement in zod; spell them out for editors
      if (ctx.zodSchema === caseSchema) {
        ctx.jsonSchema.allOf = [
          { oneOf: [{ required: ['action'] }, { required: ['actions'] }] },
          { oneOf: [{ required: ['resource'] }, { required: ['resources'] }] },
        ]
      }
    },
  }) as Record<string, unknown>

/** The schema file's text: two-space JSON with a final newline */
export const suiteJsonSchemaText = (): string => `${JSON.stringify(suiteJsonSchema(), null, 2)}\n`
