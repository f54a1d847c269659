import type recoveryReportEn from "./recovery-report-en";

const recoveryReportJa: typeof recoveryReportEn = {
  title: "カゴ落ち回収",
};

export default recoveryReportJa;
