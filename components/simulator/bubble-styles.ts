/** WhatsApp's look, shared by the simulator's chat and the previews of a store's messages. */
export const CHAT_WALLPAPER = "bg-[#efeae2] dark:bg-zinc-950";
export const BUBBLE = "max-w-[85%] overflow-hidden rounded-lg shadow-sm";
export const STORE_BUBBLE =
  "rounded-tl-none bg-white text-zinc-900 dark:bg-zinc-800 dark:text-zinc-50";
export const SHOPPER_BUBBLE =
  "rounded-tr-none bg-[#d9fdd3] text-zinc-900 dark:bg-[#005c4b] dark:text-zinc-50";
