import { Arg } from 'type-graphql';

/** The optional `idempotencyKey` argument of create-type mutations. */
export function IdempotencyKeyArg() {
  return Arg('idempotencyKey', () => String, {
    nullable: true,
    description:
      'A key you choose (up to 200 characters) so a retry is safe: the same key and input return the first result without writing again; the same key with another input is a CONFLICT.',
  });
}
