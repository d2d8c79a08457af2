// The light phone formatter: lists and the shell must not load libphonenumber's metadata.
export { formatFrenchPhone as formatPhone } from '../../domain/client/client-name';
export { formatEuros } from '../../domain/money';

const TZ = 'Europe/Paris';
const DATE = new Intl.DateTimeFormat('fr-FR', {
  timeZone: TZ,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const TIME = new Intl.DateTimeFormat('fr-FR', { timeZone: TZ, hour: '2-digit', minute: '2-digit' });
const RELATIVE = new Intl.RelativeTimeFormat('fr-FR', { numeric: 'auto', style: 'short' });

/** An instant as dd/mm/yyyy in Paris. */
export function formatDate(instant: string | Date): string {
  return DATE.format(new Date(instant));
}

/** A calendar date `2026-11-24` as 24/11/2026, without any time zone shift. */
export function formatCalendarDate(date: string | null): string {
  if (!date) return '—';
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

export function formatTime(instant: string | Date): string {
  return TIME.format(new Date(instant));
}

export function formatDateTime(instant: string | Date): string {
  return `${formatDate(instant)} ${formatTime(instant)}`;
}

/** "à l'instant", "il y a 5 min", "hier", then the date. */
export function formatRelative(instant: string | Date, now: Date = new Date()): string {
  const seconds = Math.round((new Date(instant).getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return 'à l’instant';
  if (abs < 3600) return RELATIVE.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return RELATIVE.format(Math.round(seconds / 3600), 'hour');
  if (abs < 7 * 86_400) return RELATIVE.format(Math.round(seconds / 86_400), 'day');
  return formatDate(instant);
}

export function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
}

const KM = new Intl.NumberFormat('fr-FR');

/** 123456 → "123 456 km". */
export function formatKm(km: number): string {
  return `${KM.format(km)} km`;
}
