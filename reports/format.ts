// Number formatting for the figures and tables a reviewer reads (en-US grouping, units spelled out).
// Charts format their own axes through Vega-Lite's format strings.

const group = (digits: number) => new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const int = group(0);
const d1 = group(1);
const d2 = group(2);

export const fmtInt = (n: number): string => int.format(Math.round(n));
export const fmtNum = (n: number, digits = 1): string => (digits === 0 ? int : digits === 1 ? d1 : digits === 2 ? d2 : group(digits)).format(n);
/** a ratio 0..1 as a percentage */
export const fmtPct = (ratio: number, digits = 1): string => `${fmtNum(ratio * 100, digits)} %`;
export const fmtYuan = (yuan: number, digits = 2): string => `¥${fmtNum(yuan, digits)}`;
export const fmtMs = (ms: number): string => (Math.abs(ms) >= 10_000 ? `${fmtNum(ms / 1000, 1)} s` : `${fmtInt(ms)} ms`);

/** seconds as "12 min 05 s" (or "45 s") */
export function fmtDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h} h ${String(m).padStart(2, '0')} min` : `${m} min ${rest} s`;
}

/** virtual ms since the show started as a show clock "mm:ss" or "h:mm:ss" */
export function fmtShowTime(ms: number): string {
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(h > 0 ? 2 : 1, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
