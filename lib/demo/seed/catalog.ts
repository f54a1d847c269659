import type { Rng } from "./random";

/** The demo store's catalog: a small tea and crafts shop in Kyoto. Prices are in yen (JPY has no minor unit). */
export type DemoProduct = {
  slug: string;
  sku: string;
  name: string;
  description: string;
  priceMinor: number;
  active: boolean;
  /** Relative share of order lines. */
  popularity: number;
  /** Teas sell by the bag or tin, so shoppers often take two or three. */
  kind: "tea" | "craft";
};

export const ARCHIVED_PRODUCT_SLUG = "shincha-first-flush-sencha-80g";

const PRODUCTS: readonly Omit<DemoProduct, "sku">[] = [
  {
    slug: "uji-matcha-ceremonial-30g",
    name: "Uji Matcha, Ceremonial Grade (30 g)",
    description:
      "Stone-ground from shade-grown tencha picked in Uji, south of Kyoto. Bright jade colour, a deep umami sweetness and no bitterness — whisk it as usucha or enjoy it in a latte. Sealed tin; keep it in the fridge once opened.",
    priceMinor: 2800,
    active: true,
    popularity: 20,
    kind: "tea",
  },
  {
    slug: "kyoto-hojicha-100g",
    name: "Kyoto Hojicha, Roasted Green Tea (100 g)",
    description:
      "Bancha leaves and stems roasted over charcoal until they turn a warm chestnut brown. Toasty, low in caffeine and gentle enough for the evening. Resealable kraft pouch.",
    priceMinor: 1200,
    active: true,
    popularity: 12,
    kind: "tea",
  },
  {
    slug: "gyokuro-shade-grown-50g",
    name: "Gyokuro, Shade-Grown Green Tea (50 g)",
    description:
      "Shaded for three weeks before the spring harvest, which gives gyokuro its rich, brothy sweetness. Brew it cool (50–60 °C) in small cups and steep the same leaves three times.",
    priceMinor: 3600,
    active: true,
    popularity: 6,
    kind: "tea",
  },
  {
    slug: ARCHIVED_PRODUCT_SLUG,
    name: "Shincha First-Flush Sencha (80 g, limited)",
    description:
      "The first sencha of the year, picked in early May and sold only until the season's lot runs out. Fresh, grassy and lively. Back next spring.",
    priceMinor: 1800,
    active: false,
    popularity: 8,
    kind: "tea",
  },
  {
    slug: "takayama-chasen-whisk",
    name: "Bamboo Matcha Whisk (Chasen, 80 tines)",
    description:
      "Hand-split from a single piece of white bamboo by a family workshop in Takayama, Nara. Eighty fine tines whisk a smooth, airy foam. Soak it briefly in warm water before use.",
    priceMinor: 3300,
    active: true,
    popularity: 10,
    kind: "craft",
  },
  {
    slug: "kiyomizu-chawan-tea-bowl",
    name: "Kiyomizu-yaki Tea Bowl (Chawan)",
    description:
      "A wheel-thrown matcha bowl from a kiln near Kiyomizu-dera, glazed in soft celadon with a darker drip at the rim. Every bowl is slightly different. About 12 cm across.",
    priceMinor: 6800,
    active: true,
    popularity: 6,
    kind: "craft",
  },
  {
    slug: "nambu-tetsubin-kettle",
    name: "Nambu Cast-Iron Kettle (Tetsubin, 0.8 L)",
    description:
      "Cast in Iwate with the classic arare hobnail pattern. Boiling water in iron softens its taste; the kettle keeps its heat long after you pour. Enamel-free interior, for the stove.",
    priceMinor: 18000,
    active: true,
    popularity: 2,
    kind: "craft",
  },
  {
    slug: "kyo-yuzen-furoshiki",
    name: "Kyo-yuzen Furoshiki Wrapping Cloth (70 cm)",
    description:
      "A square of dyed cotton for wrapping gifts, carrying a bento or tying into a bag. Seigaiha wave pattern printed in Kyoto in indigo and sakura pink.",
    priceMinor: 2400,
    active: true,
    popularity: 7,
    kind: "craft",
  },
  {
    slug: "kyoto-morning-incense",
    name: "Kyoto Morning Incense (35 sticks)",
    description:
      "Sandalwood with a touch of hinoki cypress, hand-rolled in the city's old incense quarter. Low smoke, about 25 minutes per stick. Comes with a small ceramic holder.",
    priceMinor: 1100,
    active: true,
    popularity: 9,
    kind: "craft",
  },
  {
    slug: "kamo-river-tenugui",
    name: "Kamo River Tenugui Towel",
    description:
      "A thin, quick-drying cotton towel (33 × 90 cm), hand-dyed with the ripples of the Kamo river. Use it as a hand towel, a scarf, a wrap — or frame it.",
    priceMinor: 1320,
    active: true,
    popularity: 9,
    kind: "craft",
  },
  {
    slug: "yuzu-soy-candle",
    name: "Yuzu Soy-Wax Candle",
    description:
      "Soy wax scented with yuzu peel oil from Mizuo, the yuzu village north-west of Kyoto. Bright, citrusy and clean. About 40 hours of burn time in a reusable glass.",
    priceMinor: 2200,
    active: true,
    popularity: 7,
    kind: "craft",
  },
  {
    slug: "matcha-ceremony-gift-set",
    name: "Matcha Ceremony Gift Set",
    description:
      "Everything to start: our ceremonial Uji matcha (30 g), a bamboo chasen, a chashaku scoop and a whisk rest, in a paulownia-wood box tied with a mizuhiki cord.",
    priceMinor: 9800,
    active: true,
    popularity: 5,
    kind: "craft",
  },
];

export const DEMO_PRODUCTS: readonly DemoProduct[] = PRODUCTS.map((product, index) => ({
  ...product,
  sku: `KTC-${String(index + 1).padStart(3, "0")}`,
}));

export function productImageUrl(slug: string): string {
  return `/products/${slug}.svg`;
}

/** One line of a planned order: a snapshot of the product's name and price. */
export type BasketLine = {
  /** Index into DEMO_PRODUCTS. */
  product: number;
  name: string;
  unitPriceMinor: number;
  quantity: number;
  lineTotalMinor: number;
};

// prettier-ignore
const LINE_COUNTS: readonly (readonly [number, number])[] = [[1, 55], [2, 32], [3, 13]];
// prettier-ignore
const TEA_QUANTITIES: readonly (readonly [number, number])[] = [[1, 70], [2, 22], [3, 8]];
// prettier-ignore
const CRAFT_QUANTITIES: readonly (readonly [number, number])[] = [[1, 88], [2, 12]];

function pickQuantity(rng: Rng, product: DemoProduct): number {
  if (product.kind === "tea") return rng.weighted(TEA_QUANTITIES);
  return product.priceMinor >= 10_000 ? 1 : rng.weighted(CRAFT_QUANTITIES);
}

/** What one shopper buys: 1–3 different products, popular ones more often. */
export function pickBasket(rng: Rng, allowArchived: boolean): BasketLine[] {
  const candidates = DEMO_PRODUCTS.flatMap((product, index) =>
    product.active || allowArchived ? [[index, product.popularity] as const] : [],
  );
  const lineCount = rng.weighted(LINE_COUNTS);
  const chosen = new Set<number>();
  while (chosen.size < lineCount) chosen.add(rng.weighted(candidates));
  return [...chosen].map((index) => {
    const product = DEMO_PRODUCTS[index]!;
    const quantity = pickQuantity(rng, product);
    return {
      product: index,
      name: product.name,
      unitPriceMinor: product.priceMinor,
      quantity,
      lineTotalMinor: product.priceMinor * quantity,
    };
  });
}
