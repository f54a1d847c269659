/** Auth.js's session cookie names (Secure-prefixed on https), also when chunked (`.0`, `.1`…). */
const SESSION_COOKIE_NAMES = ["authjs.session-token", "__Secure-authjs.session-token"];

type CookieReader = { getAll(): { name: string }[] };

/** Whether the request carries a session cookie at all (not whether it is valid). */
export function hasSessionCookie(cookies: CookieReader): boolean {
  return cookies
    .getAll()
    .some(({ name }) =>
      SESSION_COOKIE_NAMES.some((base) => name === base || name.startsWith(`${base}.`)),
    );
}
