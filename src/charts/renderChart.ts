import { existsSync } from 'node:fs';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import type { View } from 'vega';
import type { TopLevelSpec } from 'vega-lite';

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
const FONT_DIRECTORIES = [
  '/usr/share/fonts/truetype/dejavu',
  '/usr/share/fonts/dejavu',
  '/usr/share/fonts/dejavu-sans-fonts',
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
  resolvedFonts ??= resolveFonts();
  return resolvedFonts;
}

function resolveFonts(): ChartFonts {
  for (const directory of FONT_DIRECTORIES) {
    const regular = `${directory}/DejaVuSans.ttf`;
    const bold = `${directory}/DejaVuSans-Bold.ttf`; // the title; without it resvg uses the regular face
    if (existsSync(regular)) return { files: existsSync(bold) ? [regular, bold] : [regular], systemFallback: false };
  }
  return { files: [], systemFallback: true };
}

export interface RenderOptions {
  /** Device pixels per chart pixel: 2 keeps text crisp on high-density screens. */
  scale?: number;
  /** Font files to use instead of the ones `chartFonts()` finds (tests, unusual images). */
  fontFiles?: string[];
}

type Libraries = [typeof import('vega'), typeof import('vega-lite'), typeof import('@resvg/resvg-js')];
let libraries: Promise<Libraries> | undefined;

/**
 * Loaded on the first chart, not at start-up: they take several hundred milliseconds to import, and
 * a native resvg binary missing for the platform then costs the chart, not the whole app.
 */
function loadLibraries(): Promise<Libraries> {
  libraries ??= Promise.all([import('vega'), import('vega-lite'), import('@resvg/resvg-js')]).catch(
    (error: unknown) => {
      libraries = undefined;
      throw new Error(`chart libraries could not be loaded: ${messageOf(error)}`, { cause: error });
    },
  );
  return libraries;
}

/** Renders a Vega-Lite spec to PNG bytes. Throws an Error that names the step that failed. */
export async function renderVegaLitePng(spec: TopLevelSpec, options: RenderOptions = {}): Promise<Buffer> {
  const [vega, vegaLite, { renderAsync }] = await loadLibraries();
  const svg = await renderSvg(vega, vegaLite, spec);
  try {
    // Parsing, font loading and rasterising run on libuv's thread pool, off the event loop that acks Slack.
    const image = await renderAsync(svg, resvgOptions(options));
    return image.asPng();
  } catch (error) {
    throw new Error(`chart rasterisation failed: ${messageOf(error)}`, { cause: error });
  }
}

async function renderSvg(vega: Libraries[0], vegaLite: Libraries[1], spec: TopLevelSpec): Promise<string> {
  let view: View | undefined;
  try {
    const { spec: vegaSpec } = vegaLite.compile(spec);
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
      : // resvg scans the system's fonts afresh for every render, however many there are: skip that.
        {
          loadSystemFonts: false,
          fontFiles: fonts.files,
          defaultFontFamily: CHART_FONT_FAMILY,
          sansSerifFamily: CHART_FONT_FAMILY,
        },
    logLevel: 'off',
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
