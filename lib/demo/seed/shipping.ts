import type { ShippingAddress } from "@/db/schema";
import type { DemoCountry } from "./people";
import type { Rng } from "./random";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The country of a demo phone number (people.ts hands out one range per country). */
export function countryOfPhone(phone: string): DemoCountry {
  if (phone.startsWith("+81")) return "JP";
  if (phone.startsWith("+86")) return "CN";
  if (phone.startsWith("+82")) return "KR";
  if (phone.startsWith("+886")) return "TW";
  if (phone.startsWith("+61")) return "AU";
  if (phone.startsWith("+44")) return "GB";
  return "US";
}

type Place = Omit<ShippingAddress, "name" | "line1" | "line2" | "country"> & { streets: string[] };

// Fictional street addresses in real cities; travellers have their tea sent home.
// prettier-ignore
const PLACES: Record<DemoCountry, readonly Place[]> = {
  JP: [
    { city: "Kyoto-shi Higashiyama-ku", state: "Kyoto", postalCode: "605-0074", streets: ["Gionmachi Minamigawa 5-2", "Shimokawara-cho 12-3"] },
    { city: "Osaka-shi Kita-ku", state: "Osaka", postalCode: "530-0001", streets: ["Umeda 2-8-1", "Sonezaki 1-4-20"] },
    { city: "Setagaya-ku", state: "Tokyo", postalCode: "154-0004", streets: ["Taishido 3-11-5", "Sangenjaya 2-6-14"] },
    { city: "Kobe-shi Chuo-ku", state: "Hyogo", postalCode: "650-0011", streets: ["Shimoyamate-dori 4-1-9"] },
  ],
  US: [
    { city: "Portland", state: "OR", postalCode: "97209", streets: ["1420 NW Lovejoy St", "88 NW 11th Ave"] },
    { city: "Brooklyn", state: "NY", postalCode: "11215", streets: ["412 7th Ave", "29 Prospect Park W"] },
    { city: "San Francisco", state: "CA", postalCode: "94110", streets: ["3150 18th St", "955 Valencia St"] },
  ],
  GB: [
    { city: "London", state: null, postalCode: "N1 9GU", streets: ["27 Upper Street", "4 Camden Passage"] },
    { city: "Bristol", state: null, postalCode: "BS8 1TH", streets: ["18 Clifton Down Road"] },
  ],
  AU: [
    { city: "Fitzroy", state: "VIC", postalCode: "3065", streets: ["210 Gertrude Street", "77 Brunswick Street"] },
    { city: "Surry Hills", state: "NSW", postalCode: "2010", streets: ["45 Crown Street"] },
  ],
  CN: [
    { city: "上海市", state: "上海", postalCode: "200031", streets: ["徐汇区武康路 100 号"] },
    { city: "北京市", state: "北京", postalCode: "100010", streets: ["东城区五四大街 29 号"] },
  ],
  KR: [
    { city: "서울특별시 종로구", state: "서울", postalCode: "03060", streets: ["북촌로 37"] },
    { city: "부산광역시 해운대구", state: "부산", postalCode: "48094", streets: ["해운대해변로 264"] },
  ],
  TW: [
    { city: "台北市大安區", state: "台北市", postalCode: "106", streets: ["永康街 12 號"] },
    { city: "台中市西區", state: "台中市", postalCode: "403", streets: ["美村路一段 88 號"] },
  ],
};

/** Where Stripe Checkout collected the parcel's address: the shopper's home country. */
export function demoShippingAddress(rng: Rng, name: string, country: DemoCountry): ShippingAddress {
  const place = rng.pick(PLACES[country]);
  const { streets, ...rest } = place;
  return {
    name,
    line1: rng.pick(streets),
    line2: rng.chance(0.3)
      ? country === "JP"
        ? `${rng.int(1, 9)}0${rng.int(1, 9)}`
        : `Apt ${rng.int(2, 40)}`
      : null,
    ...rest,
    country,
  };
}

/** A tracking link of the carrier that takes parcels from Kyoto to `country`. */
export function demoTrackingUrl(rng: Rng, country: DemoCountry): string {
  const digits = (count: number) =>
    Array.from({ length: count }, () => String(rng.int(0, 9))).join("");
  return country === "JP"
    ? `https://track.example/yamato/${digits(12)}`
    : `https://track.example/japan-post-ems/EJ${digits(9)}JP`;
}

/** How long a parcel takes once shipped: a day or two in Japan, a week or two abroad. */
export function deliveryTime(rng: Rng, country: DemoCountry): number {
  return country === "JP" ? rng.int(20, 48) * HOUR : rng.int(4, 12) * DAY + rng.int(0, 23) * HOUR;
}
