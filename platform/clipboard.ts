/**
 * Puts `text` on the clipboard. Extension pages may write to it on a click without the
 * clipboardWrite permission; a browser or a policy can still refuse, and then this says so
 * rather than throwing.
 */
export async function copyText(text: string): Promise<'copied' | 'refused'> {
  try {
    if (!navigator.clipboard?.writeText) return 'refused';
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    return 'refused';
  }
}
