/**
 * The widget's CSS, inside its shadow root: `side` is left or right, `colour` the store's
 * `data-colour`. Only `#rgb` or `#rrggbb` gets in (else the default green): the colour is
 * written into a <style>, where `}`, `</style>` or url() would inject CSS or HTML into the page.
 * The button's text is black or white, whichever contrasts more with the colour (CSS relative
 * colour: LCH lightness above 50 → black; browsers without relative colours keep white).
 * The host element is position: fixed (nothing in the page's flow, so no layout shift), fonts
 * are the system's (nothing to download), and the fade-in runs only for shoppers who have not
 * asked for reduced motion. The desktop panel's "open here" link is drawn like the button (in
 * the store's colour, no underline), and its × in the widget's font; the QR image is centred
 * by the panel's text-align (no display:block, for the byte budget).
 */
export const css = (
  side: string,
  colour?: string,
  // A default parameter, not a statement: the widget's budget is 2 KB. test(undefined) tests
  // "undefined", which is no colour either.
  hex = /^#([\da-f]{3}){1,2}$/i.test(colour!) ? colour : "#25D366",
) =>
  `.w{display:grid;justify-items:${side};gap:9px;font:15px system-ui;color:#111}` +
  `.w>*,.p>a{max-width:300px;padding:12px;border-radius:14px;background:#fff;border:1px solid #0003}` +
  `.p>a,.c{display:flex;align-items:center;gap:9px;border-radius:99px;background:${hex};color:#fff;color:lch(from ${hex} calc((50 - l)*99) 0 0);text-decoration:none}` +
  `.p{text-align:center}img{margin:9px}.x{float:right;border:0;background:0;font:20px system-ui}` +
  `:focus-visible{outline:3px solid #15c;outline-offset:2px}` +
  `@media(prefers-reduced-motion:no-preference){.w>*{animation:i .3s}}@keyframes i{from{opacity:0}}`;
