/**
 * The services Komek knows. ASP is registered here; the next service adds its definition to `BUILT_IN`.
 * Tests may register a definition of their own (registerServiceDefinition) without touching this list.
 */
import { aspDefinition } from "./asp/definition";
import { localDefinition } from "./local/definition";
import { serviceDefinitionSchema, UnknownServiceError, type ServiceDefinition } from "./definition";

const BUILT_IN: readonly ServiceDefinition[] = [aspDefinition, localDefinition];

const definitions = new Map<string, ServiceDefinition>();

/** Adds a definition after checking its shape; keys and number prefixes are unique across services. */
export function registerServiceDefinition(def: ServiceDefinition): ServiceDefinition {
  serviceDefinitionSchema.parse(def);
  const existing = definitions.get(def.key);
  if (existing && existing !== def) throw new Error(`service "${def.key}" is already defined`);
  for (const other of definitions.values()) {
    if (other.key !== def.key && other.numberPrefix === def.numberPrefix) {
      throw new Error(`services "${other.key}" and "${def.key}" share the number prefix ${def.numberPrefix}`);
    }
  }
  definitions.set(def.key, def);
  return def;
}

for (const def of BUILT_IN) registerServiceDefinition(def);

export function findService(key: string): ServiceDefinition | undefined {
  return definitions.get(key);
}

export function getService(key: string): ServiceDefinition {
  const def = definitions.get(key);
  if (!def) throw new UnknownServiceError(key);
  return def;
}

export function allServices(): ServiceDefinition[] {
  return [...definitions.values()];
}

/** The service whose registration numbers look like this one (ASP26-000123 → asp), if any. */
export function serviceOfRegistrationNumber(number: string): ServiceDefinition | undefined {
  const m = /^([A-Z]{2,5})\d{2}-\d{6}$/.exec(number);
  return m ? allServices().find((d) => d.numberPrefix === m[1]) : undefined;
}

/** The definition in force on a day (today when omitted), or undefined if its rules lapsed. */
export function serviceInForce(key: string, day: string): ServiceDefinition | undefined {
  const def = findService(key);
  if (!def) return undefined;
  return def.inForce.from <= day && (def.inForce.to === null || def.inForce.to >= day) ? def : undefined;
}
