import type analyticsEn from "./analytics-en";

const analyticsJa: typeof analyticsEn = {
  title: "レポート",
  intro: "チャットと売上がどこから来たか（{timezone}時間、{currency}）。",
  range: {
    label: "期間",
    presets: {
      "7d": "7日間",
      "30d": "30日間",
      "90d": "90日間",
      mtd: "今月",
      custom: "期間を指定",
    },
    from: "開始日",
    to: "終了日",
    apply: "表示",
    showing: "{range}を表示",
    comparedWith: "比較対象：{range}",
    invalid:
      "アドレスの期間は使えませんでした（存在しない日付、未来の日付、または2年を超える期間）。過去30日間を表示しています。",
  },
  delta: {
    unchanged: "変化なし",
    up: "前の期間より{amount}増（{percent}%）",
    down: "前の期間より{amount}減（{percent}%）",
    upFromNothing: "{amount}増（前の期間は0）",
    upPoints: "前の期間より{amount}上昇",
    downPoints: "前の期間より{amount}低下",
    points: "{n}ポイント",
  },
  sections: {
    conversions: {
      title: "コンバージョン",
      description: "流入元ごとに、クリックやスキャンからチャット、支払い済みの注文と売上まで。",
    },
    revenue: {
      title: "売上の推移",
      description: "日ごと（90日を超える期間は週ごと）の純売上を流入元別に積み上げて表示します。",
    },
    products: {
      title: "商品",
      description: "商品ページやQRコードから始まったチャット、注文数と売上を商品ごとに。",
    },
    traveller: {
      title: "旅行者の購買",
      description:
        "店頭のQRコードで初めて連絡したお客様を、WhatsApp番号の国別に。スキャン当日の購入と、帰国後の購入を比べます。",
    },
    loyalty: {
      title: "ポイント",
      description: "会員数、付与・利用されたポイント、ポイントの未使用残高、リピート購入。",
    },
    recovery: {
      title: "カゴ落ち対策",
      description: "放棄されたカート、送ったリマインダー、取り戻した注文。",
    },
    messages: {
      title: "メッセージの状態",
      description: "WhatsAppのメッセージが届いているか、届かない理由、チャットへの返信の速さ。",
    },
    definitions: {
      title: "集計方法",
      description: "各数値の意味をまとめています。",
    },
  },
  overview: {
    sectionsTitle: "レポート",
    open: "レポートを開く",
  },
  tabsLabel: "レポートの項目",
  chart: {
    showTable: "表で見る",
    empty: "この期間のデータはありません。",
  },
  steps: {
    clicks: "クリック・スキャン",
    chats: "開始したチャット",
    orders: "注文",
    paidOrders: "支払い済みの注文",
  },
  conversions: {
    funnelTitle: "クリックから支払いまで",
    funnelDescription:
      "すべての流入元の合計：クリック・スキャン{clicks}件、チャット開始{chats}件、注文{orders}件、支払い済み{paidOrders}件。",
    step: "段階",
    count: "件数",
    rateFromPrevious: "前の段階からの割合",
    tableTitle: "流入元別",
    tableDescription: "流入元ごと、店頭QRコードごとに1行。見出しを選ぶと並べ替えます。",
    entryPoint: "流入元",
    revenue: "純売上",
    chatRate: "チャット／クリック",
    orderRate: "注文／チャット",
    paidRate: "支払い／注文",
    averageOrder: "平均注文額",
    qrCode: "ショップカード — {name}",
    qrCodeDeleted: "QRコード（削除済み）",
    sortedAscending: "昇順",
    sortedDescending: "降順",
    total: "すべての流入元",
    empty:
      "この期間のクリック、チャット、注文はありません。ウェブサイトにチャットウィジェットを設置するか、ショップカードを印刷して計測を始めましょう。",
  },
  revenue: {
    chartTitle: "流入元別の純売上",
    chartDescriptionDay: "支払い済み注文の日ごとの純売上を流入元別に積み上げ。合計{total}。",
    chartDescriptionWeek:
      "支払い済み注文の週ごと（月曜始まり）の純売上を流入元別に積み上げ。合計{total}。",
    period: "日付",
    week: "{day}からの週",
    total: "合計",
    empty: "この期間に支払い済みの注文はありません。注文が支払われると売上が表示されます。",
  },
  products: {
    product: "商品",
    chats: "開始したチャット",
    orders: "注文",
    units: "数量",
    revenue: "純売上",
    deleted: "削除された商品",
    empty:
      "この期間の商品からのチャットや注文はありません。商品ページに商品ボタンを追加するか、商品のQRコードを印刷しましょう。",
  },
  traveller: {
    tableTitle: "最初にスキャンしたショップカード別",
    qrCode: "ショップカード",
    country: "国",
    unknownCountry: "不明",
    customers: "お客様",
    sameDay: "スキャン当日の売上",
    later: "後日の売上",
    medianDays: "初回支払いまでの日数（中央値）",
    days: "{days}日",
    chartTitle: "当日と後日",
    chartDescription: "国ごとに、初回スキャン当日の売上と後日の売上を並べています。",
    empty:
      "この期間に店頭のQRコードから初めて連絡したお客様はいません。レジ横やショッピングバッグ用にショップカードを印刷しましょう。",
  },
  loyalty: {
    members: "会員",
    newMembers: "新規会員",
    pointsIssued: "付与ポイント",
    pointsRedeemed: "利用ポイント",
    pointsExpired: "失効ポイント",
    outstanding: "未使用ポイント",
    liability: "未使用ポイントの金額",
    liabilityHelp: "現在お客様が持っているポイントを、ポイント設定の換算額で表したものです。",
    tiersTitle: "ランク別の会員数",
    tier: "ランク",
    noTier: "ランクなし",
    comparisonTitle: "会員とそれ以外のお客様",
    group: "お客様",
    memberGroup: "会員",
    nonMemberGroup: "会員以外",
    revenue: "純売上",
    repeatRate: "リピート購入率",
    empty:
      "ポイントはオフになっています。「ポイント」でオンにすると、また来てくれたお客様に還元できます。",
    openLoyalty: "ポイントを開く",
  },
  recovery: {
    abandonedCarts: "放棄されたカート",
    abandonedValue: "放棄されたカートの金額",
    remindersSent: "送信したリマインダー",
    remindersDelivered: "配信済み",
    remindersRead: "既読",
    recoveredCarts: "回復したカート",
    recoveredRevenue: "回復した売上",
    recoveryRate: "回復率",
    failed: "失敗",
    skipped: "見送り",
    noSkips: "この期間に見送ったリマインダーはありません。",
    skippedTitle: "見送ったリマインダー（理由別）",
    reason: "理由",
    count: "件数",
    stepsTitle: "ステップ別",
    step: "ステップ{step}",
    empty:
      "この期間に放棄されたカートはありません。カゴ落ち対策をオンにすると、カートを残したお客様にリマインダーが届きます。",
    openRecovery: "カゴ落ち対策を開く",
  },
  messages: {
    sent: "送信",
    delivered: "配信済み",
    read: "既読",
    failed: "失敗",
    blocked: "未送信（送信ルール）",
    rateOfSent: "送信の{rate}%",
    outboundTitle: "送信したメッセージ",
    reasonsTitle: "失敗と未送信（理由別）",
    reason: "理由",
    count: "メッセージ",
    affected: "該当する会話",
    openConversation: "会話{n}",
    unknownReason: "理由の記録なし",
    errorCode: "WhatsAppエラー{code}",
    reasons: {
      opted_out: "お客様が配信を停止しました（STOP）",
      no_consent: "お客様がメッセージの受信に同意していません",
      outside_window: "24時間の枠外で、承認済みテンプレートがありません",
    },
    firstReplyTitle: "最初の返信までの時間",
    firstReplyBot: "ボット（中央値）",
    firstReplyAgent: "担当者（引き継いだチャット、中央値）",
    noReplies: "まだ返信はありません",
    waitingNow: "現在担当者を待っている会話",
    openInbox: "受信箱を開く",
    empty:
      "この期間に送信したメッセージはありません。「設定」でWhatsAppを接続するとチャットを始められます。",
  },
  duration: {
    seconds: "{n}秒",
    minutes: "{n}分",
    hours: "{n}時間",
  },
  export: {
    title: "ダウンロード",
    orders: "注文（CSV）",
    conversions: "日別コンバージョン（CSV）",
    help: "選んだ期間、{timezone}時間。Excelで開けます。",
  },
  definitions: {
    intro:
      "すべてのレポートは、同じ注文・チャット・クリックを同じ方法で、ストアのタイムゾーン（{timezone}）の暦日ごとに、ストアの通貨で集計しています。",
    items: {
      range: {
        term: "期間と比較",
        text: "ストアのタイムゾーンでの暦日単位で、開始日と終了日を含みます。各数値は、直前の同じ日数の期間と比べます。",
      },
      entryPoint: {
        term: "流入元",
        text: "お客様がどこから来たか：ウェブサイトのウィジェット、商品ボタン、商品ページのQR、店頭のQRコード（コードごとに名前で1行）、カート、リンク、WhatsApp広告。",
      },
      unattributed: {
        term: "流入元不明",
        text: "流入元をたどれないチャットや注文（例：番号を直接入力したお客様）。独立した1行として表示し、ほかの流入元に振り分けることはありません。",
      },
      clicks: {
        term: "クリック・スキャン",
        text: "期間中のウィジェットや商品ボタンのタップ、QRコードのスキャン。",
      },
      chatStarted: {
        term: "開始したチャット",
        text: "期間中に始まった会話。会話の流入元で数えます。",
      },
      order: {
        term: "注文",
        text: "期間中に作成された注文（状態を問わず）。チャットの流入元で数えます。",
      },
      conversion: {
        term: "コンバージョン率",
        text: "チャット／クリック、注文／チャット、支払い済み注文／注文。分母が0のときは率を表示しません。",
      },
      paidOrder: {
        term: "支払い済みの注文",
        text: "期間中に支払われた注文（後で返金された注文も、支払われたので含みます）。",
      },
      netRevenue: {
        term: "純売上",
        text: "支払い済み注文の合計から返金額を引いたもの。返金は、どのレポートでも、その注文が支払われた期間の売上から差し引きます。",
      },
      averageOrder: {
        term: "平均注文額",
        text: "純売上を支払い済みの注文数で割ったもの。",
      },
      recovered: {
        term: "回復した注文",
        text: "カゴ落ちリマインダーが配信された後、アトリビューション期間内に支払われた注文。支払い前に最後に配信されたステップの成果として数えます。",
      },
      views: {
        term: "同じ注文を別の角度から",
        text: "回復した注文は、回復した売上に1回、流入元の売上にも1回数えます。各レポートは同じ注文の別の見方なので、数値を足し合わせるものではありません。",
      },
      country: {
        term: "お客様の国",
        text: "お客様のWhatsApp番号の国番号から判断します。判断できない場合は「不明」です。",
      },
      liability: {
        term: "未使用ポイント",
        text: "お客様が持っていて、利用できる（またはこれから利用できるようになる）ポイント。ポイント設定の換算額で金額にします。",
      },
    },
  },
};

export default analyticsJa;
