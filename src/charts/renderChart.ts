import { existsSync } from 'node:fs';
import { renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * Vega-Lite spec → PNG, without a browser or node-canvas: vega lays the chart out headless
 * (`renderer: 'none'`) and writes SVG, and resvg rasterises that SVG with fonts we hand it.
 */

/** The family every chart asks for; `sans-serif` catches whatever a system without it has. */
export const CHART_FONT_FAMILY = 'DejaVu Sans';
export const CHART_FONT = `${CHART_FONT_FAMILY}, sans-serif`;

/**
 * Where DejaVu Sans lives on Debian/Ubuntu (fonts-dejavu-core), Alpine (font-dejavu) and Fedora.
 * node:*-slim images ship no fonts at all.
 */
const FONT_CANDIDATES = [
  ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'],
  ['/usr/share/fonts/dejavu/DejaVuSans.ttf', '/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf'],
  ['/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf', '/usr/share/fonts/dejavu-sans-fonts/DejaVuSans-Bold.ttf'],
];

export interface ChartFonts {
  /** Font files handed to resvg; empty when none of the known locations has DejaVu Sans. */
  files: string[];
  /** True when resvg has to scan the system's fonts instead (slower, and text may not render at all). */
  systemFallback: boolean;
}

let resolvedFonts: ChartFonts | undefined;

/**
 * The fonts charts render with, looked up once. Without DejaVu Sans, resvg falls back to the system's
 * fonts; with no fonts at all it draws the bars and silently drops the text, so the chart degrades
 * rather than fails. Call at start-up to log which case applies.
 */
export function chartFonts(): ChartFonts {
  resolvedFonts ??= resolveFonts(FONT_CANDIDATES);
  return resolvedFonts;
}

function resolveFonts(candidates: string[][]): ChartFonts {
  for (const group of candidates) {
    const files = group.filter((file) => existsSync(file));
    // The regular face is the one that matters; bold is a bonus (resvg synthesises nothing, it picks the nearest).
    if (files.length > 0 && files[0] === group[0]) return { files, systemFallback: false };
  }
  return { files: [], systemFallback: true };
}

export interface RenderOptions {
  /** Device pixels per chart pixel: 2 keeps text crisp on high-density screens. */
  scale?: number;
  /** Font files to use instead of the ones `chartFonts()` finds (tests, unusual images). */
  fontFiles?: string[];
}

/** Renders a Vega-Lite spec to PNG bytes. Throws an Error that names the step that failed. */
export async function renderVegaLitePng(spec: TopLevelSpec, options: RenderOptions = {}): Promise<Buffer> {
  const svg = await renderSvg(spec);
  try {
    // Parsing, font loading and rasterising run on libuv's thread pool, off the event loop that acks Slack.
    const image = await renderAsync(svg, resvgOptions(options));
    return image.asPng();
  } catch (error) {
    throw new Error(`chart rasterisation failed: ${messageOf(error)}`, { cause: error });
  }
}

async function renderSvg(spec: TopLevelSpec): Promise<string> {
  let view: vega.View | undefined;
  try {
    const { spec: vegaSpec } = compile(spec);
    view = new vega.View(vega.parse(vegaSpec), { renderer: 'none' });
    return await view.toSVG();
  } catch (error) {
    throw new Error(`chart layout failed: ${messageOf(error)}`, { cause: error });
  } finally {
    view?.finalize();
  }
}

function resvgOptions({ scale = 2, fontFiles }: RenderOptions): ResvgRenderOptions {
  const fonts = fontFiles ? { files: fontFiles, systemFallback: false } : chartFonts();
  return {
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    font: fonts.systemFallback
      ? { loadSystemFonts: true }
      : // Scanning the system's fonts costs tens of milliseconds per render; the files we found suffice.
        { loadSystemFonts: false, fontFiles: fonts.files, defaultFontFamily: CHART_FONT_FAMILY, sansSerifFamily: CHART_FONT_FAMILY },
    logLevel: 'off',
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
