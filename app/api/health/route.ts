/** For load balancers and uptime checks: the app answers, without touching the database. */
export function GET() {
  return Response.json({ status: "ok" });
}
