// Firefox's own (chrome) scope, reached over WebDriver BiDi: what an extension page can't do, like
// stopping the extension's event page at a chosen moment. Needs MOZ_REMOTE_ALLOW_SYSTEM_ACCESS=1
// (the harness launches Firefox with it): then `browsingContext.getTree` with `moz:scope: 'chrome'`
// lists the browser window, and `script.evaluate` runs in it with Firefox's privileges.
//
// Checked with Firefox ESR 153: `extension.terminateBackground()` (what about:debugging's "Terminate
// background script" calls) declines while an onMessage listener's promise is pending, unless given
// `disableResetIdleForTest: true` (parent/ext-backgroundPage.js). Firefox itself stops a page with
// pending listeners all the same: its idle timer waits once for them, then forgets them
// (`clearPendingRunListenerPromises`), and an update, a crash or a shutdown stop it anywhere.

/** The chrome scope of the Firefox that `ext` (launchFirefoxExtension) runs in. */
export async function chromeScope(ext) {
  const connection = ext.browser.connection;
  const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const context = tree.result.contexts[0]?.context;
  if (!context) throw new Error('no chrome window over BiDi (is MOZ_REMOTE_ALLOW_SYSTEM_ACCESS=1 set?)');

  /** Evaluates `expression` in the browser window's privileged scope; resolves with its BiDi value. */
  async function evaluate(expression) {
    const { result } = await connection.send('script.evaluate', {
      expression,
      target: { context },
      awaitPromise: true,
    });
    if (result.type === 'exception') {
      throw new Error(
        `chrome scope: ${result.exceptionDetails?.text ?? JSON.stringify(result).slice(0, 300)}`,
      );
    }
    return result.result?.value;
  }

  const id = JSON.stringify(ext.geckoId);
  return {
    evaluate,
    /**
     * At the extension's next storage.local write, its event page is stopped at once, whatever it
     * was doing (answering a message, say): a page stopped right after it stored something.
     */
    stopBackgroundAfterNextWrite: () =>
      evaluate(`(() => {
        const { ExtensionStorageIDB } = ChromeUtils.importESModule('resource://gre/modules/ExtensionStorageIDB.sys.mjs');
        const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
        const listener = () => {
          ExtensionStorageIDB.removeOnChangedListener(${id}, listener);
          globalThis.__outletBackgroundStopped = true;
          void ExtensionParent.GlobalManager.getExtension(${id}).terminateBackground({
            ignoreDevToolsAttached: true,
            disableResetIdleForTest: true,
          });
        };
        globalThis.__outletBackgroundStopped = false;
        ExtensionStorageIDB.addOnChangedListener(${id}, listener);
        return true;
      })()`),
    /** Whether the page was stopped since `stopBackgroundAfterNextWrite`. */
    backgroundStopped: () => evaluate('globalThis.__outletBackgroundStopped === true'),
  };
}
