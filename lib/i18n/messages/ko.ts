import type { Messages } from "./en";

const ko: Messages = {
  prefill: {
    product: "안녕하세요! {product}에 대해 알고 싶어요",
    store: "안녕하세요! 문의가 있어요",
    cart: "안녕하세요! 장바구니 상품을 주문하고 싶어요",
  },
  shopCard: {
    scanToChat: "스캔하여 WhatsApp으로 채팅하기",
  },
  notFound: {
    pageTitle: "페이지를 찾을 수 없습니다",
    pageText: "더 이상 판매하지 않는 상품이거나 링크가 잘못되었을 수 있습니다.",
    backToStore: "{store}(으)로 돌아가기",
    storeTitle: "상점을 찾을 수 없습니다",
    storeText: "링크가 오래되었거나 잘못되었을 수 있습니다. 상점에 주소를 확인해 주세요.",
    chatTitle: "아직 채팅을 이용할 수 없습니다",
    chatText: "이 상점은 아직 WhatsApp 번호를 설정하지 않았습니다.",
  },
  storefront: {
    language: "언어",
    catalogTitle: "전체 상품",
    productCount: { one: "상품 {count}개", other: "상품 {count}개" },
    noProducts: "아직 등록된 상품이 없습니다.",
    cart: "장바구니",
    cartLink: { one: "장바구니, {count}개", other: "장바구니, {count}개" },
    backToCatalog: "전체 상품",
    quantity: "수량",
    addToCart: "장바구니에 담기",
    added: "장바구니에 담았습니다.",
    viewCart: "장바구니 보기",
    chatToBuy: "채팅으로 구매",
    chatToBuyHint: "매장과의 WhatsApp 채팅으로 문의하거나 주문하세요.",
    earnPoints: { one: "{count}포인트 적립", other: "{count}포인트 적립" },
    yourCart: "장바구니",
    emptyCart: "장바구니가 비어 있습니다.",
    continueShopping: "계속 쇼핑하기",
    unitPrice: "개당 {price}",
    decrease: "{product} 하나 빼기",
    increase: "{product} 하나 더하기",
    remove: "삭제",
    removeProduct: "{product} 삭제",
    unavailable: "판매 종료 — 합계에 포함되지 않음",
    subtotal: "소계",
    itemCount: { one: "{count}개", other: "{count}개" },
    continueInWhatsApp: "WhatsApp에서 계속하기",
    checkoutNote: "장바구니 내용을 가지고 매장과의 WhatsApp 채팅에서 주문을 완료하세요.",
    errors: {
      busy: "지금 사용 중인 네트워크에서 장바구니가 너무 많이 만들어졌습니다. 몇 분 후 다시 시도해 주세요.",
      quantity: "수량은 1에서 99 사이로 선택해 주세요.",
      unavailable: "죄송합니다. 이 상품은 판매가 종료되었습니다.",
    },
  },
};

export default ko;
