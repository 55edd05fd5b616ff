import "server-only";
import nodemailer from "nodemailer";

/** Whether links can be e-mailed: SMTP_URL names the SMTP server (e.g. smtp://user:pass@mail.example.org:587). */
export function emailConfigured(): boolean {
  return Boolean(process.env.SMTP_URL?.trim());
}

/**
 * Sends a self-report link. The message names no patient, no clinic record and no diagnosis: only that
 * the clinic asks for a questionnaire, the link, and until when it works. Throws when the server refuses.
 */
export async function sendSelfReportEmail(to: string, url: string, expiresAt: Date): Promise<void> {
  const smtpUrl = process.env.SMTP_URL?.trim();
  if (!smtpUrl) throw new Error("SMTP_URL is not set");
  const transport = nodemailer.createTransport(smtpUrl);
  const until = `${expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  try {
    await transport.sendMail({
      from: process.env.SMTP_FROM?.trim() || "Yardstick <no-reply@yardstick.invalid>",
      to,
      subject: "A short questionnaire from your clinic",
      text:
        `Your clinic asks you to answer a short questionnaire.\n\n${url}\n\n` +
        `The link works once, until ${until}. Do not forward it: anyone with the link can answer in your place.\n`,
    });
  } finally {
    transport.close();
  }
}
