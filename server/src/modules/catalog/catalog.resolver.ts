import { Authorized, Query, Resolver } from 'type-graphql';
import { BodyRegionNode } from '../body-regions/body-region.type.js';
import { bodyRegionCatalog } from '../body-regions/body-region-catalog.js';
import { PregnancyCautionNode } from '../clients/pregnancy-caution.type.js';
import { pregnancyCautions } from '../clients/pregnancy-cautions.js';
import { ConditionNode } from '../conditions/condition.type.js';
import { conditionCatalog } from '../conditions/condition-catalog.js';
import { InstrumentNode } from '../instruments/instrument.type.js';
import { instruments } from '../instruments/instrument-catalog.js';
import { MeasureNode } from '../measures/measure.type.js';
import { measureCatalog } from '../measures/measure-catalog.js';

/** The reference catalogs, read from code: no database round trip; open to every signed-in role. */
@Authorized()
@Resolver()
export class CatalogResolver {
  @Query(() => [MeasureNode], {
    description: 'The measure catalog: ranges, units, direction and MCIDs.',
  })
  measures(): MeasureNode[] {
    return measureCatalog.map((m) => MeasureNode.from(m));
  }

  @Query(() => [InstrumentNode], {
    description: 'The validated questionnaires the server scores.',
  })
  instruments(): InstrumentNode[] {
    return instruments.map((i) => InstrumentNode.from(i));
  }

  @Query(() => [ConditionNode], {
    description: 'The condition catalog with ICD-10 codes.',
  })
  conditions(): ConditionNode[] {
    return conditionCatalog.map((c) => ConditionNode.from(c));
  }

  @Query(() => [PregnancyCautionNode], {
    description: 'Red flags and contraindications to massage in pregnancy, as ready-made intake entries.',
  })
  pregnancyCautions(): PregnancyCautionNode[] {
    return pregnancyCautions.map((c) => PregnancyCautionNode.from(c));
  }

  @Query(() => [BodyRegionNode], {
    description: 'The body map regions for pain location and treated regions.',
  })
  bodyRegions(): BodyRegionNode[] {
    return bodyRegionCatalog.map((r) => BodyRegionNode.from(r));
  }
}
