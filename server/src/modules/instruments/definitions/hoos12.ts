import { kneeHipShortForm } from './knee-hip-short-form.js';

/*
 * HOOS-12, the 12-item short form of the Hip disability and Osteoarthritis Outcome Score.
 * Gandek B, Roos EM, Franklin PD, Ware JE Jr. A 12-item short form of the Hip disability and Osteoarthritis
 * Outcome Score (HOOS-12): tests of reliability, validity and responsiveness. Osteoarthritis Cartilage
 * 2019;27(5):754-761; item selection in Gandek et al., Osteoarthritis Cartilage 2019;27(5):746-753.
 * Pain and function items are drawn from the 40-item HOOS (Nilsdotter AK et al. BMC Musculoskelet Disord
 * 2003;4:10); the quality-of-life scale is the HOOS's own four items. Scored like the KOOS-12
 * (knee-hip-short-form.ts).
 */
/** HOOS-12: hip pain, function and quality of life, summary 0-100, higher is better. */
export const hoos12 = kneeHipShortForm({
  code: 'HOOS12',
  shortName: 'HOOS-12',
  name: 'HOOS-12 (Hip disability and Osteoarthritis Outcome Score, 12 items)',
  description:
    'Twelve questions on hip pain, function and hip-related quality of life over the last week, each 0-4. ' +
    'Each scale and the summary hip impact score run from 0 (extreme problems) to 100 (no problems).',
  scoringVersion: 'HOOS-12/gandek-2019',
  citation:
    'Gandek B, Roos EM, Franklin PD, Ware JE Jr. A 12-item short form of the Hip disability and Osteoarthritis ' +
    'Outcome Score (HOOS-12): tests of reliability, validity and responsiveness. Osteoarthritis Cartilage ' +
    '2019;27(5):754-761.',
  topics: {
    pain: ['How often hip pain occurs', 'Pain walking on an uneven surface', 'Pain going up or down stairs', 'Pain sitting or lying'],
    function: ['Going down stairs', 'Walking on a flat surface', 'Getting in or out of a car', 'Walking on an uneven surface'],
    qualityOfLife: [
      'How often aware of the hip problem',
      'Lifestyle changed to avoid harming the hip',
      'Troubled by lack of confidence in the hip',
      'Overall difficulty with the hip',
    ],
  },
});
