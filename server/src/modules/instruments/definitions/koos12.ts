import { kneeHipShortForm } from './knee-hip-short-form.js';

/*
 * KOOS-12, the 12-item short form of the Knee injury and Osteoarthritis Outcome Score.
 * Gandek B, Roos EM, Franklin PD, Ware JE Jr. A 12-item short form of the Knee injury and Osteoarthritis
 * Outcome Score (KOOS-12): tests of reliability, validity and responsiveness. Osteoarthritis Cartilage
 * 2019;27(5):762-770; item selection in Gandek et al., Osteoarthritis Cartilage 2019;27(5):746-753.
 * Scored like the HOOS-12 (knee-hip-short-form.ts).
 */
/** KOOS-12: knee pain, function and quality of life, summary 0-100, higher is better. */
export const koos12 = kneeHipShortForm({
  code: 'KOOS12',
  shortName: 'KOOS-12',
  name: 'KOOS-12 (Knee injury and Osteoarthritis Outcome Score, 12 items)',
  description:
    'Twelve questions on knee pain, function and knee-related quality of life over the last week, each 0-4. ' +
    'Each scale and the summary knee impact score run from 0 (extreme problems) to 100 (no problems).',
  scoringVersion: 'KOOS-12/gandek-2019',
  citation:
    'Gandek B, Roos EM, Franklin PD, Ware JE Jr. A 12-item short form of the Knee injury and Osteoarthritis ' +
    'Outcome Score (KOOS-12): tests of reliability, validity and responsiveness. Osteoarthritis Cartilage ' +
    '2019;27(5):762-770.',
  topics: {
    pain: ['How often knee pain occurs', 'Pain walking on a flat surface', 'Pain going up or down stairs', 'Pain sitting or lying'],
    function: ['Rising from sitting', 'Standing', 'Getting in or out of a car', 'Twisting or pivoting on the knee'],
    qualityOfLife: [
      'How often aware of the knee problem',
      'Lifestyle changed to avoid harming the knee',
      'Troubled by lack of confidence in the knee',
      'Overall difficulty with the knee',
    ],
  },
});
