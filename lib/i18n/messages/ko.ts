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
};

export default ko;
