import { pingDatabase } from "~/health.server";

export async function loader() {
  try {
    await pingDatabase(2_000);
    return Response.json({ status: "ok", db: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return Response.json(
      { status: "unavailable", db: "unreachable", reason },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
