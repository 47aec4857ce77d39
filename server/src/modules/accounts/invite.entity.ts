import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { proxyRelations } from '../../common/reporter.js';
import { baseProperties } from '../../db/base-properties.js';
import { Client } from '../clients/client.entity.js';
import { Clinic } from '../clinics/clinic.entity.js';
import { Account } from './account.entity.js';

export const inviteRoles = ['THERAPIST', 'CLIENT'] as const;
export type InviteRole = (typeof inviteRoles)[number];

/**
 * An invitation to open an account, used once before it expires. A therapist invite carries
 * the therapist's details (the record is created on acceptance); a client invite names the
 * client record the account will belong to. Only the SHA-256 of the token is stored.
 */
export const Invite = defineEntity({
  name: 'Invite',
  properties: {
    ...baseProperties,
    clinic: () => p.manyToOne(Clinic).ref().index(),
    role: p.enum(inviteRoles),
    email: p.string().length(254),
    tokenHash: p.string().length(64).unique(),
    invitedBy: () => p.manyToOne(Account).ref().nullable(),
    client: () => p.manyToOne(Client).ref().nullable(),
    /** A client invite for a proxy (a child client's parent or guardian): their relation; null when the client is invited. */
    proxyRelation: p.enum(proxyRelations).nullable(),
    givenName: p.string().length(100).nullable(),
    familyName: p.string().length(100).nullable(),
    registrationNumber: p.string().length(50).nullable(),
    expiresAt: p.datetime(),
    acceptedAt: p.datetime().nullable(),
    /** The account made from it. */
    account: () => p.manyToOne(Account).ref().nullable(),
  },
});
export type Invite = InferEntity<typeof Invite>;
