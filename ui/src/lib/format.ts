//! Display formats shared by pages: times are stored as RFC 3339 UTC and shown in the
//! admin's local time zone and locale.

const sameYearFmt = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
const otherYearFmt = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
const fullFmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'long' });
const relativeFmt = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

function parse(iso: string): Date | null {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Compact local time for tables: "Nov 26, 11:22:05" (the year only when it is not this year). */
export function formatTime(iso: string, now: Date = new Date()): string {
  const d = parse(iso);
  if (!d) return iso;
  return (d.getFullYear() === now.getFullYear() ? sameYearFmt : otherYearFmt).format(d);
}

/** Everything, for tooltips and detail views: "Thursday, 26 November 2026 at 11:22:05 CET". */
export function formatFullTime(iso: string): string {
  const d = parse(iso);
  return d ? fullFmt.format(d) : iso;
}

/** "3 minutes ago", "yesterday", "in 2 days". */
export function formatRelative(iso: string, now: Date = new Date()): string {
  const d = parse(iso);
  if (!d) return '';
  const seconds = Math.round((d.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return 'just now';
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['minute', 60],
    ['hour', 3600],
    ['day', 86400],
    ['month', 2592000],
    ['year', 31536000],
  ];
  let chosen: [Intl.RelativeTimeFormatUnit, number] = units[0];
  for (const u of units) if (abs >= u[1]) chosen = u;
  return relativeFmt.format(Math.round(seconds / chosen[1]), chosen[0]);
}
