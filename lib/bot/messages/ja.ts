import type { BotMessages } from "./en";

const ja: BotMessages = {
  menu: {
    welcome: "こんにちは！{store}へようこそ。",
    prompt: "ご用件を下のメニューからお選びください。",
    button: "メニュー",
    section: "ご用件",
    catalog: { title: "商品を見る", description: "取り扱い商品の一覧" },
    orders: { title: "注文状況", description: "最近のご注文の状況" },
    faq: { title: "よくある質問", description: "配送・返品など" },
    agent: { title: "担当者と話す", description: "スタッフにおつなぎします" },
  },
  product: {
    moreProducts: "ほかの商品",
    talkToPerson: "担当者と話す",
    notFound: "申し訳ありません。この商品は現在お取り扱いがありません。",
  },
  cart: {
    heading: "カートの商品：",
    line: "{name} × {quantity}　{total}",
    more: "ほか{count}点",
    total: "合計：{total}",
    prompt: "下のボタンから担当者がご注文のお手続きをお手伝いします。",
    empty: "カートは空です。下のボタンから商品をご覧いただくか、担当者にご相談ください。",
    unavailable:
      "申し訳ありません。このカートはこちらでは表示できません（すでにご注文済みの可能性があります）。担当者がお手伝いします。",
  },
  purchase: {
    handOff: "ありがとうございます。ご注文について、担当者がまもなくこちらで返信いたします。",
  },
  catalog: {
    body: "取り扱い商品です。商品をタップすると詳細をご覧いただけます。",
    button: "商品一覧",
    section: "商品",
    truncated: "全{count}点中{shown}点を表示しています",
    empty: "現在ご紹介できる商品はありません。またのお越しをお待ちしています。",
  },
  orders: {
    heading: "最近のご注文：",
    line: "#{number}・{status}・{total}・{date}",
    status: {
      pending: "お支払い待ち",
      paid: "お支払い済み",
      refunded: "返金済み",
      cancelled: "キャンセル済み",
    },
    none: "まだご注文はありません。",
    browse: "商品を見る",
    mainMenu: "メニュー",
    shipped: "発送済み",
    delivered: "配達済み",
    partlyRefunded: "一部返金済み（{amount}）",
    tracking: "配送状況：{url}",
    payButton: "{total}を支払う",
    payShort: "支払う",
    payPrompt: "下のボタンからご注文 #{number} のお支払いができます。",
  },
  faq: {
    body: "知りたい質問を選ぶと回答が表示されます。",
    button: "質問を見る",
    section: "よくある質問",
    none: "よくある質問はまだありません。ご質問はこちらにそのままお送りください。",
  },
  handOff: {
    open: "ありがとうございます。担当者がまもなくこちらで返信いたします。",
    closedUntil: "ただいま営業時間外です。{when}以降に担当者がこちらで返信いたします。",
    closed: "ただいま営業時間外です。営業再開後、担当者がこちらで返信いたします。",
    waiting:
      "メッセージありがとうございます。担当者が順番に返信いたしますので、少々お待ちください。",
  },
  fallback: {
    notUnderstood: "申し訳ありません。うまく読み取れませんでした。",
    image: "写真をありがとうございます。担当者が確認いたします。",
    document: "ファイルをありがとうございます。担当者が確認いたします。",
    video: "動画をありがとうございます。担当者が確認いたします。",
    sticker: "スタンプをありがとうございます！",
    audio: "音声メッセージはお聞きできません。お手数ですが文字で入力してください。",
    location: "位置情報をありがとうございます。担当者が確認いたします。",
    contacts: "連絡先をありがとうございます。担当者が確認します。",
    unsupported: "申し訳ありません。この形式のメッセージには対応していません。",
  },
  catalogOrder: {
    received: "カートを受け取りました：",
    line: "{name} × {quantity}",
    unknownItem: "{sku} × {quantity}（取り扱いのない商品）",
  },
  buy: {
    button: "購入する",
    quantityBody:
      "{name}をいくつご購入されますか？下から選ぶか、数字（1〜{max}）を入力してください。",
    quantityButton: "数量を選ぶ",
    quantitySection: "数量",
    badQuantity:
      "申し訳ありません。こちらでは1〜{max}個までご注文いただけます。それ以上は担当者がお手伝いします。",
    notANumber: "数量を1〜{max}の数字で入力するか、リストからお選びください。",
  },
  checkout: {
    payNow: "今すぐ支払う",
    cartPrompt:
      "「今すぐ支払う」から安全なお支払いリンクをお送りします。担当者にもご相談いただけます。",
    resent: "このご注文はまだお支払いが済んでいません。お支払いリンクを再送します。",
    unavailable:
      "申し訳ありません。チャットでのお支払いはまだご利用いただけません。担当者がご注文のお手続きをお手伝いします。",
    cartGone: "申し訳ありません。このカートはもうご注文いただけません。担当者がお手伝いします。",
    unknownItems: "次の商品はお取り扱いがないため、含まれていません：",
    payRest: "残りの商品は下からお支払いいただけます。担当者にもご相談いただけます。",
  },
  consent: {
    question: "ご注文の最新情報やお得なお知らせをWhatsAppで受け取りますか？",
    yes: "受け取る",
    no: "受け取らない",
    thanksYes:
      "ありがとうございます。こちらでお知らせします。配信を止めたいときは、いつでも「停止」と送信してください。",
    thanksNo: "承知しました。お知らせやキャンペーン情報はお送りしません。",
  },
  optOut: {
    confirmation:
      "配信を停止しました。今後こちらからメッセージをお送りすることはありません。再開するには「START」または「配信再開」と送信してください。",
  },
  optIn: {
    confirmation: "配信を再開しました。ご注文の最新情報やお知らせをこちらでお送りします。",
  },
  loyalty: {
    menuRow: { title: "ポイント", description: "残高・ランク・特典" },
    off: "現在、ポイントプログラムは実施していません。",
    invite:
      "{programme}に参加しませんか？ご注文ごとにポイントがたまり、お支払いに使えます。参加すると{bonus}ポイントを差し上げます。",
    inviteNoBonus:
      "{programme}に参加しませんか？ご注文ごとにポイントがたまり、お支払いに使えます。",
    joinButton: "参加する",
    notNowButton: "今はしない",
    myPointsButton: "ポイント",
    mainMenuButton: "メニュー",
    birthdayButton: "誕生日を登録",
    payFullButton: "全額で支払う",
    useButton: "{points}ポイント使う（{discount}）",
    useShort: "{points}ポイント使う",
    welcome: "{programme}へようこそ！入会特典として{bonus}ポイントを差し上げました。",
    welcomeNoBonus: "{programme}へようこそ！ご注文ごとにポイントがたまります。",
    notNow: "承知しました。参加したくなったら、いつでも「ポイント」と送信してください。",
    summary: {
      available: "利用可能：{points}ポイント",
      pending: "保留中：{points}ポイント（うち{next}ポイントは{date}から利用可能）",
      pendingAll: "保留中：{points}ポイント（{date}から利用可能）",
      tier: "ランク：{tier}",
      nextTier: "あと{amount}のお買い物で{tier}になります。",
      topTier: "最上位のランクです。",
      expiring:
        "{points}ポイントの有効期限は{date}です（それまでにポイントをためるか使うと延長されます）。",
      negative:
        "返金されたご注文のポイントがすでに使われていたため、残高がマイナスになっています。残高がプラスに戻ると、またポイントをお使いいただけます。",
      historyHeading: "最近の履歴：",
      historyLine: "{date}・{delta}・{reason}",
      historyOrder: "{reason}（#{number}）",
      noHistory: "履歴はまだありません。",
      birthday: "お誕生日：{date}",
    },
    reasons: {
      signup: "入会特典",
      earn: "ご注文で獲得",
      redeem: "ご注文で利用",
      redeem_return: "未払いのご注文から返還",
      reversal: "返金による取消",
      expire: "有効期限切れ",
      birthday: "お誕生日特典",
      tier_reward: "ランク特典",
      first_order: "初回注文特典",
      adjust: "ショップによる調整",
    },
    birthdayAsk:
      "お誕生日を教えてください。月と日を「12/24」や「12月24日」のように送信してください。保存するのは月と日だけです。",
    birthdayBad:
      "日付として読み取れませんでした。月と日を「12/24」や「12月24日」のように送信してください。",
    birthdayNoSuchDay:
      "その日付は存在しません。もう一度、月と日を「12月24日」のように送信してください。",
    birthdaySaved: "ありがとうございます。お誕生日（{date}）を登録しました。",
    birthdaySavedBonus:
      "ありがとうございます。お誕生日（{date}）を登録しました。お誕生月に{bonus}ポイントを差し上げます。",
    offer:
      "{available}ポイントお持ちです。{points}ポイントを使って、ご注文 #{number} を{discount}引きにしますか？お支払いは{fullTotal}ではなく{total}になります。",
    redeemed: "{points}ポイントを使いました（{discount}引き）。残りは{available}ポイントです。",
    changed: "ポイント残高が変わりました。",
    alreadyRedeemed: "このご注文にはすでにポイントが使われています。",
    notUsable:
      "現在このご注文にはポイントをお使いいただけないため、通常価格のお支払いリンクをお送りします。",
    notPayable: "ご注文 #{number} はお支払い待ちではありません（{status}）。",
    notFound: "申し訳ありません。このご注文は見つかりませんでした。",
  },
};

export default ja;
