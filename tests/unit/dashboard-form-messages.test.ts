import { describe, expect, it } from "vitest";
import { z } from "zod";
import { type ProductFormFields, validateProductForm } from "@/lib/catalog/product-schema";
import { errorState } from "@/lib/forms/action-state";
import { createQrCodeSchema } from "@/lib/qr/form-schema";
import { QR_MESSAGE_MAX, QR_NAME_MAX } from "@/lib/qr/limits";
import { SIMULATOR_TEXT_MAX } from "@/lib/simulator/prefill";
import { simulatorTextSchema } from "@/lib/simulator/schemas";
import { businessHoursFormSchema } from "@/lib/stores/business-hours-form";
import { widgetSettingsFormSchema } from "@/lib/widget/settings-form";
import {
  translateFieldErrors,
  translateMessage,
  translateState,
} from "@/lib/dashboard-i18n/translate";

// A Japanese member's invalid submission reads in Japanese: each form's parser is called
// directly and its English messages go through the form's dictionary sections, as the
// server actions do (lib/dashboard-i18n/actions.ts).

const productFields = (overrides: Partial<ProductFormFields> = {}): ProductFormFields => ({
  name: "Matcha Gift Set",
  slug: "",
  sku: "KTC-100",
  description: "",
  price: "2800",
  imageUrl: "",
  active: "on",
  ...overrides,
});

function productErrors(overrides: Partial<ProductFormFields>, currency = "JPY") {
  const result = validateProductForm(productFields(overrides), currency);
  if (result.ok) throw new Error("expected the product form to be refused");
  return result.fieldErrors;
}

describe("translating form messages", () => {
  it("leaves English as it is, and a message no dictionary knows in English", () => {
    expect(translateMessage("Enter a price", "product", "en")).toBe("Enter a price");
    expect(translateMessage("Something new went wrong", "product", "ja")).toBe(
      "Something new went wrong",
    );
  });

  it("fills a template's values into the member's language", () => {
    expect(translateMessage("Archived “Matcha”.", "product", "ja")).toBe(
      "「Matcha」をアーカイブしました。",
    );
    expect(
      translateMessage("Too big: expected string to have <=40 characters", "widget", "ja"),
    ).toBe("40文字以内で入力してください");
  });

  it("translates an action's message and field errors together", () => {
    const state = translateState(
      errorState("Please correct the highlighted fields.", { name: ["Enter the product name"] }),
      "product",
      "ja",
    );
    expect(state).toMatchObject({
      status: "error",
      message: "赤く表示された項目を確認してください。",
      fieldErrors: { name: ["商品名を入力してください"] },
    });
  });
});

describe("product form in Japanese", () => {
  it("names the missing and malformed fields", () => {
    const errors = translateFieldErrors(
      productErrors({ name: " ", sku: "", price: "-5", slug: "Not A Slug" }),
      "product",
      "ja",
    );
    expect(errors.name).toEqual(["商品名を入力してください"]);
    expect(errors.sku).toEqual(["商品コード（SKU）を入力してください（例：KTC-013）"]);
    expect(errors.price).toEqual(["価格にマイナスの値は入力できません"]);
    expect(errors.slug).toEqual([
      "半角英小文字・数字と、間に1つずつのハイフンだけを使ってください（例：matcha-gift-set）",
    ]);
  });

  it("keeps the numbers of templated messages", () => {
    const errors = translateFieldErrors(
      productErrors({ name: "x".repeat(121), price: "12.345" }, "USD"),
      "product",
      "ja",
    );
    expect(errors.name).toEqual(["商品名は120文字以内で入力してください"]);
    expect(errors.price).toEqual(["USDの価格は小数点以下2桁までです（例：19.99）"]);
    expect(translateFieldErrors(productErrors({ price: "12.5" }), "product", "ja").price).toEqual([
      "JPYの価格に小数は使えません。整数で入力してください（例：2800）",
    ]);
    expect(
      translateFieldErrors(productErrors({ imageUrl: "http://example.com/a.png" }), "product", "ja")
        .imageUrl,
    ).toEqual(["安全なページでも画像が表示されるよう、https:// のアドレスを使ってください"]);
  });
});

describe("widget settings form in Japanese", () => {
  const valid = {
    position: "left",
    colour: "#128c7e",
    label: "Ask us",
    greeting: "",
    whenClosed: "note",
    offlineNote: "Closed",
  };
  function widgetErrors(values: Record<string, string>) {
    const parsed = widgetSettingsFormSchema.safeParse(values);
    if (parsed.success) throw new Error("expected the widget form to be refused");
    const errors = z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>;
    return translateFieldErrors(errors, "widget", "ja");
  }

  it("explains its own fields' problems", () => {
    const errors = widgetErrors({
      ...valid,
      position: "middle",
      label: "x".repeat(41),
      label_ja: "x".repeat(41),
    });
    expect(errors.label).toEqual(["40文字以内で入力してください"]);
    expect(errors.label_ja).toEqual(["40文字以内で入力してください"]);
    expect(errors.position).toEqual(['"right"|"left" の中から選んでください']);
  });
});

describe("business hours form (Settings) in Japanese", () => {
  function hoursErrors(values: Record<string, string>) {
    const parsed = businessHoursFormSchema.safeParse(values);
    if (parsed.success) throw new Error("expected the hours form to be refused");
    const errors = z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>;
    return translateFieldErrors(errors, "hours", "ja");
  }

  it("explains business hours it cannot read", () => {
    const errors = hoursErrors({
      hoursEnabled: "on",
      hours_mon: "nine to five",
      hours_tue: "18:00-09:00",
      hours_thu: "08:00-09:00, 10:00-11:00, 12:00-13:00, 14:00-15:00",
    });
    expect(errors.hours_mon).toEqual([
      "09:00–18:00 のように入力し、休憩はカンマで区切ってください",
    ]);
    expect(errors.hours_tue).toEqual(["終了時刻は開始時刻より後にしてください"]);
    expect(errors.hours_thu).toEqual(["1日の時間帯は3つまでです"]);
  });

  it("asks for at least one open day", () => {
    expect(hoursErrors({ hoursEnabled: "on", hours_mon: "" }).hoursEnabled).toEqual([
      "すべての曜日が定休日になっています。少なくとも1日の営業時間を入力するか、営業時間の設定をオフにしてください。",
    ]);
  });
});

describe("QR code form in Japanese", () => {
  function qrErrors(values: Record<string, unknown>) {
    const parsed = createQrCodeSchema.safeParse(values);
    if (parsed.success) throw new Error("expected the QR code form to be refused");
    const errors = z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>;
    return translateFieldErrors(errors, "qr", "ja");
  }

  it("asks for a name, a real product and a short message", () => {
    const errors = qrErrors({
      name: " ",
      productId: "not-a-product",
      prefilledMessage: "x".repeat(QR_MESSAGE_MAX + 1),
    });
    expect(errors.name).toEqual([
      "コードに名前を付けてください（例：「ショップカード — 祇園店」）",
    ]);
    expect(errors.productId).toEqual(["ストアの商品から選んでください"]);
    expect(errors.prefilledMessage).toEqual([
      `メッセージは${QR_MESSAGE_MAX}文字以内にしてください（チャットの参照番号はその後に付きます）`,
    ]);
    expect(qrErrors({ name: "x".repeat(QR_NAME_MAX + 1) }).name).toEqual([
      `名前は${QR_NAME_MAX}文字以内で入力してください`,
    ]);
  });

  it("answers the actions' outcomes in Japanese", () => {
    expect(translateMessage("QR code “Gion counter” created.", "qr", "ja")).toBe(
      "QRコード「Gion counter」を作成しました。",
    );
    expect(translateMessage("This QR code does not exist in your store.", "qr", "ja")).toBe(
      "このQRコードはストアにありません。",
    );
  });
});

describe("simulator composer in Japanese", () => {
  function simulatorErrors(values: Record<string, unknown>) {
    const parsed = simulatorTextSchema.safeParse(values);
    if (parsed.success) throw new Error("expected the simulator's message to be refused");
    const errors = z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>;
    return translateFieldErrors(errors, "simulator", "ja");
  }

  it("asks for a message and a short name", () => {
    const errors = simulatorErrors({ profileName: "x".repeat(61), text: "  " });
    expect(errors.text).toEqual(["メッセージを入力してください"]);
    expect(errors.profileName).toEqual(["名前は60文字以内で入力してください"]);
    expect(simulatorErrors({ text: "x".repeat(SIMULATOR_TEXT_MAX + 1) }).text).toEqual([
      `WhatsAppのメッセージは${SIMULATOR_TEXT_MAX}文字までです`,
    ]);
  });

  it("explains why the simulator cannot send", () => {
    expect(
      translateMessage(
        "WhatsApp is not connected: add an access token in Settings → WhatsApp.",
        "simulator",
        "ja",
      ),
    ).toBe(
      "WhatsAppが接続されていません。「設定 → WhatsApp」でアクセストークンを追加してください。",
    );
    expect(translateMessage("Sent.", "simulator", "ja")).toBe("送信しました。");
  });

  it("asks for the time of the sandbox recovery run in Japanese", () => {
    expect(translateMessage("Choose a date and time.", "simulator", "ja")).toBe(
      "日時を選んでください。",
    );
  });
});

describe("settings forms in Japanese", () => {
  it("translates a refusal with the reason lib/ gave inside it", () => {
    expect(
      translateMessage(
        "Nothing was saved. This phone-number id is already connected to another store.",
        "settings",
        "ja",
      ),
    ).toBe("保存されませんでした。この電話番号IDはすでに別のストアに接続されています。");
  });

  it("translates the profile's field errors and the number's status", () => {
    const errors = translateFieldErrors(
      {
        whatsappNumber: ["WhatsApp numbers have no extension: remove the “ext” part"],
        name: ["The store name needs at least 2 characters"],
      },
      "settings",
      "ja",
    );
    expect(errors).toEqual({
      whatsappNumber: ["WhatsApp番号に内線番号は使えません。「ext」以降を削除してください"],
      name: ["ストア名は2文字以上で入力してください"],
    });
    expect(
      translateMessage("Current: 1065, bound to this store by the operator.", "settings", "ja"),
    ).toBe("現在：1065（運営者がこのストアに割り当て済み）");
  });
});
