// The time zone a zone test runs in, and local wall-clock dates to write its tables in, so that one
// table passes under any TZ. `node scripts/test-zones.mjs` runs the zone tests once per zone with TZ
// set; a group about one zone's daylight-saving nights runs only there (`describe.runIf(inZone(…))`).

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
/** Whether the tests run in zone `name`. Compares canonical names: node may call Asia/Kathmandu "Asia/Katmandu". */
export const inZone = (name: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone === zone;

/** Local wall-clock time; month is 1-based here to read like a calendar. */
export const at = (y: number, month: number, d: number, h = 0, min = 0) =>
  new Date(y, month - 1, d, h, min).getTime();
