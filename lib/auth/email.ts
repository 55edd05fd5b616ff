/** Emails are stored and looked up in this form (the users table refuses any other). */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
