// Roles are held per team (see db/schema.ts teamMemberships). Pure, so forms may import it.

/** Viewers read records; clinicians also record them; admins also manage users and read the audit trail. */
export const ROLES = ["admin", "clinician", "viewer"] as const;

export type Role = (typeof ROLES)[number];

/** The role a new member is offered first. */
export const DEFAULT_NEW_MEMBER_ROLE: Role = "clinician";
