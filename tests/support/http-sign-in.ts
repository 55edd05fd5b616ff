// Signs in over HTTP through next-auth's credentials endpoint, as the browser's form ends up doing.

/** `name=value` pairs of the Set-Cookie headers of a response. */
export function cookiesOf(response: Response): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(";");
    const at = pair.indexOf("=");
    cookies.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return cookies;
}

export function cookieHeader(cookies: Map<string, string>): string {
  return [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
}

export type SignInAttempt = { outcome: "signed_in" | "refused" | "locked"; cookies: Map<string, string>; location: string };

/** One sign-in attempt against the app at `base`; the outcome is read from where next-auth redirects. */
export async function signInOverHttp(base: string, email: string, password: string): Promise<SignInAttempt> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = cookiesOf(csrf);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(cookies), Origin: base },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${base}/worklist` }),
  });
  const location = response.headers.get("location") ?? "";
  for (const [name, value] of cookiesOf(response)) cookies.set(name, value);
  const outcome = /[?&]code=locked\b/.test(location) ? "locked" : /[?&]error=/.test(location) ? "refused" : "signed_in";
  return { outcome, cookies, location };
}

/** Signs out (next-auth's POST /api/auth/signout with its CSRF token) with the given cookies. */
export async function signOutOverHttp(base: string, cookies: Map<string, string>): Promise<number> {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { Cookie: cookieHeader(cookies) } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const all = new Map([...cookies, ...cookiesOf(csrf)]);
  const response = await fetch(`${base}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(all), Origin: base },
    body: new URLSearchParams({ csrfToken, callbackUrl: `${base}/login` }),
  });
  return response.status;
}
