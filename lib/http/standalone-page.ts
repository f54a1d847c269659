/** Text for HTML element content and double-quoted attributes. */
export const escapeHtml = (text: string) =>
  text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");

/**
 * The inline style of the small pages route handlers answer themselves (/go's fallback,
 * /pay's answers): self-contained, since no app CSS loads before them; light and dark.
 */
export const STANDALONE_PAGE_STYLE =
  ":root{color-scheme:light dark;--fg:#0c1512;--muted:#5b6661;--accent:#0f7b4f;--bg:#fff}" +
  "@media(prefers-color-scheme:dark){:root{--fg:#e8efec;--muted:#9aa7a1;--accent:#3ccf8e;--bg:#0c1512}}" +
  "body{margin:0;min-height:100dvh;display:grid;place-items:center;background:var(--bg);color:var(--fg);" +
  "font:16px/1.5 system-ui,-apple-system,'Segoe UI','Hiragino Sans','Noto Sans CJK JP',sans-serif}" +
  "main{max-width:32rem;padding:2rem 1.25rem;text-align:center}" +
  "p{color:var(--muted);margin:.5rem 0}h1{font-size:1.6rem;line-height:1.3;margin:.25rem 0;text-wrap:balance}" +
  "a{display:inline-block;margin-top:1.5rem;padding:.7rem 1.2rem;border-radius:.6rem;" +
  "background:var(--accent);color:var(--bg);font-weight:600;text-decoration:none}" +
  "a:focus-visible{outline:3px solid var(--accent);outline-offset:3px}";
