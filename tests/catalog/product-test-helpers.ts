/** Helpers shared by the dashboard product tests (not a test file itself). */
import { PNG } from "pngjs";
import { expect } from "vitest";

const digestOf = (error: unknown) => String((error as { digest?: string }).digest);

export const expectNotFound = (promise: Promise<unknown>) =>
  expect(promise).rejects.toSatisfy((error: unknown) =>
    digestOf(error).startsWith("NEXT_HTTP_ERROR_FALLBACK;404"),
  );

/** Runs an action that should redirect; returns where to. */
export async function redirectOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const digest = digestOf(error);
    if (digest.startsWith("NEXT_REDIRECT")) return digest.split(";")[2] ?? "";
    throw error;
  }
  throw new Error("expected a redirect");
}

/** The props of a rendered page tree as text (icons and modules make it circular). */
export function pageText(tree: unknown): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(tree, (_key, value: unknown) => {
    if (typeof value === "function") return undefined;
    if (value && typeof value === "object") {
      if (seen.has(value)) return undefined;
      seen.add(value);
    }
    return value;
  });
}

/** A real 2×2 PNG. */
export function tinyPng(): Uint8Array<ArrayBuffer> {
  const png = new PNG({ width: 2, height: 2 });
  png.data.fill(120);
  return new Uint8Array(PNG.sync.write(png));
}

export function formData(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

/** The product form as a browser submits it, with sensible defaults. */
export function productForm(values: Record<string, string>, image?: File): FormData {
  const data = formData({
    name: "Matcha Gift Set",
    sku: "KTC-100",
    price: "2800",
    active: "on",
    ...values,
  });
  // A browser submits an empty file input as a nameless, empty file.
  data.set("imageFile", image ?? new File([], "", { type: "application/octet-stream" }));
  return data;
}
