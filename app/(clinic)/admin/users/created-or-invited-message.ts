/** The one answer to "add a user", the same whether the email was new or already had an account. */
export function createdOrInvitedMessage(email: string): string {
  return (
    `Done for ${email}. If this email had no account, one was created with the password you chose: give it to them ` +
    "by a channel other than email. If it already had an account, they were invited instead and join your team " +
    "when they accept after signing in; their own password stays."
  );
}
