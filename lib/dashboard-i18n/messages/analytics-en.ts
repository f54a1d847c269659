/** The analytics pages (Overview sections, reports, export): strings in English (the shape analytics-ja.ts follows). */
const analyticsEn = {
  title: "Reports",
};

export default analyticsEn;
