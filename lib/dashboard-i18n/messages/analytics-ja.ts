import type analyticsEn from "./analytics-en";

const analyticsJa: typeof analyticsEn = {
  title: "レポート",
};

export default analyticsJa;
