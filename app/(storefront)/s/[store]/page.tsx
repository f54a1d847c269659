import type { Metadata } from "next";
import Image from "next/image";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { DatabaseUnavailable } from "@/components/database-unavailable";
import { getDb } from "@/db";
import { listActiveProducts } from "@/lib/catalog/products";
import { formatMoney } from "@/lib/money/format";
import { databaseProblem } from "@/lib/server/database-status";
import { findStoreBySlug } from "@/lib/stores/stores";

type Params = { params: Promise<{ store: string }> };

async function loadStore(slug: string) {
  await connection();
  const db = await getDb();
  const store = await findStoreBySlug(db, slug);
  if (!store) notFound();
  return { db, store };
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  if (await databaseProblem()) return { title: "Unavailable" };
  const { store } = await loadStore((await params).store);
  return { title: store.name };
}

export default async function StoreCatalogPage({ params }: Params) {
  const problem = await databaseProblem();
  if (problem) return <DatabaseUnavailable reason={problem} />;
  const { db, store } = await loadStore((await params).store);
  const products = await listActiveProducts(db, store.id);
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <header className="mb-8">
        <h1 className="text-3xl font-semibold tracking-tight">{store.name}</h1>
        <p className="mt-1 text-muted-foreground">{products.length} products</p>
      </header>
      <ul className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
        {products.map((product) => (
          <li key={product.id} className="overflow-hidden rounded-xl border bg-card">
            {product.imageUrl ? (
              <Image
                src={product.imageUrl}
                alt={product.name}
                width={400}
                height={400}
                className="aspect-square w-full bg-muted object-cover"
              />
            ) : null}
            <div className="grid gap-1 p-4">
              <h2 className="font-medium">{product.name}</h2>
              <p className="line-clamp-2 text-sm text-muted-foreground">{product.description}</p>
              <p className="font-semibold tabular-nums">
                {formatMoney(product.priceMinor, product.currency, store.defaultLanguage)}
              </p>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
