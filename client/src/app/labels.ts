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
