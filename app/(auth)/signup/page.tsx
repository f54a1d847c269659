import type { Metadata } from "next";
import Link from "next/link";
import { SignupForm } from "@/components/auth/signup-form";
import {
  Card,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
} from "@/components/ui/card";
import { redirectSignedInMember } from "@/lib/auth/current-member";
import { currencyChoices, timeZoneChoices } from "@/lib/stores/choices";

export const metadata: Metadata = { title: "Create a store" };

export default async function SignupPage() {
  await redirectSignedInMember();
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-xl">Create your store</CardTitle>
        <CardDescription>
          You will be its owner. Everything can be changed later in Settings, except the currency
          once you have priced products or orders.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <SignupForm currencies={currencyChoices()} timeZones={timeZoneChoices()} />
      </CardContent>
      <CardFooter className="text-sm text-muted-foreground">
        <p>
          Already have an account?{" "}
          <Link href="/login" className="font-medium text-foreground underline underline-offset-4">
            Sign in
          </Link>
        </p>
      </CardFooter>
    </Card>
  );
}
