import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { proxyRelations } from '../../common/reporter.js';
import { roles } from '../../common/viewer.js';
import { baseProperties } from '../../db/base-properties.js';
import { Client } from '../clients/client.entity.js';
import { Clinic } from '../clinics/clinic.entity.js';
import { Therapist } from '../clinics/therapist.entity.js';

/**
 * Someone who signs in. The role says which records stand behind it: staff (ADMIN, THERAPIST)
 * and clients belong to one clinic; a therapist, and an admin who also treats, has a therapist
 * record; a client account has exactly one client record; a researcher belongs to no clinic.
 * The database holds these rules too.
 */
export const Account = defineEntity({
  name: 'Account',
  uniques: [{ properties: ['therapist'] }, { properties: ['client'] }],
  checks: [
    { name: 'account_clinic_check', expression: `("role" = 'RESEARCHER') = ("clinic_id" is null)` },
    { name: 'account_client_check', expression: `("role" = 'CLIENT') = ("client_id" is not null)` },
    { name: 'account_proxy_check', expression: `"proxy_relation" is null or "role" = 'CLIENT'` },
    {
      name: 'account_therapist_check',
      expression: `case "role" when 'THERAPIST' then "therapist_id" is not null when 'ADMIN' then true else "therapist_id" is null end`,
    },
  ],
  properties: {
    ...baseProperties,
    /** Lower case; the sign-in name. */
    email: p.string().length(254).unique(),
    /** PHC string `$scrypt$ln=..,r=..,p=..$salt$key`: never the password. */
    passwordHash: p.string().length(200),
    role: p.enum(roles),
    /** Name for display, e.g. of an admin who has no therapist record. */
    name: p.string().length(200).nullable(),
    clinic: () => p.manyToOne(Clinic).ref().nullable().index(),
    therapist: () => p.manyToOne(Therapist).ref().nullable(),
    client: () => p.manyToOne(Client).ref().nullable(),
    /** A client account held by a proxy (a child's parent or guardian): their relation to the client; null for the client themself. */
    proxyRelation: p.enum(proxyRelations).nullable(),
    /** Set by an admin: the account can no longer sign in, and its sessions and tokens are revoked. */
    disabledAt: p.datetime().nullable(),
    lastSignInAt: p.datetime().nullable(),
    /**
     * The primary's WAL position after this account's latest mutation: read replicas serve the account's heavy
     * reads only once they have replayed past it (read your writes; db/read-replicas.ts). Set only with replicas.
     */
    writtenLsn: p.string().columnType('pg_lsn').nullable(),
  },
});
export type Account = InferEntity<typeof Account>;
