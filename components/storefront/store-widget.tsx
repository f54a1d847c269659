/**
 * The embeddable click-to-chat widget (public/widget.js), loaded the same way any other
 * site loads it. Async, so it never blocks rendering; it draws its own button.
 */
export function StoreWidget({ attributes }: { attributes: Record<string, string> }) {
  return <script src="/widget.js" async {...attributes} />;
}
