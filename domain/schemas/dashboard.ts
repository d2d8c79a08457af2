import { z } from 'zod';
import { QuoteSummarySchema } from './quote';

const WeekRowSchema = z.object({
  weekStart: z.string(),
  draft: z.int(),
  sent: z.int(),
  accepted: z.int(),
  partially_accepted: z.int(),
  refused: z.int(),
  expired: z.int(),
});

/**
 * The counter's money figures, TTC, in cents. Counter staff and admins only: the wall screen's
 * snapshot has `money: null` (`viewDashboard`), whatever its mode.
 */
export const DashboardMoneySchema = z.object({
  /** What clients still owe on issued invoices and deposit invoices (positive balances). */
  outstandingCents: z.int(),
  /** The part of it past its due date. */
  overdueCents: z.int(),
  /** Payments recorded today (Paris), refunds deducted, every method. */
  collectedTodayCents: z.int(),
  /** Of which in cash. */
  collectedTodayCashCents: z.int(),
  /** Invoices issued today incl. VAT, credit notes deducted (as the journal sums them). */
  invoicedTodayCents: z.int(),
});
export type DashboardMoney = z.infer<typeof DashboardMoneySchema>;

/** The dashboard and the wall screen: one snapshot, computed once per burst of changes. */
export const DashboardSchema = z
  .object({
    generatedAt: z.iso.datetime(),
    today: z.string(),
    figures: z.object({
      quotesSentThisMonth: z.int(),
      acceptedValueThisMonthCents: z.int(),
      /** Accepted (fully or partly) among quotes decided in the last 30 days; null if none. */
      acceptanceRate30d: z.number().nullable(),
      openQuotes: z.object({ count: z.int(), valueCents: z.int() }),
      quotesExpiringThisWeek: z.int(),
      openAlerts: z.object({ soon: z.int(), urgent: z.int(), overdue: z.int() }),
      ctDueNext30Days: z.int(),
      activityToday: z.int(),
    }),
    charts: z.object({
      quotesPerWeek: z.array(WeekRowSchema),
      acceptedValuePerMonth: z.array(z.object({ month: z.string(), valueCents: z.int() })),
      alertsByKind: z.array(z.object({ kind: z.string(), count: z.int() })),
      funnel: z.object({ created: z.int(), sent: z.int(), accepted: z.int() }),
    }),
    quotesAwaiting: z.array(QuoteSummarySchema),
    money: DashboardMoneySchema.nullable(),
  })
  .meta({ id: 'Dashboard' });

export type Dashboard = z.infer<typeof DashboardSchema>;
