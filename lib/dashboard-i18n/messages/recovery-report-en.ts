/** The Recovery page (carts, steps, outcomes, KPIs): strings in English (the shape recovery-report-ja.ts follows). */
const recoveryReportEn = {
  title: "Recovery",
};

export default recoveryReportEn;
