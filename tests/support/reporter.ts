import { findMeasure } from '@fascia/server/modules/measures/measure-catalog.js';
import { defaultReporter } from '@fascia/server/modules/measures/measure-definition.js';

/** Who reports a measure's values written straight into the database: the client for pain and questionnaires, else the therapist. */
export function reporterOfMeasure(code: string): 'CLIENT' | 'THERAPIST' {
  const measure = findMeasure(code);
  if (!measure) throw new Error(`unknown measure ${code}`);
  return defaultReporter(measure);
}
