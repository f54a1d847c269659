export type AnalyticsStore = { id: string; timezone: string; currency: string };
