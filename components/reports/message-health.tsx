import Link from "next/link";
import { formatDuration, problemReason } from "@/lib/analytics/display";
import type { MessageHealth } from "@/lib/analytics/message-health";
import type { DashboardStrings } from "@/lib/dashboard-i18n/server";
import { formatMessage } from "@/lib/dashboard-i18n/messages";
import { ChartFigure } from "./chart-figure";
import { FigureTable } from "./figure-table";
import { KpiGrid } from "./kpi-tile";
import { ReportBarChart } from "./report-bar-chart";

type MessageHealthView = MessageHealth;

type Strings = Pick<DashboardStrings, "t" | "format" | "language">;

/** Outbound messages by what became of them, problems by reason, first replies, waiting now. */
export function MessageHealthFigures({
  current,
  previous,
  strings,
}: {
  current: MessageHealthView;
  previous: MessageHealthView;
  strings: Strings;
}) {
  const { t, format, language } = strings;
  const words = t.analytics.messages;
  const count = { kind: "number" } as const;
  const share = (part: number) =>
    current.outbound === 0 ? "—" : `${format.percent((part / current.outbound) * 100)}%`;
  const statuses = [
    { key: "sent", label: words.sent, value: current.sent },
    { key: "delivered", label: words.delivered, value: current.delivered },
    { key: "read", label: words.read, value: current.read },
    { key: "failed", label: words.failed, value: current.failed },
    { key: "blocked", label: words.blocked, value: current.blocked },
  ];
  const median = (ms: number | null) =>
    ms === null ? words.noReplies : formatDuration(ms, t.analytics.duration, format.number);
  return (
    <div className="grid min-w-0 gap-6">
      <KpiGrid
        language={language}
        t={t.analytics.delta}
        kpis={[
          {
            id: "outbound",
            label: words.outbound,
            current: current.outbound,
            previous: previous.outbound,
            value: count,
          },
          {
            id: "delivered",
            label: words.delivered,
            current: current.delivered,
            previous: previous.delivered,
            value: count,
          },
          {
            id: "failed",
            label: words.failed,
            current: current.failed + current.blocked,
            previous: previous.failed + previous.blocked,
            value: count,
            higherIsBetter: false,
          },
          {
            id: "waiting",
            label: words.waitingNow,
            current: current.waitingForReplyNow,
            value: count,
          },
        ]}
      />
      <ChartFigure
        id="messages"
        title={words.outboundTitle}
        description={formatMessage(words.outboundDescription, {
          outbound: format.number(current.outbound),
          delivered: format.number(current.delivered),
          read: format.number(current.read),
          failed: format.number(current.failed),
          blocked: format.number(current.blocked),
        })}
        showTable={t.analytics.chart.showTable}
        columns={[
          { header: words.status },
          { header: words.count, numeric: true },
          { header: words.share, numeric: true },
        ]}
        rows={statuses.map((status) => ({
          key: status.key,
          cells: [status.label, format.number(status.value), share(status.value)],
        }))}
      >
        <ReportBarChart
          data={statuses.map((status) => ({ status: status.label, messages: status.value }))}
          category="status"
          series={[{ key: "messages", label: words.count, color: "var(--chart-2)" }]}
          value={count}
          language={language}
          layout="vertical"
          className="h-56"
        />
      </ChartFigure>
      <section className="grid min-w-0 gap-2">
        <h2 className="font-semibold">{words.reasonsTitle}</h2>
        {current.problems.length === 0 ? (
          <p className="text-sm text-muted-foreground">{words.noProblems}</p>
        ) : (
          <FigureTable
            testId="message-problems"
            columns={[
              { header: words.reason },
              { header: words.count, numeric: true },
              { header: words.conversations, numeric: true },
              { header: words.affected },
            ]}
            rows={current.problems.map((problem, index) => ({
              key: `${problem.status}-${problem.errorCode}-${index}`,
              cells: [
                <span key="reason" className="block max-w-md font-normal whitespace-normal">
                  {problemReason(problem, words.problem)}
                </span>,
                format.number(problem.messages),
                format.number(problem.conversations),
                <span key="links" className="flex flex-wrap gap-x-2">
                  {problem.conversationIds.map((id, n) => (
                    <Link
                      key={id}
                      href={`/dashboard/inbox/${id}`}
                      className="text-primary underline-offset-4 hover:underline"
                      data-testid="problem-conversation"
                    >
                      {formatMessage(words.openConversation, { n: n + 1 })}
                    </Link>
                  ))}
                </span>,
              ],
            }))}
          />
        )}
      </section>
      <section className="grid min-w-0 gap-2">
        <h2 className="font-semibold">{words.firstReplyTitle}</h2>
        <FigureTable
          testId="first-replies"
          columns={[
            { header: words.who },
            { header: words.median, numeric: true },
            { header: words.replied, numeric: true },
          ]}
          rows={[
            { key: "bot", label: words.firstReplyBot, figures: current.botFirstReply },
            { key: "agent", label: words.firstReplyAgent, figures: current.agentFirstReply },
          ].map(({ key, label, figures }) => ({
            key,
            cells: [label, median(figures.medianMs), format.number(figures.replied)],
          }))}
        />
        <p className="text-sm text-muted-foreground">
          {formatMessage(words.withAgentNowCount, { n: format.number(current.withAgentNow) })}{" "}
          <Link href="/dashboard/inbox" className="text-primary underline-offset-4 hover:underline">
            {formatMessage(words.waitingNowCount, {
              n: format.number(current.waitingForReplyNow),
            })}
          </Link>
        </p>
      </section>
    </div>
  );
}
