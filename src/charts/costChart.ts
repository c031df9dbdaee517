import type { TopLevelSpec } from 'vega-lite';
import { CHART_FONT, renderVegaLitePng, type RenderOptions } from './renderChart.js';

export interface CostChartPeriod {
  /** Shown under the bar, e.g. "W47" or "Nov": keep it short and unique among the periods. */
  label: string;
  meeting: number;
  review_wait: number;
  relitigation: number;
}

export interface CostChartInput {
  /** Oldest first; only the last `COST_CHART_PERIODS` are drawn. */
  periods: CostChartPeriod[];
  /** What the numbers count, e.g. "person-hours": the y axis title. */
  unit: string;
  title: string;
}

export const COST_CHART_PERIODS = 8;
export const COST_CHART_WIDTH = 800;
export const COST_CHART_HEIGHT = 400;

/** Stacking order bottom to top, with the words and colours the chart uses. */
export const COST_KINDS = [
  { key: 'meeting', label: 'Meetings', color: '#4c78a8' },
  { key: 'review_wait', label: 'Review waits', color: '#f58518' },
  { key: 'relitigation', label: 'Relitigation', color: '#e45756' },
] as const;

const BAR_WIDTH = 64;

export const EMPTY_COST_CHART_TEXT = 'No coordination costs recorded yet';

/**
 * The Vega-Lite spec of the coordination-cost chart: one stacked bar per period, split by kind,
 * with the period's total above it. No periods gives an empty-state chart with the same frame.
 */
export function costChartSpec(input: CostChartInput): TopLevelSpec {
  const periods = input.periods.slice(-COST_CHART_PERIODS);
  checkPeriods(periods);
  const frame = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: { text: input.title, anchor: 'start' as const, fontSize: 16 },
    width: COST_CHART_WIDTH,
    height: COST_CHART_HEIGHT,
    // The whole image, axes and legend included, is width × height.
    autosize: { type: 'fit' as const, contains: 'padding' as const },
    padding: 12,
    background: 'white',
    config: {
      font: CHART_FONT,
      view: { stroke: null },
      axis: { labelFontSize: 12, titleFontSize: 12, grid: false },
      legend: { labelFontSize: 12, titleFontSize: 12 },
    },
  };
  if (periods.length === 0) {
    return {
      ...frame,
      data: { values: [{ text: EMPTY_COST_CHART_TEXT }] },
      mark: { type: 'text', fontSize: 16, color: '#666' },
      encoding: { text: { field: 'text', type: 'nominal' } },
    };
  }

  const values = periods.flatMap((period) =>
    COST_KINDS.map((kind, stack) => ({ period: period.label, kind: kind.label, stack, value: period[kind.key] })),
  );
  const highest = Math.max(...periods.map((p) => p.meeting + p.review_wait + p.relitigation));
  const x = {
    field: 'period',
    type: 'ordinal' as const,
    sort: periods.map((p) => p.label),
    title: null,
    axis: { labelAngle: 0, labelLimit: labelLimit(periods.length) },
  };
  return {
    ...frame,
    data: { values },
    layer: [
      {
        // A fixed width: one or two periods would otherwise be drawn as slabs across the whole chart.
        mark: { type: 'bar', width: BAR_WIDTH },
        encoding: {
          x,
          y: {
            field: 'value',
            type: 'quantitative',
            aggregate: 'sum',
            stack: 'zero',
            title: input.unit,
            // Headroom keeps the tallest total clear of the legend; a scale over [0, 0] would have no ticks.
            scale: { domainMin: 0, domainMax: highest > 0 ? highest * 1.1 : 1 },
            axis: { grid: true, gridOpacity: 0.4, tickCount: 5 },
          },
          color: {
            field: 'kind',
            type: 'nominal',
            title: null,
            scale: { domain: COST_KINDS.map((k) => k.label), range: COST_KINDS.map((k) => k.color) },
            legend: { orient: 'top', direction: 'horizontal' },
          },
          order: { field: 'stack', type: 'quantitative' },
        },
      },
      {
        transform: [
          { aggregate: [{ op: 'sum', field: 'value', as: 'total' }], groupby: ['period'] },
          { filter: 'datum.total > 0' },
        ],
        mark: { type: 'text', dy: -8, fontSize: 11, color: '#333' },
        encoding: {
          x,
          y: { field: 'total', type: 'quantitative', title: input.unit },
          text: { field: 'total', type: 'quantitative', format: ',.1~f' },
        },
      },
    ],
  };
}

/** Renders the chart to a PNG (2× density: 1600 × 800 pixels). Throws an Error saying what failed. */
export async function renderCostChart(input: CostChartInput, options?: RenderOptions): Promise<Buffer> {
  try {
    return await renderVegaLitePng(costChartSpec(input), options);
  } catch (error) {
    throw new Error(`cost chart "${input.title}": ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}

/**
 * How wide a period label may be before vega cuts it with "…". Without node-canvas, vega guesses
 * text as 0.8 em per character, while DejaVu Sans averages about 0.6 em: the limit is scaled up so
 * that a label is cut when it would really overrun its bar's slot, not a third earlier.
 */
function labelLimit(bars: number): number {
  const plotWidth = COST_CHART_WIDTH - 100; // less the y axis, its title and the padding
  return Math.floor((plotWidth / bars - 6) * (0.8 / 0.6));
}

function checkPeriods(periods: CostChartPeriod[]): void {
  const labels = new Set<string>();
  for (const period of periods) {
    // Bars are keyed by label: two periods with one label would silently merge into one bar.
    if (labels.has(period.label)) throw new Error(`two periods are labelled "${period.label}"; labels must be unique`);
    labels.add(period.label);
    for (const { key } of COST_KINDS) {
      const value = period[key];
      if (!Number.isFinite(value) || value < 0) {
        throw new Error(`period "${period.label}" has ${key} = ${value}; costs must be finite and not negative`);
      }
    }
  }
}
