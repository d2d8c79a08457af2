import type { ApexOptions } from 'apexcharts';
import { formatEuros } from '../../../domain/money';
import { ALERT_KIND_LABELS, ALERT_KINDS } from '../../../domain/schemas/alert';
import type { Dashboard } from '../../../domain/schemas/dashboard';
import { QUOTE_STATUS_LABELS, QUOTE_STATUSES } from '../../../domain/schemas/quote';

/** Chart options and series from a snapshot: pure, so the wall and the dashboard agree. */
const STATUS_COLORS = ['#a0a9b4', '#3b82c4', '#22a35a', '#7cc48f', '#d9534f', '#e0a100'];

const shortDate = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}`;
const MONTHS = [
  'janv.',
  'févr.',
  'mars',
  'avr.',
  'mai',
  'juin',
  'juil.',
  'août',
  'sept.',
  'oct.',
  'nov.',
  'déc.',
];
const monthLabel = (month: string) =>
  `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(2, 4)}`;

export function weeklyQuotes(snapshot: Dashboard, dark = false) {
  return {
    options: {
      chart: {
        type: 'bar',
        stacked: true,
        height: dark ? 190 : 260,
        toolbar: { show: false },
        foreColor: dark ? '#cbd5e1' : undefined,
        background: 'transparent',
      },
      colors: STATUS_COLORS,
      plotOptions: { bar: { columnWidth: '60%' } },
      dataLabels: { enabled: false },
      // Read from across the workshop on the wall: larger labels.
      legend: { position: 'bottom', fontSize: dark ? '16px' : '12px' },
      xaxis: { labels: { style: { fontSize: dark ? '15px' : '12px' } } },
      yaxis: {
        labels: {
          formatter: (value: number) => String(Math.round(value)),
          style: { fontSize: dark ? '15px' : '12px' },
        },
      },
      theme: { mode: dark ? 'dark' : 'light' },
    } satisfies ApexOptions,
    series: QUOTE_STATUSES.map((status) => ({
      name: QUOTE_STATUS_LABELS[status],
      data: snapshot.charts.quotesPerWeek.map((week) => week[status]),
    })),
    categories: snapshot.charts.quotesPerWeek.map((week) => shortDate(week.weekStart)),
  };
}

export function acceptedPerMonth(snapshot: Dashboard, dark = false) {
  return {
    options: {
      chart: {
        type: 'bar',
        height: 260,
        toolbar: { show: false },
        foreColor: dark ? '#cbd5e1' : undefined,
        background: 'transparent',
      },
      colors: ['#1f4e79'],
      plotOptions: { bar: { columnWidth: '55%', borderRadius: 2 } },
      dataLabels: { enabled: false },
      yaxis: {
        labels: {
          formatter: (value: number) => formatEuros(Math.round(value)).replace(/,\d\d/, ''),
        },
      },
      tooltip: { y: { formatter: (value: number) => formatEuros(Math.round(value)) } },
      theme: { mode: dark ? 'dark' : 'light' },
    } satisfies ApexOptions,
    series: [
      {
        name: 'Accepté HT',
        data: snapshot.charts.acceptedValuePerMonth.map((month) => month.valueCents),
      },
    ],
    categories: snapshot.charts.acceptedValuePerMonth.map((month) => monthLabel(month.month)),
  };
}

/** The snapshot names kinds as plain strings: a kind this client does not know shows as is. */
function kindLabel(kind: string): string {
  const known = ALERT_KINDS.find((candidate) => candidate === kind);
  return known ? ALERT_KIND_LABELS[known] : kind;
}

export function alertsByKind(snapshot: Dashboard) {
  const rows = snapshot.charts.alertsByKind.filter((row) => row.count > 0);
  return {
    options: {
      chart: { type: 'donut', height: 260 },
      labels: rows.map((row) => kindLabel(row.kind)),
      legend: { position: 'bottom' },
      noData: { text: 'Aucune alerte active' },
    } satisfies ApexOptions,
    series: rows.map((row) => row.count),
  };
}

export function funnel(snapshot: Dashboard) {
  const { created, sent, accepted } = snapshot.charts.funnel;
  return {
    options: {
      chart: { type: 'bar', height: 220, toolbar: { show: false } },
      plotOptions: { bar: { horizontal: true, distributed: true, barHeight: '60%' } },
      colors: ['#a0a9b4', '#3b82c4', '#22a35a'],
      dataLabels: { enabled: true },
      legend: { show: false },
    } satisfies ApexOptions,
    series: [{ name: 'Devis (12 semaines)', data: [created, sent, accepted] }],
    categories: ['Créés', 'Envoyés', 'Acceptés'],
  };
}
