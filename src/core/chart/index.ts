// The charts as PNGs, drawn in pure TypeScript so the same code runs in Apps Script (no canvas,
// no fonts) and in Node. See docs/chart.md.
export { renderScoreChart } from './render';
export type { ChartBarKey, ChartImage, ScoreChartInput } from './render';
export { renderTrendChart } from './trend';
export type { TrendChartInput, TrendKey } from './trend';
