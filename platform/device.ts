// What the device can do with a link. A tel: or sms: link on a desktop usually opens nothing, or a
// dialog asking which app should handle it; on a phone it places the call. The check lives here so
// components never read navigator themselves.

interface NavigatorLike {
  userAgent: string;
  userAgentData?: { mobile?: boolean };
}

/**
 * A phone or tablet, where tel: and sms: links work. Chrome and Edge say so directly
 * (navigator.userAgentData.mobile); Firefox and Safari have no userAgentData, so their user agent
 * string is read instead ("Android", "iPhone", "Mobile").
 */
export function isPhoneLike(nav: NavigatorLike | undefined = globalThis.navigator): boolean {
  if (!nav) return false;
  const mobile = nav.userAgentData?.mobile;
  if (typeof mobile === 'boolean') return mobile;
  return /Android|iPhone|iPad|iPod|Mobile/i.test(nav.userAgent);
}
