import type { Rng } from "./random";

/** Locales of the demo's shoppers: mostly local, plus travellers who found the shop in Kyoto. */
export type DemoLocale = "ja" | "en" | "zh-Hans" | "ko";

/** Where a demo shopper's phone number is from: Japanese locals and travellers. */
export type DemoCountry = "JP" | "US" | "GB" | "AU" | "CN" | "KR" | "TW";

// prettier-ignore
const NAMES: Record<DemoCountry, { first: readonly string[]; last: readonly string[] }> = {
  JP: {
    last: ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田", "佐々木", "山口", "松本", "井上", "木村", "清水", "森", "池田"],
    first: ["陽菜", "結衣", "蓮", "湊", "悠真", "美咲", "翔太", "葵", "大翔", "さくら", "健太", "由美", "直樹", "彩", "拓海", "真央", "恵", "浩二", "千尋", "誠"],
  },
  US: {
    first: ["Emma", "Liam", "Ava", "Noah", "Madison", "Ethan", "Olivia", "Mason", "Abigail", "Tyler", "Harper", "Caleb", "Brooke", "Logan", "Kayla", "Jackson"],
    last: ["Johnson", "Williams", "Miller", "Garcia", "Rodriguez", "Martinez", "Anderson", "Thomas", "Jackson", "White", "Harris", "Robinson", "Lewis", "Walker", "Hernandez", "Young"],
  },
  GB: {
    first: ["Oliver", "Amelia", "George", "Isla", "Harry", "Poppy", "Alfie", "Freya", "Charlie", "Imogen", "Archie", "Evie", "Rory", "Niamh", "Callum", "Hannah"],
    last: ["Smith", "Jones", "Taylor", "Davies", "Evans", "Wilson", "Thomas", "Roberts", "Hughes", "Clarke", "Wright", "Wood", "Turner", "Hill", "Ward", "Patel"],
  },
  AU: {
    first: ["Charlotte", "Jack", "Matilda", "Cooper", "Ruby", "Lachlan", "Zoe", "Riley", "Mia", "Hamish", "Chloe", "Lincoln", "Sienna", "Harrison", "Ella", "Flynn"],
    last: ["Nguyen", "Kelly", "Mitchell", "Ryan", "Campbell", "Stewart", "O'Brien", "Murphy", "Thompson", "Morris", "Kennedy", "Harvey", "Cooper", "Bell", "Fraser", "Doyle"],
  },
  CN: {
    last: ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙"],
    first: ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "洋", "艳", "杰", "婷", "雪", "晨", "浩然", "欣怡", "子涵", "宇轩", "梓萱"],
  },
  KR: {
    last: ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임"],
    first: ["민준", "서연", "지우", "하은", "도윤", "서준", "지민", "수빈", "예은", "현우", "지훈", "유나", "은지", "성민", "다은"],
  },
  // Traditional characters, as most Taiwanese profiles are written.
  TW: {
    last: ["陳", "林", "黃", "張", "李", "王", "吳", "劉", "蔡", "楊", "許", "鄭"],
    first: ["怡君", "雅婷", "家豪", "志明", "淑芬", "冠宇", "宜蓁", "承恩", "佳穎", "俊傑", "詩涵", "柏翰"],
  },
};

// prettier-ignore
const IN_SHOP_LOCALES: readonly (readonly [DemoLocale, number])[] = [["ja", 40], ["en", 28], ["zh-Hans", 18], ["ko", 14]];
// prettier-ignore
const ONLINE_LOCALES: readonly (readonly [DemoLocale, number])[] = [["ja", 72], ["en", 13], ["zh-Hans", 9], ["ko", 6]];

/**
 * The countries behind each locale. English speakers come from the US, the UK and Australia,
 * and Taiwanese travellers write in English too: the storefront and bot speak Simplified
 * Chinese only, which lib/i18n/languages.ts does not offer to Traditional readers.
 */
// prettier-ignore
const COUNTRIES: Record<DemoLocale, readonly (readonly [DemoCountry, number])[]> = {
  ja: [["JP", 1]],
  en: [["US", 40], ["GB", 25], ["AU", 20], ["TW", 15]],
  "zh-Hans": [["CN", 1]],
  ko: [["KR", 1]],
};

export function pickLocale(rng: Rng, inShop: boolean): DemoLocale {
  // A QR card in the shop is how most travellers start a chat.
  return inShop ? rng.weighted(IN_SHOP_LOCALES) : rng.weighted(ONLINE_LOCALES);
}

export function pickCountry(rng: Rng, locale: DemoLocale): DemoCountry {
  return rng.weighted(COUNTRIES[locale]);
}

/** A WhatsApp profile name as people from that country usually write theirs. */
export function pickName(rng: Rng, country: DemoCountry): string {
  const { first, last } = NAMES[country];
  switch (country) {
    case "JP":
      return `${rng.pick(last)} ${rng.pick(first)}`;
    case "CN":
    case "KR":
    case "TW":
      return `${rng.pick(last)}${rng.pick(first)}`;
    default:
      // Plenty of WhatsApp profiles carry a first name only.
      return rng.chance(0.25) ? rng.pick(first) : `${rng.pick(first)} ${rng.pick(last)}`;
  }
}

/**
 * ACMA's numbers for creative works in the 0491 570 block (other 0491 57x numbers may be
 * real phones). Only eight, so once they are taken further Australians become Britons.
 */
export const AU_FICTION_NUMBERS = ["006", "110", "156", "157", "158", "159", "313", "737"];
// prettier-ignore
const US_AREA_CODES = ["201", "202", "206", "212", "213", "305", "310", "312", "415", "503", "617", "646", "702", "718", "808"];

const digits = (rng: Rng, count: number) =>
  String(rng.int(0, 10 ** count - 1)).padStart(count, "0");

/**
 * A number of `country` in its range reserved for fiction where it has one: 555-0100…0199
 * in North America (any area code), Ofcom's 07700 900000…900999 in the UK, ACMA's 0491 570
 * numbers in Australia. Japan, China, Korea and Taiwan reserve none, so their numbers are
 * mobile prefixes followed by a run of zeros no operator hands out, fictional at a glance:
 * 090-0000-0xxx, 138-0000-0xxx, 010-0000-0xxx, 0900-000-xxx.
 */
function fictionalNumber(rng: Rng, country: DemoCountry): string {
  switch (country) {
    case "JP":
      return `+819000000${digits(rng, 3)}`;
    case "CN":
      return `+8613800000${digits(rng, 3)}`;
    case "KR":
      return `+821000000${digits(rng, 3)}`;
    case "TW":
      return `+886900000${digits(rng, 3)}`;
    case "AU":
      return `+61491570${rng.pick(AU_FICTION_NUMBERS)}`;
    case "GB":
      return `+447700900${digits(rng, 3)}`;
    case "US":
      return `+1${rng.pick(US_AREA_CODES)}55501${digits(rng, 2)}`;
  }
}

/** Hands out each number once; returns the country it used (see AU_FICTION_NUMBERS). */
export function createPhoneAllocator(rng: Rng) {
  const used = new Set<string>();
  let australiansLeft = AU_FICTION_NUMBERS.length;
  return function allocatePhone(wanted: DemoCountry) {
    const country = wanted === "AU" && australiansLeft-- <= 0 ? "GB" : wanted;
    for (;;) {
      const phone = fictionalNumber(rng, country);
      if (!used.has(phone)) {
        used.add(phone);
        return { country, phone, waId: phone.slice(1) };
      }
    }
  };
}
