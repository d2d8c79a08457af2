import { viewDashboard } from '../../../domain/dashboard-view';
import { addDays, endOfDayParis, startOfDayInParis, todayInParis } from '../../../domain/dates';
import type { Dashboard } from '../../../domain/schemas/dashboard';
import { QUOTE_STATUSES } from '../../../domain/schemas/quote';
import { FEED_READERS, requireRole } from '../../access';
import type { Actor, Deps } from '../../deps';
import { listQuotesAwaiting } from '../quotes/quotes.service';
import {
  compactDashboardStats,
  selectAcceptedValuePerMonth,
  selectAlertFigures,
  selectCounterFigures,
  selectMoneyFigures,
  selectOpenQuoteFigures,
  selectQuotesPerWeek,
} from './dashboard.repo';

const WEEKS = 12;
const MONTHS = 12;

function mondayOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((day + 6) % 7));
}

function shiftMonth(month: string, delta: number): string {
  const [year, monthIndex] = month.split('-').map(Number) as [number, number];
  const total = year * 12 + (monthIndex - 1) + delta;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/**
 * The whole snapshot, money included: a handful of aggregate queries, whatever the number of
 * screens. Each screen gets it cut for its role (`viewDashboard`).
 */
export async function computeDashboard(deps: Pick<Deps, 'db' | 'now'>): Promise<Dashboard> {
  const now = deps.now();
  const today = todayInParis(now);
  const month = today.slice(0, 7);
  const firstWeek = addDays(mondayOf(today), -7 * (WEEKS - 1));
  const firstMonth = shiftMonth(month, -(MONTHS - 1));

  const [counters, open, perWeek, perMonth, quotesAwaiting, alertFigures, money] =
    await Promise.all([
      selectCounterFigures(deps.db, {
        monthStart: `${month}-01`,
        since30d: addDays(today, -29),
        today,
      }),
      selectOpenQuoteFigures(deps.db, { today, weekEnd: addDays(today, 6) }),
      selectQuotesPerWeek(deps.db, firstWeek),
      selectAcceptedValuePerMonth(deps.db, `${firstMonth}-01`),
      listQuotesAwaiting(deps, 8),
      selectAlertFigures(deps.db, addDays(today, 30)),
      selectMoneyFigures(deps.db, {
        date: today,
        from: startOfDayInParis(today),
        to: endOfDayParis(today),
      }),
    ]);
  const figures = { ...counters, ...open };

  const quotesPerWeek = Array.from({ length: WEEKS }, (_, i) => {
    const weekStart = addDays(firstWeek, 7 * i);
    const counts = Object.fromEntries(QUOTE_STATUSES.map((status) => [status, 0])) as Record<
      (typeof QUOTE_STATUSES)[number],
      number
    >;
    for (const row of perWeek) if (row.week === weekStart) counts[row.status] += row.count;
    return { weekStart, ...counts };
  });
  const totalsByStatus = (status: (typeof QUOTE_STATUSES)[number]) =>
    quotesPerWeek.reduce((sum, week) => sum + week[status], 0);
  const created = QUOTE_STATUSES.reduce((sum, status) => sum + totalsByStatus(status), 0);

  return {
    generatedAt: now.toISOString(),
    today,
    figures: {
      quotesSentThisMonth: figures.sentThisMonth,
      acceptedValueThisMonthCents: figures.acceptedValueThisMonthCents,
      acceptanceRate30d: figures.decided30d > 0 ? figures.accepted30d / figures.decided30d : null,
      openQuotes: { count: figures.openCount, valueCents: figures.openValueCents },
      quotesExpiringThisWeek: figures.expiringThisWeek,
      openAlerts: alertFigures.bySeverity,
      ctDueNext30Days: alertFigures.ctDue,
      activityToday: figures.activityToday,
    },
    charts: {
      quotesPerWeek,
      acceptedValuePerMonth: Array.from({ length: MONTHS }, (_, i) => {
        const key = shiftMonth(firstMonth, i);
        return {
          month: key,
          valueCents: perMonth.find((row) => row.month === key)?.valueCents ?? 0,
        };
      }),
      alertsByKind: alertFigures.byKind,
      funnel: {
        created,
        sent: created - totalsByStatus('draft'),
        accepted: totalsByStatus('accepted') + totalsByStatus('partially_accepted'),
      },
    },
    quotesAwaiting,
    money,
  };
}

export async function getDashboard(deps: Deps, actor: Actor): Promise<Dashboard> {
  requireRole(actor, FEED_READERS);
  return viewDashboard(await computeDashboard(deps), actor.role);
}

/** Folds the day's counter deltas into one row each: the nightly job (decision 0008). */
export function compactDashboard(deps: Pick<Deps, 'db'>): Promise<void> {
  return compactDashboardStats(deps.db);
}
