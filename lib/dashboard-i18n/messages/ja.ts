import type { DashboardMessages } from "./en";

const ja: DashboardMessages = {
  layout: {
    store: "ストア",
    switchStore: "切り替え",
    viewStore: "ストアを見る",
    openNavigation: "メニューを開く",
  },
  nav: {
    label: "ダッシュボード",
    overview: "概要",
    inbox: "受信箱",
    products: "商品",
    widget: "ウィジェット",
    qr: "QRコード",
    bot: "ボット",
    simulator: "シミュレーター",
    settings: "設定",
  },
  userMenu: {
    roles: { owner: "オーナー", agent: "担当者" },
    language: "表示言語",
    signOut: "ログアウト",
    errors: {
      language: "English または 日本語 を選んでください。",
    },
  },
  overview: {
    title: "概要",
    period: "{store}：過去{days}日間（{timezone}時間）",
    stats: {
      revenue: "売上",
      paidOrders: "支払い済みの注文",
      chatsStarted: "開始されたチャット",
      newCustomers: "新規顧客",
      noPrevious: "前の30日間のデータはありません",
      change: "前の30日間比 {change}%",
    },
    chart: {
      title: "日別の売上",
      description: "支払い済みの注文を、支払われた日ごとに表示します。",
      revenue: "売上",
      emptyTitle: "過去{days}日間の売上はありません",
      emptyText:
        "注文の支払いがあると、日ごとの売上がここに表示されます。商品ページにチャットボタンを、店頭にQRコードを置いて会話を始めましょう。",
      addWidget: "ウィジェットを追加",
      makeQr: "QRコードを作成",
    },
    orders: {
      title: "最近の注文",
      order: "注文",
      placed: "日時",
      entryPoint: "流入元",
      status: "状態",
      total: "合計",
    },
    setup: {
      title: "ストアの準備をしましょう",
      description: "まだ注文はありません。各ステップは完了すると自動でチェックされます。",
      done: "完了",
      toDo: "未完了",
      productTitle: "商品を追加する",
      productBody: "名前・価格・写真を登録すると、ストアに表示され、ボットも紹介できます。",
      simulatorTitle: "シミュレーターを試す",
      simulatorBody: "WhatsAppアカウントなしで、お客様としてボットと会話できます。",
      widgetTitle: "ウィジェットを設置する",
      widgetBody:
        "スニペットをウェブサイトに貼り付けてください。お客様がそこでタップすると自動でチェックされます。",
      shopCardTitle: "ショップカードを印刷する",
      shopCardBody: "QRコードを作成し、レジや買い物袋用のカードを印刷します。",
      whatsappTitle: "WhatsAppを接続する",
      whatsappBody: "MetaのWhatsAppマネージャーから電話番号IDとアクセストークンを追加します。",
    },
  },
  products: {
    title: "商品",
    intro:
      "価格はストアの通貨（{currency}）です。アーカイブした商品は過去の注文には残りますが、ストアには表示されません。",
    agentIntro: "商品の追加や変更ができるのはストアのオーナーだけです。",
    newProduct: "新しい商品",
    filterLabel: "商品を絞り込む",
    filters: { all: "すべて", active: "販売中", archived: "アーカイブ済み" },
    empty: {
      all: "まだ商品がありません。最初の商品を追加すると、ストアとチャットに表示されます。",
      active:
        "販売中の商品はありません。アーカイブした商品を戻すか、新しい商品を追加してください。",
      archived: "アーカイブした商品はありません。",
    },
    table: {
      image: "画像",
      name: "商品名",
      sku: "商品コード（SKU）",
      price: "価格",
      status: "状態",
      actions: "操作",
      active: "販売中",
      archived: "アーカイブ済み",
      edit: "編集",
      view: "表示",
      editProduct: "{product}を編集",
      viewProduct: "{product}を表示",
      archive: "アーカイブ",
      restore: "販売を再開",
      archiveProduct: "{product}をアーカイブ",
      restoreProduct: "{product}の販売を再開",
    },
  },
  payments: {
    title: "決済",
    description:
      "チャットで送る支払いリンクの決済方法です。注文ごとに Stripe Checkout のページが開きます。",
    modeLabel: "決済モード",
    modes: {
      stripeStore: "Stripe（ストアのキー）",
      stripePlatform: "Stripe（プラットフォームのキー）",
      sandbox: "テストモード — ローカルのテスト決済（実際の支払いは発生しません）",
      unavailable:
        "設定エラー：Stripe のシークレットキーがありません。「Stripe」の欄でストアのキーを追加するか、プラットフォームの STRIPE_SECRET_KEY を設定してください。",
    },
    modeHelp: {
      stripe:
        "支払いリンクは Stripe Checkout セッションを開き、Stripe の Webhook で注文が支払い済みになります。",
      sandbox:
        "Stripe のキーが設定されていないため、支払いリンクは「支払う（テスト）」と「断る」があるローカルのテスト決済を開きます。実際に決済を受けるには、「Stripe」の欄でシークレットキーを追加してください。",
      unavailable:
        "お客様には「まだお支払いいただけません」とお伝えします。支払い済みになる注文はありません。",
    },
    webhookLabel: "Stripe Webhook のエンドポイント",
    webhookHelp:
      "Stripe ダッシュボード（開発者 → Webhook）でこのエンドポイントを追加し、次のイベントを有効にしてください：",
    webhookPlatform:
      "このストアには専用の Webhook 署名シークレットがないため、イベントはプラットフォームのエンドポイントに届きます。",
    expiryLabel: "決済ページの有効期限",
    expiryHelp:
      "Stripe Checkout のページが開いている時間です（30分〜24時間）。期限切れのページは、お客様がリンクを開き直すと新しいページに置き換わります。",
    expiryValue: "有効期限",
    units: { minutes: "分", hours: "時間" },
    countriesLabel: "配送先の国",
    countriesHelp:
      "2文字の国コードをカンマ区切りで入力してください（例：JP, US, GB）。決済時に、これらの国の配送先住所を入力していただきます。",
    resetCountries: "既定のリストを使う",
    save: "決済設定を保存",
    saving: "保存中…",
    saved: "決済設定を保存しました。",
    readOnly: "決済設定を変更できるのはストアのオーナーだけです。",
    errors: {
      ownerOnly: "決済設定を変更できるのはストアのオーナーだけです。",
      invalid: "保存されていません。赤く表示された項目を直してください。",
      expiryNumber: "整数を入力してください。",
      expiryUnit: "「分」か「時間」を選んでください。",
      expiryRange: "30分から24時間の間で指定してください（Stripe の制限）。",
      countriesEmpty: "国コードを1つ以上入力してください。",
      countryCode: "2文字の国コードではありません：{codes}",
      tooManyCountries: "国は{max}か国までにしてください。",
    },
  },
  sources: {
    widget: "ウェブサイトのウィジェット",
    product_button: "商品ボタン",
    desktop_qr: "商品ページのQR",
    qr: "店頭QRコード",
    cart: "カート",
    link: "リンク",
    ad: "WhatsApp広告",
    unattributed: "流入元不明",
  },
  orderStatus: {
    pending: "支払い待ち",
    paid: "支払い済み",
    refunded: "返金済み",
    cancelled: "キャンセル",
  },
};

export default ja;
