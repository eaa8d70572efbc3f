/**
 * The portal's door to the state's data. Today it reads Komek's registry stand-in; a real
 * e-government gateway integration would return another implementation of the same interface.
 */
import type { Gateway } from "./domain/gateway";
import type { Tx } from "./db.server";
import { getDb } from "./db.server";
import { registryGateway } from "../db/queries/registry";

export type { Gateway } from "./domain/gateway";

export async function getGateway(): Promise<Gateway> {
  return registryGateway((await getDb()).db);
}

/** The same gateway inside a caller's transaction, when its reads must see the caller's snapshot. */
export function gatewayIn(tx: Tx): Gateway {
  return registryGateway(tx);
}
