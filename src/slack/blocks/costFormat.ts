import type { CostSettings } from '../../domain/costs/costSettings.js';
import { roundTo } from '../../domain/costs/numbers.js';
import { COMMAND } from '../ids.js';

/** "€720", "€12.50", "USD 1,200" — whole amounts without cents, in the team's currency. */
export function money(amount: number, currency: string): string {
  const cents = Math.abs(amount) < 100 && !Number.isInteger(roundTo(amount, 2));
  try {
    return new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      minimumFractionDigits: cents ? 2 : 0,
      maximumFractionDigits: cents ? 2 : 0,
    }).format(amount);
  } catch {
    return `${currency} ${roundTo(amount, 2)}`;
  }
}

/** "6", "7.2", "0.5": hours to one decimal, no trailing zero. */
export function hours(value: number): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(roundTo(value, 1));
}

/** "1 person-hour", "7.5 person-hours". */
export function personHours(value: number): string {
  const shown = hours(value);
  return `${shown} ${shown === '1' ? 'person-hour' : 'person-hours'}`;
}

export function minutesText(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** Where the multiplier comes from, said wherever build-hours are shown. */
export const MULTIPLIER_SOURCE =
  'Controlled studies put AI-assisted build speed at 0.84× to 2.26× (METR 2025, Google 2024, Cui et al. 2024, Peng et al. 2023).';

/** The assumptions behind every number, in one line. */
export function assumptions(settings: Pick<CostSettings, 'hourlyRate' | 'currency' | 'buildMultiplier'>): string {
  return `${money(settings.hourlyRate, settings.currency)} per person-hour · ${settings.buildMultiplier}× AI-accelerated build rate. ${MULTIPLIER_SOURCE} Estimates, not measurements — \`${COMMAND} settings\` changes the inputs.`;
}
