import { OrderFilters } from "@/components/orders/order-filters";
import { OrderPagination } from "@/components/orders/order-pagination";
import { OrderTable } from "@/components/orders/order-table";
import { PaymentsConfigError } from "@/components/orders/payments-config-error";
import { Card, CardContent } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/current-member";
import { formatMessage } from "@/lib/dashboard-i18n/messages";
import { getDashboardStrings } from "@/lib/dashboard-i18n/server";
import { listOrders } from "@/lib/orders/list-orders";
import { parseOrdersQuery } from "@/lib/orders/list-query";
import {
  lacksOwnWebhookSecret,
  resolveStorePayments,
  stripePlatformConfig,
} from "@/lib/payments/config";
import { readPaymentsConfigurationError } from "@/lib/payments/configuration-error";
import { paymentsErrorWords } from "@/lib/payments/error-words";

export async function generateMetadata() {
  return { title: (await getDashboardStrings()).t.orders.title };
}

export default async function OrdersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { db, store } = await requireMember();
  const { query, problems } = parseOrdersQuery(await searchParams);
  const [list, payments, strings] = await Promise.all([
    listOrders(db, store, query),
    resolveStorePayments(db, store.id, stripePlatformConfig()),
    getDashboardStrings(),
  ]);
  const stripeError =
    payments.mode === "stripe" ? await readPaymentsConfigurationError(db, store.id) : null;
  const noWebhookSecret = await lacksOwnWebhookSecret(
    db,
    store.id,
    payments,
    stripePlatformConfig(),
  );
  const t = strings.t.orders;
  const filtered = Boolean(query.status || query.source || query.from || query.to || query.q);
  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t.title}</h1>
        <p className="text-sm text-muted-foreground">
          {formatMessage(t.intro, { timezone: store.timezone })}
        </p>
      </div>
      {payments.mode === "unavailable" ? <PaymentsConfigError t={t.configError} /> : null}
      {noWebhookSecret ? (
        <PaymentsConfigError t={t.configError} detail={t.configError.noWebhookSecret} />
      ) : null}
      {stripeError ? (
        <PaymentsConfigError
          t={t.configError}
          detail={paymentsErrorWords(strings.t.paymentErrors, stripeError)}
        />
      ) : null}
      <OrderFilters
        query={query}
        words={t.filters}
        statuses={t.statuses}
        sources={strings.t.sources}
      />
      {problems.length > 0 ? (
        <ul role="alert" className="grid gap-1 text-sm text-destructive">
          {problems.map((problem) => (
            <li key={problem}>{t.queryProblems[problem]}</li>
          ))}
        </ul>
      ) : null}
      <Card>
        <CardContent className="grid gap-4">
          {list.rows.length > 0 ? (
            <>
              <p className="text-sm text-muted-foreground">
                {formatMessage(t.count, { count: strings.format.number(list.total) })}
              </p>
              <OrderTable rows={list.rows} timezone={store.timezone} strings={strings} />
              <OrderPagination
                query={query}
                page={list.page}
                pageCount={list.pageCount}
                t={t.pagination}
              />
            </>
          ) : (
            <p
              className="py-8 text-center text-sm text-muted-foreground"
              data-testid="orders-empty"
            >
              {filtered ? t.emptyFiltered : t.empty}
            </p>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
