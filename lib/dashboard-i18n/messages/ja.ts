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
