/**
 * A few common cron shapes in plain French ("toutes les 15 minutes", "tous les jours à 07:30");
 * null for anything else (the next runs, computed by the server, are shown anyway).
 */
export function describeCron(pattern: string): string | null {
  const fields = pattern.trim().split(/\s+/);
  if (fields.length !== 5) return null;
  const [minute, hour, day, month, weekday] = fields as [string, string, string, string, string];
  const everyDay = day === '*' && month === '*' && weekday === '*';
  const step = /^\*\/(\d+)$/;
  if (everyDay && hour === '*' && step.test(minute))
    return `Toutes les ${step.exec(minute)![1]} minutes.`;
  if (everyDay && minute === '0' && step.test(hour))
    return `Toutes les ${step.exec(hour)![1]} heures, à l’heure pile.`;
  if (everyDay && hour === '*' && /^\d+$/.test(minute))
    return `Toutes les heures, à la minute ${minute}.`;
  const at =
    /^\d+$/.test(minute) && /^\d+(,\d+)*$/.test(hour)
      ? hour
          .split(',')
          .map((h) => `${h.padStart(2, '0')}:${minute.padStart(2, '0')}`)
          .join(', ')
      : null;
  if (at && everyDay) return `Tous les jours à ${at}.`;
  if (at && day === '*' && month === '*' && weekday === '1-5')
    return `Du lundi au vendredi à ${at}.`;
  return null;
}
