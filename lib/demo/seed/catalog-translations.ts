/**
 * The demo's product names in Japanese (the store's own language; its catalogue was written in
 * English for the travellers), and a few in Chinese and Korean: shoppers see them in their
 * language, and anything without a translation falls back to the English name.
 */
// prettier-ignore
export const DEMO_PRODUCT_TRANSLATIONS: Record<string, Record<string, { name?: string; description?: string }>> = {
  "uji-matcha-ceremonial-30g": {
    ja: {
      name: "宇治抹茶 濃茶用（30 g）",
      description: "宇治で摘んだ覆下栽培の碾茶を石臼で挽きました。鮮やかな翡翠色と深い旨み、渋みのない甘さ。薄茶にも抹茶ラテにも。開封後は冷蔵庫で保存してください。",
    },
    "zh-Hans": { name: "宇治抹茶·仪式级（30 克）" },
    ko: { name: "우지 말차 세리머니얼 등급 (30 g)" },
  },
  "kyoto-hojicha-100g": {
    ja: {
      name: "京ほうじ茶（100 g）",
      description: "番茶の葉と茎を炭火で栗色になるまで焙じました。香ばしくカフェインが少なめで、夜にもやさしいお茶です。チャック付き袋入り。",
    },
    "zh-Hans": { name: "京都焙茶（100 克）" },
    ko: { name: "교토 호지차 (100 g)" },
  },
  "gyokuro-shade-grown-50g": { ja: { name: "玉露（50 g）" } },
  "shincha-first-flush-sencha-80g": { ja: { name: "新茶 一番摘み煎茶（80 g・数量限定）" } },
  "takayama-chasen-whisk": { ja: { name: "高山茶筌（80本立）" } },
  "kiyomizu-chawan-tea-bowl": { ja: { name: "清水焼 抹茶碗" } },
  "nambu-tetsubin-kettle": { ja: { name: "南部鉄瓶（0.8 L）" } },
  "kyo-yuzen-furoshiki": { ja: { name: "京友禅 風呂敷（70 cm）" } },
  "kyoto-morning-incense": { ja: { name: "京の朝 お香（35本入）" } },
  "kamo-river-tenugui": { ja: { name: "鴨川 手ぬぐい" } },
  "yuzu-soy-candle": { ja: { name: "柚子のソイキャンドル" } },
  "matcha-ceremony-gift-set": { ja: { name: "抹茶点前 ギフトセット" } },
};
