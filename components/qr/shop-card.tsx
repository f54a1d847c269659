import { Fragment } from "react";
import { SHOPPER_LANGUAGES, type ShopperLanguage } from "@/lib/i18n/languages";
import { messagesFor } from "@/lib/i18n/messages";
import { cn } from "@/lib/utils";
import { cardPhrases } from "./card-phrases";

/** Printed sizes: a Japanese business card (meishi, 91 × 55 mm) and A6 (105 × 148 mm). */
export const SHOP_CARD_SIZES = {
  card: { label: "Business card", width: 91, height: 55 },
  a6: { label: "A6", width: 105, height: 148 },
} as const;
export type ShopCardSize = keyof typeof SHOP_CARD_SIZES;

/** The page is the card: no printer margins, exact colours, nothing but the card printed. */
export function shopCardPrintCss(size: ShopCardSize): string {
  const { width, height } = SHOP_CARD_SIZES[size];
  return `@page { size: ${width}mm ${height}mm; margin: 0; }
@media print {
  html, body { background: #fff !important; }
  /* 100vh rounds up to a whole pixel, which can spill a blank second page. */
  body, body > div { min-height: 0 !important; }
  [data-shop-card] { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}`;
}

/** The smallest type printed on a card: 7.5 pt stays readable at arm's length on a counter. */
export const SHOP_CARD_MIN_POINTS = 7.5;

type Layout = { card: string; code: string; text: string; name: string; product: string };
const LAYOUT: Record<ShopCardSize, Layout> = {
  card: {
    card: "grid h-[55mm] w-[91mm] grid-cols-[42mm_1fr] items-center gap-[3mm] p-[4mm]",
    code: "size-[42mm]",
    text: "grid gap-[1.2mm] text-[7.5pt] leading-tight",
    name: "text-[9.5pt] font-semibold leading-tight",
    product: "text-[8pt] leading-tight",
  },
  a6: {
    card: "flex h-[148mm] w-[105mm] flex-col items-center justify-center gap-[5mm] p-[8mm] text-center",
    code: "size-[78mm]",
    text: "grid gap-[1.5mm] text-[10pt] leading-snug",
    name: "text-[16pt] font-semibold leading-tight",
    product: "text-[11pt] leading-tight",
  },
};

/**
 * A line that wraps only between its phrases (components/qr/card-phrases.ts): each phrase
 * is kept whole, and Japanese kinsoku rules apply (no small kana or closing mark first).
 */
function PhrasedLine({ text, language }: { text: string; language: ShopperLanguage }) {
  return cardPhrases(text, language).map((phrase, index) =>
    /^\s+$/u.test(phrase) ? (
      <Fragment key={index}>{phrase}</Fragment>
    ) : (
      <Fragment key={index}>
        {index > 0 ? <wbr /> : null}
        <span className="whitespace-nowrap">{phrase}</span>
      </Fragment>
    ),
  );
}

/**
 * One printable shop card: the store's name, the QR code (an inline SVG with its quiet
 * zone) and "Scan to chat with us on WhatsApp" in every shopper language.
 */
export function ShopCard({
  size,
  storeName,
  productName,
  qrSvg,
}: {
  size: ShopCardSize;
  storeName: string;
  productName: string | null;
  /** SVG markup from renderQrSvg (generated here, never from user input). */
  qrSvg: string;
}) {
  const layout = LAYOUT[size];
  return (
    <div
      data-shop-card={size}
      className={cn(
        "overflow-hidden bg-white text-black shadow-md ring-1 ring-black/10 print:shadow-none print:ring-0",
        layout.card,
      )}
    >
      <div
        role="img"
        aria-label={`QR code: chat with ${storeName} on WhatsApp`}
        className={cn("shrink-0 [&>svg]:size-full", layout.code)}
        dangerouslySetInnerHTML={{ __html: qrSvg }}
      />
      <div className="grid gap-[2mm]">
        <div>
          <p className={layout.name}>{storeName}</p>
          {productName ? <p className={cn("opacity-70", layout.product)}>{productName}</p> : null}
        </div>
        <ul className={cn("[line-break:strict]", layout.text)}>
          {SHOPPER_LANGUAGES.map((language) => (
            <li key={language} lang={language}>
              <PhrasedLine text={messagesFor(language).shopCard.scanToChat} language={language} />
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
