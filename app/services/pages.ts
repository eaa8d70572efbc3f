/** The services the portal offers; their texts live in the services namespace under the slug. */
export const services = [
  { slug: "asp", key: "asp" },
  { slug: "local", key: "local" },
] as const;

export type ServiceSlug = (typeof services)[number]["slug"];
