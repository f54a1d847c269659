import { Skeleton } from "@/components/ui/skeleton";

/** A report page while its figures load: the header, tabs, range and a chart at their sizes. */
export function ReportSkeleton() {
  return (
    <div className="grid min-w-0 gap-6" aria-busy="true" data-testid="report-loading">
      <div className="grid gap-4">
        <div className="grid gap-1">
          <Skeleton className="h-5 w-20" />
          <Skeleton className="h-8 w-56" />
          <Skeleton className="h-5 w-full max-w-xl" />
        </div>
        <Skeleton className="h-10 w-full" />
        <div className="grid gap-2">
          <Skeleton className="h-14 w-full max-w-3xl" />
          <Skeleton className="h-5 w-80 max-w-full" />
        </div>
      </div>
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {[0, 1, 2, 3].map((index) => (
          <Skeleton key={index} className="h-28 rounded-xl" />
        ))}
      </div>
      <Skeleton className="h-[26rem] rounded-xl" />
    </div>
  );
}
