/**
 * A stand-in for next/headers in storefront tests: cookies (with the options they were
 * set with) and request headers that a test controls. Use in a test file:
 *   vi.mock("next/headers", () => import("./fake-request"));
 */
export const request = {
  cookies: new Map<string, string>(),
  cookieOptions: new Map<string, Record<string, unknown>>(),
  headers: new Headers(),
};

export function resetRequest(headers: Record<string, string> = {}): void {
  request.cookies.clear();
  request.cookieOptions.clear();
  request.headers = new Headers(headers);
}

export async function cookies() {
  return {
    get: (name: string) =>
      request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined,
    set: (name: string, value: string, options: Record<string, unknown> = {}) => {
      request.cookies.set(name, value);
      request.cookieOptions.set(name, options);
    },
  };
}

export async function headers(): Promise<Headers> {
  return request.headers;
}
