import type { BotMessages } from "./en";

const ko: BotMessages = {
  menu: {
    welcome: "안녕하세요! {store}에 오신 것을 환영합니다.",
    prompt: "아래 메뉴에서 원하시는 항목을 선택해 주세요.",
    button: "메뉴",
    section: "무엇을 도와드릴까요?",
    catalog: { title: "상품 보기", description: "판매 중인 상품 목록" },
    orders: { title: "내 주문", description: "최근 주문 상태" },
    faq: { title: "자주 묻는 질문", description: "배송, 반품 등" },
    agent: { title: "상담원 연결", description: "직원과 채팅하기" },
  },
  product: {
    moreProducts: "다른 상품",
    talkToPerson: "상담원 연결",
    notFound: "죄송합니다. 이 상품은 더 이상 판매하지 않습니다.",
  },
  cart: {
    heading: "장바구니:",
    line: "{name} × {quantity} — {total}",
    more: "…외 {count}개",
    total: "합계: {total}",
    prompt: "아래 버튼을 누르시면 담당자가 주문을 도와드립니다.",
    empty: "장바구니가 비어 있습니다. 아래 버튼으로 상품을 보시거나 상담원과 이야기하세요.",
    unavailable:
      "죄송합니다. 이 장바구니는 더 이상 여기에서 보여 드릴 수 없습니다. 이미 주문되었을 수 있습니다. 상담원이 도와드립니다.",
  },
  purchase: {
    handOff: "감사합니다! 주문을 도와드릴 담당자가 곧 여기에서 답변드리겠습니다.",
  },
  catalog: {
    body: "판매 중인 상품입니다. 상품을 누르면 자세히 볼 수 있습니다.",
    button: "상품 목록",
    section: "상품",
    truncated: "전체 {count}개 중 {shown}개 표시",
    empty: "지금은 보여 드릴 상품이 없습니다. 나중에 다시 확인해 주세요.",
  },
  orders: {
    heading: "최근 주문:",
    line: "#{number} · {status} · {total} · {date}",
    status: {
      pending: "결제 대기",
      paid: "결제 완료",
      refunded: "환불 완료",
      cancelled: "주문 취소",
    },
    none: "아직 주문 내역이 없습니다.",
    browse: "상품 보기",
    mainMenu: "메인 메뉴",
    shipped: "배송 중",
    delivered: "배송 완료",
    partlyRefunded: "부분 환불({amount})",
    tracking: "배송 조회: {url}",
    payButton: "{total} 결제",
    payShort: "결제하기",
    payPrompt: "아래 버튼을 눌러 주문 #{number}을(를) 결제하세요.",
  },
  faq: {
    body: "질문을 선택하면 답변을 볼 수 있습니다.",
    button: "질문 보기",
    section: "자주 묻는 질문",
    none: "아직 등록된 답변이 없습니다. 여기에 질문을 입력해 주세요.",
  },
  handOff: {
    open: "감사합니다! 상담원이 곧 이곳에서 답변드리겠습니다.",
    closedUntil: "지금은 영업시간이 아닙니다. {when} 이후에 상담원이 이곳에서 답변드리겠습니다.",
    closed: "지금은 영업시간이 아닙니다. 영업이 시작되면 상담원이 바로 답변드리겠습니다.",
    waiting: "메시지 감사합니다. 상담원이 최대한 빨리 답변드리겠습니다.",
  },
  fallback: {
    notUnderstood: "죄송합니다. 말씀을 이해하지 못했습니다.",
    image: "사진 감사합니다. 상담원이 확인하겠습니다.",
    document: "파일 감사합니다. 상담원이 확인하겠습니다.",
    video: "동영상 감사합니다. 상담원이 확인하겠습니다.",
    sticker: "스티커 감사합니다!",
    audio: "음성 메시지는 들을 수 없습니다. 글로 입력해 주세요.",
    location: "위치를 공유해 주셔서 감사합니다. 상담원이 확인하겠습니다.",
    contacts: "연락처를 보내 주셔서 감사합니다. 담당자가 확인하겠습니다.",
    unsupported: "죄송합니다. 이 형식의 메시지는 지원하지 않습니다.",
  },
  catalogOrder: {
    received: "장바구니를 받았습니다:",
    line: "{name} × {quantity}",
    unknownItem: "{sku} × {quantity} (판매하지 않는 상품)",
  },
  buy: {
    button: "구매하기",
    quantityBody:
      "{name}을(를) 몇 개 구매하시겠어요? 아래에서 고르거나 숫자(1–{max})를 입력해 주세요.",
    quantityButton: "수량 선택",
    quantitySection: "수량",
    badQuantity:
      "죄송합니다. 여기서는 1–{max}개까지 주문하실 수 있어요. 그 이상은 담당자가 도와드립니다.",
    notANumber: "수량을 1–{max} 사이의 숫자로 입력하거나 목록에서 골라 주세요.",
  },
  checkout: {
    payNow: "지금 결제",
    cartPrompt:
      "'지금 결제'를 누르면 안전한 결제 링크를 보내 드려요. 담당자와 상담하실 수도 있어요.",
    resent: "같은 상품의 미결제 주문이 있어요. 결제 링크를 다시 보내 드립니다.",
    unavailable: "죄송합니다. 채팅 결제는 아직 이용하실 수 없어요. 담당자가 주문을 도와드립니다.",
    cartGone: "죄송합니다. 이 장바구니는 더 이상 주문할 수 없어요. 담당자가 도와드립니다.",
    unknownItems: "다음 상품은 판매하지 않는 상품이라 제외되었어요:",
    payRest: "나머지 상품은 아래에서 결제하시거나 담당자와 상담하실 수 있어요.",
  },
  consent: {
    question: "주문 소식과 혜택 안내를 WhatsApp으로 받아 보시겠어요?",
    yes: "받을게요",
    no: "괜찮아요",
    thanksYes:
      "감사합니다! 이곳으로 소식을 보내 드릴게요. 언제든지 '수신거부'를 보내면 중단됩니다.",
    thanksNo: "알겠습니다. 소식이나 혜택 안내를 보내지 않겠습니다.",
  },
  optOut: {
    confirmation:
      "수신거부되었습니다. 더 이상 메시지를 보내지 않습니다. 다시 받으시려면 START 또는 '수신동의'를 보내 주세요.",
  },
  optIn: {
    confirmation: "다시 구독되었습니다. 이곳으로 주문 소식과 혜택 안내를 보내 드릴게요.",
  },
  loyalty: {
    menuRow: { title: "내 포인트", description: "잔액, 등급, 혜택" },
    off: "현재 포인트 프로그램을 운영하지 않습니다.",
    invite:
      "{programme}에 가입하세요. 주문할 때마다 포인트가 쌓이고 결제에 사용할 수 있습니다. 가입하시면 {bonus}포인트를 드립니다.",
    inviteNoBonus:
      "{programme}에 가입하세요. 주문할 때마다 포인트가 쌓이고 결제에 사용할 수 있습니다.",
    joinButton: "가입하기",
    notNowButton: "나중에",
    myPointsButton: "내 포인트",
    mainMenuButton: "메인 메뉴",
    birthdayButton: "생일 등록",
    payFullButton: "정가로 결제",
    useButton: "{points}포인트 사용 ({discount})",
    useShort: "{points}포인트 사용",
    welcome: "{programme}에 오신 것을 환영합니다! 가입 혜택으로 {bonus}포인트를 드렸습니다.",
    welcomeNoBonus: "{programme}에 오신 것을 환영합니다! 주문할 때마다 포인트가 쌓입니다.",
    notNow: "알겠습니다. 가입하고 싶으시면 언제든지 “포인트”라고 보내 주세요.",
    summary: {
      available: "사용 가능: {points}포인트",
      pending: "적립 예정: {points}포인트 ({date}부터 {next}포인트 사용 가능)",
      pendingAll: "적립 예정: {points}포인트 ({date}부터 사용 가능)",
      tier: "등급: {tier}",
      nextTier: "{amount} 더 구매하시면 {tier} 등급이 됩니다.",
      topTier: "최고 등급입니다.",
      expiring:
        "{points}포인트가 {date}에 소멸됩니다 (그 전에 포인트를 적립하거나 사용하면 연장됩니다).",
      negative:
        "환불된 주문의 포인트가 이미 사용되어 잔액이 마이너스입니다. 잔액이 플러스가 되면 다시 포인트를 사용할 수 있습니다.",
      historyHeading: "최근 내역:",
      historyLine: "{date} · {delta} · {reason}",
      historyOrder: "{reason} (#{number})",
      noHistory: "아직 내역이 없습니다.",
      birthday: "생일: {date}",
    },
    reasons: {
      signup: "가입 혜택",
      earn: "주문 적립",
      redeem: "주문에 사용",
      redeem_return: "미결제 주문에서 반환",
      reversal: "환불로 차감",
      expire: "소멸",
      birthday: "생일 혜택",
      tier_reward: "등급 혜택",
      first_order: "첫 주문 혜택",
      adjust: "상점 조정",
    },
    birthdayAsk:
      "생일이 언제인가요? 월과 일을 12/24 또는 12월 24일처럼 보내 주세요. 월과 일만 저장합니다.",
    birthdayBad: "날짜를 인식하지 못했습니다. 월과 일을 12/24 또는 12월 24일처럼 보내 주세요.",
    birthdayNoSuchDay: "존재하지 않는 날짜입니다. 월과 일을 12월 24일처럼 다시 보내 주세요.",
    birthdaySaved: "감사합니다! 생일({date})을 저장했습니다.",
    birthdaySavedBonus:
      "감사합니다! 생일({date})을 저장했습니다. 생일이 있는 달에 {bonus}포인트를 드립니다.",
    offer:
      "{available}포인트가 있습니다. {points}포인트를 사용해 주문 #{number}에서 {discount} 할인받으시겠어요? 결제 금액이 {fullTotal}에서 {total}(으)로 줄어듭니다.",
    redeemed: "{points}포인트를 사용했습니다 ({discount} 할인). 남은 포인트: {available}",
    changed: "포인트 잔액이 변경되었습니다.",
    alreadyRedeemed: "이 주문에는 이미 포인트가 적용되었습니다.",
    notUsable: "지금은 이 주문에 포인트를 사용할 수 없어 정가 결제 링크를 보내 드립니다.",
    notPayable: "주문 #{number}은(는) 결제 대기 중이 아닙니다 ({status}).",
    notFound: "죄송합니다. 해당 주문을 찾을 수 없습니다.",
  },
};

export default ko;
