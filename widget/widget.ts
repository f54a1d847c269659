/**
 * Chatcart click-to-chat widget: `<script src="https://<app>/widget.js" data-store="demo" async>`.
 * Built by scripts/build-widget.mjs into public/widget.js (budget: 2,048 bytes gzipped).
 *
 * It reads its options from its own script tag (lib/widget/attributes.ts writes them), draws a
 * floating link to `<app>/go/<store>?src=widget…` in a shadow root, and fetches nothing until
 * the shopper interacts: on desktop the link opens a panel whose QR code image (the same chat,
 * `src=desktop_qr`, for the phone) is requested only then.
 */
import { isOpenNow } from "./hours";
import { pickLanguage } from "./language";
import { STRINGS } from "./strings";
import { css } from "./styles";

/** A speech bubble, inline so the widget loads no image (the link's aria-label names it). */
const ICON = '<svg width=28 height=28 fill=currentColor><path d="M3 4h22v16H11l-8 5z"/></svg>';

function mount(script: HTMLScriptElement): void {
  const options = script.dataset;
  const closed = !isOpenNow(options.hours, options.tz, new Date());
  if (closed && options.whenClosed == "hide") return;

  const lang = pickLanguage([options.lang, document.documentElement.lang, navigator.language]);
  const [chat, title, here, close] = STRINGS[lang].split("|");
  const side = options.position == "left" ? "left" : "right";
  // The owner's words in the page's language, else the store's default ones. The snippet for
  // any page carries each translation (lib/widget/attributes.ts) as data-label_ja,
  // data-offline-note_zh (zh-Hans): dataset names them label_ja, offlineNote_zh.
  const own = (name: string) => options[name + "_" + lang.slice(0, 2)] ?? options[name];
  const label = own("label") ?? "";
  const note = own(closed ? "offlineNote" : "greeting");
  // ARIA reflection (ariaLabel, ariaExpanded) writes the same attributes in fewer bytes.
  // Resolved against widget.js's own address, so links lead to this app from any site. The
  // URL parser percent-encodes quotes and brackets, so links are safe inside a double-quoted
  // attribute; the store's own words (label, note) go in as text nodes, never as HTML.
  const link = (path: string, src: string) =>
    new URL(
      `/${path}/${options.store}?${new URLSearchParams({
        src,
        ...(options.product && { product: options.product }),
        lang,
      })}`,
      script.src,
    );
  const chatUrl = link("go", "widget");
  const closeButton = `<button class=x aria-label="${close}">×</button>`;

  const host = document.createElement("chatcart-widget");
  host.style.cssText = `all:initial;position:fixed;z-index:2147483647;bottom:20px;${side}:20px`;
  const root = host.attachShadow({ mode: "open" });
  root.innerHTML =
    `<style>${css(side, options.colour)}</style><div class=w>` +
    (note ? `<div class=b>${closeButton}</div>` : "") +
    `<a class=c href="${chatUrl}">${ICON}</a></div>`;
  const button = root.querySelector<HTMLElement>(".c")!;
  button.append(label);
  button.ariaLabel = label ? `${label} – ${chat}` : chat!;
  const bubble = root.querySelector(".b");
  bubble?.append(note!);

  let panel: Element | null | undefined;
  const togglePanel = () => {
    button.ariaExpanded = !panel + "";
    if (panel) {
      panel.remove();
      panel = null;
      return button.focus();
    }
    bubble?.remove();
    // The QR code's <img> exists only from now on: the widget's first request after widget.js.
    button.insertAdjacentHTML(
      "beforebegin",
      `<div class=p>${closeButton}<b>${title}</b><img width=180 height=180 alt=QR src="${link("qr", "desktop_qr")}&format=svg"><a href="${chatUrl}" target=_blank>${here}</a></div>`,
    );
    panel = button.previousElementSibling!;
    (panel.firstChild as HTMLElement).focus();
  };
  const frame = root.lastChild as HTMLElement;
  frame.onclick = (click) => {
    const target = (click.target as Element).closest("a,button");
    if (target == button) {
      // Phones (and Ctrl/⌘/Shift-clicks; a middle click is no "click") follow the link; a desktop
      // pointer gets the QR panel.
      if (click.ctrlKey || click.metaKey || click.shiftKey) return;
      if (!matchMedia("(pointer:fine)").matches) return;
      click.preventDefault();
      togglePanel();
    } else if ((target as HTMLButtonElement | null)?.type) {
      // Only a button has a `type` ("submit"); a link without the attribute has "".
      if (target!.parentNode == panel) togglePanel();
      else (target!.parentNode as Element).remove();
    }
  };
  frame.onkeydown = (event) => {
    if (event.key == "Escape" && panel) togglePanel();
  };
  document.body.append(host);
}

const self = (document.currentScript ??
  document.querySelector("script[data-store]")) as HTMLScriptElement | null;
if (self?.dataset.store) {
  if (document.body) mount(self);
  else addEventListener("DOMContentLoaded", () => mount(self));
}
