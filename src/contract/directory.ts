import { z } from 'zod';
import { AGENCY_KINDS, ROLES } from '../domain/enums';
import { appAbilitiesSchema } from './abilities';

export const agencyItemSchema = z.object({
  id: z.string(), name: z.string(), shortName: z.string(), kind: z.enum(AGENCY_KINDS), active: z.boolean(),
  /** A core member of the panel. */
  core: z.boolean().optional(),
  /** The last access review the agency's lead confirmed. */
  accessReviewedAt: z.string().optional(),
  accessReviewedById: z.string().optional(),
});
export type AgencyItem = z.infer<typeof agencyItemSchema>;
export const agencyListSchema = z.array(agencyItemSchema);

export const memberItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  agencyId: z.string(),
  roles: z.array(z.enum(ROLES)),
  agencyLead: z.boolean(),
  active: z.boolean(),
  /** Coordinators only: they keep the membership list. */
  email: z.string().optional(),
});
export type MemberItem = z.infer<typeof memberItemSchema>;
export const memberListSchema = z.array(memberItemSchema);

/** Who the caller is, as the server established it. */
export const meSchema = z.object({
  member: z.object({ id: z.string(), name: z.string(), email: z.string(), roles: z.array(z.enum(ROLES)), agencyLead: z.boolean() }),
  agency: z.object({ id: z.string(), name: z.string(), shortName: z.string() }),
  can: appAbilitiesSchema,
});
export type Me = z.infer<typeof meSchema>;

/** Local mode's sign-in picker. */
export const personaSchema = z.object({
  email: z.string(),
  name: z.string(),
  /** The agency's short name. */
  agency: z.string(),
  roles: z.array(z.enum(ROLES)),
  description: z.string().optional(),
});
export type Persona = z.infer<typeof personaSchema>;
export const personaListSchema = z.array(personaSchema);
