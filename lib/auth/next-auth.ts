import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/lib/server/database";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { clientIp } from "@/lib/http/client-ip";
import { authenticate } from "./authenticate";
import { baseAuthConfig } from "./config";

class TooManyAttempts extends CredentialsSignin {
  override code = "rate_limited";
}

// Lazy configuration: nothing here runs (no env, no database) until a request needs it,
// which keeps `next build` free of secrets and database access.
export const { handlers, auth, signIn, signOut } = NextAuth(async () => {
  const db = await getDb();
  return {
    ...baseAuthConfig(),
    adapter: DrizzleAdapter(db, {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    }),
    providers: [
      Credentials({
        credentials: {
          email: { label: "Email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials, request) {
          const result = await authenticate(db, {
            email: String(credentials.email ?? ""),
            password: String(credentials.password ?? ""),
            ip: clientIp(request),
          });
          if (result.ok) return result.user;
          if (result.reason === "rate_limited") throw new TooManyAttempts();
          return null;
        },
      }),
    ],
  };
});
