/*
 * What massage texts list as reasons not to treat (red flags: stop and refer the same day) or to treat only
 * with the obstetric care provider's clearance (contraindications) in pregnancy. The intake form offers them
 * as ready-made entries for the intake's red-flag and contraindication lists, so they are worded the same
 * for every client and the caseload's red-flag warnings show them.
 * Sources: Werner R. A Massage Therapist's Guide to Pathology, 7th ed. (Books of Discovery, 2019), chapter
 * on pregnancy; Stillerman E. Prenatal Massage: A Textbook of Pregnancy, Labor, and Postpartum Bodywork
 * (Mosby Elsevier, 2008), chapter 3 (high-risk pregnancy and contraindications); Royal College of
 * Obstetricians and Gynaecologists Green-top Guideline No. 37a (2015) for venous thromboembolism risk.
 */

export type PregnancyCautionKind = 'RED_FLAG' | 'CONTRAINDICATION';

export interface PregnancyCaution {
  /** Stable upper-snake code. */
  code: string;
  kind: PregnancyCautionKind;
  /** The entry as stored in the intake's list (at most 200 characters, like every list entry). */
  text: string;
}

export const pregnancyCautions: readonly PregnancyCaution[] = [
  {
    code: 'PREECLAMPSIA_SIGNS',
    kind: 'RED_FLAG',
    text: 'Signs of pre-eclampsia: severe headache, visual disturbance, sudden swelling of face or hands, upper abdominal pain',
  },
  { code: 'VAGINAL_BLEEDING', kind: 'RED_FLAG', text: 'Vaginal bleeding or leaking of fluid' },
  {
    code: 'PRETERM_LABOUR_SIGNS',
    kind: 'RED_FLAG',
    text: 'Signs of preterm labour before 37 weeks: regular contractions, pelvic pressure, rhythmic low back ache',
  },
  { code: 'DVT_SIGNS', kind: 'RED_FLAG', text: 'Calf or thigh pain, swelling, warmth or redness (suspected deep vein thrombosis)' },
  { code: 'REDUCED_FETAL_MOVEMENT', kind: 'RED_FLAG', text: 'Reduced or absent fetal movements' },
  { code: 'PREECLAMPSIA', kind: 'CONTRAINDICATION', text: 'Pre-eclampsia or gestational hypertension diagnosed' },
  { code: 'PLACENTA_PREVIA', kind: 'CONTRAINDICATION', text: 'Placenta previa or placental abruption' },
  {
    code: 'DVT_RISK',
    kind: 'CONTRAINDICATION',
    text: 'Raised risk of deep vein thrombosis (previous clot, clotting disorder, bed rest): no deep work on the legs',
  },
  {
    code: 'HIGH_RISK_WITHOUT_CLEARANCE',
    kind: 'CONTRAINDICATION',
    text: 'High-risk pregnancy (e.g. multiple pregnancy, gestational diabetes, previous preterm birth) without obstetric clearance',
  },
];
