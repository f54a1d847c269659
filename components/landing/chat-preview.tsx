import { ArrowRight } from "lucide-react";

/** A drawing of the intended chat flow, made of plain markup (no screenshots). */
export function ChatPreview() {
  return (
    <figure className="mx-auto w-full max-w-sm">
      <div className="overflow-hidden rounded-2xl border bg-card shadow-xl">
        <div className="flex items-center gap-3 bg-primary px-4 py-3 text-primary-foreground">
          <span className="flex size-9 items-center justify-center rounded-full bg-primary-foreground/20 text-sm font-semibold">
            LS
          </span>
          <div className="leading-tight">
            <p className="text-sm font-semibold">Linden Street Goods</p>
            <p className="text-xs opacity-80">Store assistant</p>
          </div>
        </div>
        <div className="flex flex-col gap-3 bg-muted/60 p-4 text-sm">
          <Bubble from="shopper">Hi! I&apos;d like the Canvas tote bag (ref K7Q2)</Bubble>
          <Bubble from="store">
            Great choice! The Canvas tote is €38.00. Here is your secure payment link:
            <span className="mt-2 flex items-center justify-between rounded-md border bg-background px-3 py-2 font-medium text-primary">
              Pay €38.00
              <ArrowRight className="size-4" aria-hidden="true" />
            </span>
          </Bubble>
          <Bubble from="store">Payment received, thank you! You earned 38 loyalty points.</Bubble>
        </div>
      </div>
      <figcaption className="mt-3 text-center text-xs text-muted-foreground">
        Illustration of the chat flow Chatcart is designed for.
      </figcaption>
    </figure>
  );
}

function Bubble({ from, children }: { from: "shopper" | "store"; children: React.ReactNode }) {
  const isShopper = from === "shopper";
  return (
    <div className={isShopper ? "flex justify-end" : "flex justify-start"}>
      <p
        className={
          isShopper
            ? "max-w-[85%] rounded-2xl rounded-br-sm bg-primary/15 px-3 py-2 text-foreground"
            : "max-w-[85%] rounded-2xl rounded-bl-sm bg-background px-3 py-2 shadow-xs"
        }
      >
        <span className="sr-only">{isShopper ? "Shopper: " : "Store: "}</span>
        {children}
      </p>
    </div>
  );
}
