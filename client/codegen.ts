import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the operations in schema/operations, generated from the
 * checked-in contract. The output is committed; a client test fails when it is
 * stale (run `pnpm --filter @fascia/client codegen`, or `pnpm schema` from the root).
 */
const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: ['../schema/operations/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/graphql/generated/': {
      preset: 'client',
      presetConfig: {
        // Plain strings, not parsed ASTs: the fetch client sends them as they are, so
        // the graphql-js printer never enters the bundle.
        fragmentMasking: false,
      },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        strictScalars: true,
        scalars: {
          DateTime: 'string',
          LocalDate: 'string',
        },
      },
    },
  },
};

export default config;
