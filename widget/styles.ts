/**
 * The widget's CSS, inside its shadow root: `side` is left or right, `colour` the store's.
 * The button's text is black or white, whichever contrasts more with the colour (CSS relative
 * colour: LCH lightness above 50 → black; browsers without relative colours keep white).
 * The host element is position: fixed (nothing in the page's flow, so no layout shift), fonts
 * are the system's (nothing to download), and the fade-in runs only for shoppers who have not
 * asked for reduced motion. The colour comes from the embedding page's own attribute (the
 * dashboard writes a validated one), so a malformed value can only break that page's widget.
 */
export const css = (side: string, colour: string) =>
  `.w{display:grid;justify-items:${side};gap:9px;font:15px system-ui;color:#111}` +
  `.w>*{max-width:300px;padding:12px;border-radius:14px;background:#fff;border:1px solid #0003}` +
  `.c{display:flex;align-items:center;gap:9px;border-radius:99px;background:${colour};color:#fff;color:lch(from ${colour} calc((50 - l)*99) 0 0);text-decoration:none}` +
  `.p{text-align:center}img{display:block;margin:9px auto}.x{float:right;border:0;background:0;font:20px serif}` +
  `:focus-visible{outline:3px solid #15c;outline-offset:2px}` +
  `@media(prefers-reduced-motion:no-preference){.w>*{animation:i .3s}}@keyframes i{from{opacity:0}}`;
