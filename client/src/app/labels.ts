import type { Modality } from '../graphql/generated/graphql';

/** Modalities in words, for the therapist's session form and the research explorer alike. */
export const modalityLabels: Record<Modality, string> = {
  SWEDISH: 'Swedish',
  DEEP_TISSUE: 'Deep tissue',
  MYOFASCIAL_RELEASE: 'Myofascial release',
  TRIGGER_POINT: 'Trigger point',
  SPORTS: 'Sports',
  LYMPHATIC_DRAINAGE: 'Lymphatic drainage',
  SHIATSU: 'Shiatsu',
  REFLEXOLOGY: 'Reflexology',
  OTHER: 'Other',
};

/** The session's pressure scale, 1-5 (index 0 is pressure 1): on the form and in the visit history. */
export const sessionPressureLabels = ['1 very light', '2 light', '3 moderate', '4 firm', '5 very deep'];
