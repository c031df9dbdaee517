import { loadDetector } from '../../src/detector/loadDetector.js';

/** The committed model (models/), as the app loads it: tests judge with the real detector. */
export const detector = loadDetector();
