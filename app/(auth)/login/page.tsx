import type { Metadata } from "next";
import Link from "next/link";
import { LoginForm } from "@/components/auth/login-form";
import {
  Card,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
} from "@/components/ui/card";
import { safeCallbackPath } from "@/lib/auth/config";
import { redirectSignedInMember } from "@/lib/auth/current-member";
import { DatabaseUnavailable } from "@/components/database-unavailable";
import { DEMO_OWNER, isDemoEnabled } from "@/lib/demo/policy";
import { databaseEnv } from "@/lib/env";
import { databaseProblem } from "@/lib/server/database-status";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const problem = await databaseProblem();
  if (problem) return <DatabaseUnavailable reason={problem} />;
  await redirectSignedInMember();
  const notice = params.signedOut
    ? "You have signed out."
    : params.created
      ? "Your store is ready. Sign in to open it."
      : null;
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-xl">Sign in to your store</CardTitle>
        <CardDescription>Use the email and password of your Chatcart account.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {notice ? (
          <p role="status" className="rounded-md bg-muted px-3 py-2 text-sm">
            {notice}
          </p>
        ) : null}
        <LoginForm callbackUrl={safeCallbackPath(params.callbackUrl)} />
      </CardContent>
      <CardFooter className="flex flex-col items-start gap-2 text-sm text-muted-foreground">
        <p>
          New here?{" "}
          <Link href="/signup" className="font-medium text-foreground underline underline-offset-4">
            Create a store
          </Link>
        </p>
        {isDemoEnabled(databaseEnv()) ? (
          <p data-testid="demo-credentials">
            Demo only (sample data): <code>{DEMO_OWNER.email}</code> /{" "}
            <code>{DEMO_OWNER.password}</code>
          </p>
        ) : null}
      </CardFooter>
    </Card>
  );
}
