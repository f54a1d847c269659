import type settingsEn from "./settings-en";

/** Settings in Japanese. */
const settingsJa: typeof settingsEn = {
  title: "設定",
  ownerOnly: "これらの設定を変更できるのはストアのオーナーだけです。",
  profile: {
    title: "ストア情報",
    description: "お客様への表示やレポートで使われるストアの情報です。",
    name: "ストア名",
    whatsappNumber: "WhatsApp番号",
    whatsappNumberHelp: "国番号から入力してください（例：+81 75 123 4567）。",
    currency: "通貨",
    currencyHelp: "商品を登録するか注文を受けると変更できなくなります。",
    defaultLanguage: "既定の言語",
    timezone: "タイムゾーン",
    save: "ストア情報を保存",
    languages: { en: "English（英語）", ja: "日本語" },
  },
  hours: {
    title: "営業時間",
    description:
      "営業時間外は、ウィジェットに時間外メッセージを表示（または非表示に）し、ボットが次の営業開始時刻をお客様に伝えます。",
    save: "営業時間を保存",
  },
  whatsapp: {
    title: "WhatsApp連携（Cloud API）",
    description:
      "MetaのWhatsAppマネージャー（APIセットアップ）とアプリの「ベーシック」設定で確認できます。シークレットは暗号化して保存され、二度と表示されません。",
    status: "状態",
    connected: "WhatsAppに接続済み",
    sandbox: "サンドボックス（返信はシミュレーターに届きます）",
    notConnected: "未接続",
    sandboxHelp:
      "アクセストークンが未設定のため、実際のスマートフォンには届きません。「ダッシュボード → シミュレーター」でボットをお試しください。",
    webhookUrl: "Webhook コールバックURL",
    webhookHelp:
      "Metaアプリの「WhatsApp → 構成 → Webhook」で {field} フィールドを購読してください。",
    phoneNumberId: "電話番号ID",
    phoneNumberIdHelp:
      "新しいIDは、ご自身のアクセストークンで利用できることをMetaが確認した後にのみ保存されます。",
    phoneNumberIdPlaceholder: "例：106540352242922",
    accessToken: "アクセストークン",
    accessTokenPlaceholder: "置き換える新しいトークンを貼り付け",
    appSecret: "app secret",
    appSecretPlaceholder: "置き換える新しいapp secretを貼り付け",
    save: "WhatsAppの設定を保存",
  },
  stripe: {
    title: "Stripe連携",
    description:
      "Stripeダッシュボード（開発者 → APIキー、およびWebhookエンドポイントの署名シークレット）で確認できます。",
    secretKey: "シークレットキー",
    webhookSecret: "Webhook署名シークレット",
    save: "Stripeの設定を保存",
  },
  stored: {
    title: "保存済みの値",
    notSet: "未設定",
    stored: "保存済み：",
    updated: "{date}に更新",
    remove: "削除",
  },
  status: {
    confirmed: "現在：{id}（アクセストークンでの利用をMetaが確認済み）",
    operator: "現在：{id}（運営者がこのストアに割り当て済み）",
    demo: "現在：{id}（デモストアの番号・開発環境のみ）",
    unconfirmed: "{id} は確認されていないため使用されません。",
    notSet: "未設定",
    storeGone: "このストアはもう存在しません。",
    noToken:
      "WhatsAppに接続されていません。「設定 → WhatsApp」でアクセストークンを追加してください。",
    unbound:
      "WhatsAppに接続されていません。プラットフォームのアクセストークンで使える電話番号がこのストアに割り当てられていません。運営者が WHATSAPP_PHONE_NUMBERS（<電話番号ID>:<ストアのスラッグ>）で割り当てるか、「設定 → WhatsApp」でご自身のアクセストークンと電話番号IDを追加してください。",
    unchecked:
      "WhatsAppに接続されていません。「設定 → WhatsApp」で電話番号IDを保存してください。アクセストークンで確認されます。",
  },
  outcomes: {
    profileSaved: "ストア情報を保存しました。",
    hoursSaved: "営業時間を保存しました。",
    whatsappSaved: "WhatsAppの設定を保存しました。",
    whatsappVerify:
      "WhatsAppの設定を保存しました。MetaアプリのWebhook設定で、コールバックURL {url} と確認トークン {token} を入力してください。確認トークンが表示されるのは今回だけです（新しいトークンが必要な場合はapp secretをもう一度保存してください）。",
    stripeSaved: "Stripeの設定を保存しました。",
    nothingToChange: "変更はありません。",
    removed: "削除しました。",
  },
  errors: {
    nothingSaved: "保存されませんでした。",
    nothingSavedBecause: "保存されませんでした。{reason}",
    numberRequired: "お客様とチャットするWhatsApp番号を入力してください",
    numberExtension: "WhatsApp番号に内線番号は使えません。「ext」以降を削除してください",
    numberInvalid: "有効な電話番号ではありません",
    numberFormat: "「+」と国番号から始まる国際形式で入力してください（例：+81 75 123 4567）",
    currency: "不明な通貨です。JPY、USD、EURなどのISO 4217コードを使ってください",
    timezoneRequired: "タイムゾーンを選んでください",
    timezone: "不明なタイムゾーンです。Asia/TokyoなどのIANA名を使ってください",
    nameShort: "ストア名は2文字以上で入力してください",
    nameLong: "ストア名は80文字以内で入力してください",
    language: "英語か日本語を選んでください",
    currencyOrders:
      "注文があるため通貨は変更できません（注文の合計がこの通貨で記録されています）。",
    currencyProducts:
      "価格を設定した商品があるため通貨は変更できません（価格がこの通貨で記録されています）。",
    tokenShort: "アクセストークンはMetaのWhatsAppマネージャーで発行される長い文字列です",
    tokenSpaces: "トークンにスペースは含められません",
    appSecret: "app secretは32桁の16進数です（アプリの設定 → ベーシック）",
    webhookSecret: "StripeのWebhook署名シークレットは whsec_ で始まります",
    operatorBound:
      "ご自身のアクセストークンがない場合、メッセージはChatcartのトークンで送信され、番号は運営者が割り当てます。ご自身の番号を接続するには、アクセストークンを追加してください。",
    boundElsewhere: "この電話番号IDは運営者が別のストアに割り当てています。",
    connectedElsewhere: "この電話番号IDはすでに別のストアに接続されています。",
  },
};

export default settingsJa;
