/**
 * Web call sites whose audible tabs hold a nudge. Listed as optional host permissions in the
 * manifest and requested only when the person turns "hold nudges during calls" on.
 */
export const CALL_SITES = [
  '*://meet.google.com/*',
  '*://*.zoom.us/*',
  '*://teams.microsoft.com/*',
  '*://teams.live.com/*',
  '*://*.webex.com/*',
  '*://meet.jit.si/*',
  '*://whereby.com/*',
] as const;
