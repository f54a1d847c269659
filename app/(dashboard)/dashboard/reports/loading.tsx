import { ReportSkeleton } from "@/components/reports/report-skeleton";

export default function ReportsLoading() {
  return <ReportSkeleton />;
}
