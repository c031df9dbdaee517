import { describe, expect, it } from 'vitest';
import {
  COST_CHART_HEIGHT,
  COST_CHART_WIDTH,
  type CostChartInput,
  type CostChartPeriod,
  costChartSpec,
  EMPTY_COST_CHART_TEXT,
  renderCostChart,
} from '../../../src/charts/costChart.js';
import { chartFonts } from '../../../src/charts/renderChart.js';

const period = (label: string, hours: Partial<CostChartPeriod> = {}): CostChartPeriod => ({
  label,
  meeting: 6,
  review_wait: 3.5,
  relitigation: 1.25,
  ...hours,
});

const weeks = (count: number, hours: Partial<CostChartPeriod> = {}): CostChartPeriod[] =>
  Array.from({ length: count }, (_, i) => period(`W${38 + i}`, hours));

const chart = (periods: CostChartPeriod[]): CostChartInput => ({
  periods,
  unit: 'person-hours',
  title: 'Coordination cost per week',
});

/** The data rows and layers of the spec, loosely typed: the test reads the spec as JSON. */
function specOf(input: CostChartInput): any {
  return costChartSpec(input);
}

/** Width and height from a PNG's IHDR chunk, which the signature is always followed by. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('costChartSpec', () => {
  it('draws the last eight periods, oldest first, three kinds each, with readable kind names', () => {
    const spec = specOf(chart(weeks(11)));
    const rows: { period: string; kind: string; value: number }[] = spec.data.values;
    const periods = [...new Set(rows.map((r) => r.period))];
    expect(periods).toEqual(['W41', 'W42', 'W43', 'W44', 'W45', 'W46', 'W47', 'W48']);
    expect(rows).toHaveLength(8 * 3);
    expect([...new Set(rows.map((r) => r.kind))]).toEqual(['Meetings', 'Review waits', 'Relitigation']);
    expect(rows.filter((r) => r.period === 'W41').map((r) => r.value)).toEqual([6, 3.5, 1.25]);

    const bars = spec.layer[0];
    expect(bars.mark.type).toBe('bar');
    expect(bars.encoding.x.sort).toEqual(periods);
    expect(bars.encoding.y.title).toBe('person-hours');
    expect(bars.encoding.color.scale.domain).toEqual(['Meetings', 'Review waits', 'Relitigation']);
    expect(spec.title.text).toBe('Coordination cost per week');
    expect([spec.width, spec.height]).toEqual([COST_CHART_WIDTH, COST_CHART_HEIGHT]);
  });

  it('gives all-zero periods an axis to stand on instead of a scale over nothing', () => {
    const spec = specOf(chart(weeks(3, { meeting: 0, review_wait: 0, relitigation: 0 })));
    expect(spec.data.values).toHaveLength(9);
    expect(spec.layer[0].encoding.y.scale.domainMax).toBe(1);
  });

  it('shows an empty state when there are no periods', () => {
    const spec = specOf(chart([]));
    expect(spec.mark.type).toBe('text');
    expect(spec.data.values).toEqual([{ text: EMPTY_COST_CHART_TEXT }]);
  });

  it('refuses costs that cannot be drawn, and labels that would merge two bars, naming the period', () => {
    expect(() => costChartSpec(chart([period('W40', { meeting: Number.NaN })]))).toThrow(/W40.*meeting/);
    expect(() => costChartSpec(chart([period('W40', { review_wait: -1 })]))).toThrow(/W40.*review_wait/);
    expect(() => costChartSpec(chart([period('W40'), period('W40')]))).toThrow(/W40.*unique/);
  });
});

describe('renderCostChart', () => {
  it('renders a PNG of 800 × 400 at twice the density', async () => {
    const png = await renderCostChart(chart(weeks(8)));
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(pngSize(png)).toEqual({ width: 2 * COST_CHART_WIDTH, height: 2 * COST_CHART_HEIGHT });
    // Bars, axes and text, not a blank canvas (a white 1600 × 800 PNG is well under 10 kB).
    expect(png.length).toBeGreaterThan(20_000);
  });

  it('renders at the chart size itself when asked for one device pixel per pixel', async () => {
    const png = await renderCostChart(chart(weeks(2)), { scale: 1 });
    expect(pngSize(png)).toEqual({ width: COST_CHART_WIDTH, height: COST_CHART_HEIGHT });
  });

  it('renders periods whose costs are all zero', async () => {
    const png = await renderCostChart(chart(weeks(4, { meeting: 0, review_wait: 0, relitigation: 0 })));
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(pngSize(png).width).toBe(2 * COST_CHART_WIDTH);
  });

  it('renders the empty state without throwing', async () => {
    const png = await renderCostChart(chart([]));
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(pngSize(png)).toEqual({ width: 2 * COST_CHART_WIDTH, height: 2 * COST_CHART_HEIGHT });
  });

  it('still renders the bars when no font can be found, only without text', async () => {
    const png = await renderCostChart(chart(weeks(8)), { fontFiles: [] });
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(pngSize(png).width).toBe(2 * COST_CHART_WIDTH);
  });

  // Images without fonts (node:*-slim) render no text at all: nothing to compare there.
  it.skipIf(chartFonts().files.length === 0)('draws its text with the DejaVu Sans it found', async () => {
    const withText = await renderCostChart(chart(weeks(8)));
    const withoutText = await renderCostChart(chart(weeks(8)), { fontFiles: [] });
    expect(withText.length).toBeGreaterThan(withoutText.length + 5_000);
  });

  it('fails with a message that names the chart and the reason', async () => {
    await expect(renderCostChart(chart([period('W40', { relitigation: Number.POSITIVE_INFINITY })]))).rejects.toThrow(
      /cost chart "Coordination cost per week".*W40.*relitigation/,
    );
  });
});
