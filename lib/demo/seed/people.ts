import type { Rng } from "./random";

/** Locales of the demo's shoppers: mostly local, plus travellers who found the shop in Kyoto. */
export type DemoLocale = "ja" | "en" | "zh-Hans" | "ko";

// prettier-ignore
const NAMES = {
  jaFamily: ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田", "佐々木", "山口", "松本", "井上", "木村", "清水", "森", "池田"],
  jaGiven: ["陽菜", "結衣", "蓮", "湊", "悠真", "美咲", "翔太", "葵", "大翔", "さくら", "健太", "由美", "直樹", "彩", "拓海", "真央", "恵", "浩二", "千尋", "誠"],
  enFirst: ["Emma", "Oliver", "Sophie", "Liam", "Ava", "Noah", "Grace", "Jack", "Chloe", "Lucas", "Mia", "Ethan", "Isla", "James", "Olivia", "Henry", "Ruby", "Leo", "Harper", "Samuel"],
  enLast: ["Smith", "Johnson", "Brown", "Taylor", "Wilson", "Davies", "Miller", "Clarke", "Walker", "Wright", "Thompson", "Evans", "Roberts", "Hughes", "Martin", "Lee", "Anderson", "Harris", "Moore", "Young"],
  zhFamily: ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙"],
  zhGiven: ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "洋", "艳", "杰", "婷", "雪", "晨", "浩然", "欣怡", "子涵", "宇轩", "梓萱"],
  koFamily: ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임"],
  koGiven: ["민준", "서연", "지우", "하은", "도윤", "서준", "지민", "수빈", "예은", "현우", "지훈", "유나", "은지", "성민", "다은"],
};

// prettier-ignore
const IN_SHOP_LOCALES: readonly (readonly [DemoLocale, number])[] = [["ja", 40], ["en", 28], ["zh-Hans", 18], ["ko", 14]];
// prettier-ignore
const ONLINE_LOCALES: readonly (readonly [DemoLocale, number])[] = [["ja", 72], ["en", 13], ["zh-Hans", 9], ["ko", 6]];

export function pickLocale(rng: Rng, inShop: boolean): DemoLocale {
  // A QR card in the shop is how most travellers start a chat.
  return inShop ? rng.weighted(IN_SHOP_LOCALES) : rng.weighted(ONLINE_LOCALES);
}

/** A WhatsApp profile name in the script people of that locale usually use. */
export function pickName(rng: Rng, locale: DemoLocale): string {
  switch (locale) {
    case "ja":
      return `${rng.pick(NAMES.jaFamily)} ${rng.pick(NAMES.jaGiven)}`;
    case "en":
      // Plenty of WhatsApp profiles carry a first name only.
      return rng.chance(0.25)
        ? rng.pick(NAMES.enFirst)
        : `${rng.pick(NAMES.enFirst)} ${rng.pick(NAMES.enLast)}`;
    case "zh-Hans":
      return `${rng.pick(NAMES.zhFamily)}${rng.pick(NAMES.zhGiven)}`;
    case "ko":
      return `${rng.pick(NAMES.koFamily)}${rng.pick(NAMES.koGiven)}`;
  }
}

// Japan, China and Korea reserve no numbers for fiction, so every demo shopper
// gets a number from a range that is: 555-0100…0199 in North America (any area
// code) and Ofcom's 07700 900000…900999 drama range in the UK.
// prettier-ignore
const US_AREA_CODES = ["201", "202", "206", "212", "213", "305", "310", "312", "415", "503", "617", "646", "702", "718", "808"];

export function createPhoneAllocator(rng: Rng) {
  const used = new Set<string>();
  return function allocatePhone(locale: DemoLocale): { phone: string; waId: string } {
    for (;;) {
      const phone =
        locale === "en" && rng.chance(0.5)
          ? `+447700900${String(rng.int(0, 999)).padStart(3, "0")}`
          : `+1${rng.pick(US_AREA_CODES)}55501${String(rng.int(0, 99)).padStart(2, "0")}`;
      if (!used.has(phone)) {
        used.add(phone);
        return { phone, waId: phone.slice(1) };
      }
    }
  };
}
