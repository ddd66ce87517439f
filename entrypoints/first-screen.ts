// A classic script in the head of popup.html and checkin.html, `defer blocking="render"`: it runs as
// soon as the page is parsed and before its first paint (https://html.spec.whatwg.org/#blocking-attributes;
// Firefox has no `blocking` yet and may paint one empty frame first). It draws the first screen in
// the person's language, starts reading what a pick needs (platform/early-read.ts), and keeps the
// screen live until the app takes over (components/checkin/early-input.ts): a feeling clicked
// before then is answered at once with its outlet, picked by the app's own picker from the copy of
// the settings kept in localStorage (platform/first-pick-cache.ts), or else from that read.
// Kept small: no framework, no polyfill. Vite says it "can't be bundled without type=module": on
// purpose, a module would wait for the modules before it.

import { captureEarlyInput } from '../components/checkin/early-input';
import { drawFirstOutlet } from '../components/checkin/first-outlet';
import { buildFirstScreen, buildHandover } from '../components/checkin/first-screen';
import { underWayAt } from '../platform/checkin-handover';
import { type EarlyRead, pickInputFromRead, startEarlyRead } from '../platform/early-read';
import { type PickInput, readFirstPickCache } from '../platform/first-pick-cache';
import { firstScreenWord, markPageLanguage } from '../platform/first-words';

export default defineUnlistedScript(() => {
  markPageLanguage(document.documentElement);
  const app = document.getElementById('app');
  // A check-in under way (a walk, its question) is what the app opens on: the feelings are not drawn
  // over it, neither glimpsed nor clicked (platform/checkin-handover.ts).
  if (app && !app.firstChild)
    app.append(underWayAt(Date.now()) ? buildHandover() : buildFirstScreen(firstScreenWord));
  // One read, shared with the app (which takes it from `window` when it runs).
  let read: EarlyRead | undefined;
  const readOnce = () => {
    read ??= startEarlyRead();
    return read;
  };
  // At once from the copy a page kept in localStorage; without one, once storage has been read.
  let cached: PickInput | null | undefined;
  captureEarlyInput((feeling, at) => {
    cached ??= readFirstPickCache();
    if (cached) return drawFirstOutlet(firstScreenWord, feeling, at, cached);
    return pickInputFromRead(readOnce()).then((input) =>
      input ? drawFirstOutlet(firstScreenWord, feeling, at, input) : null,
    );
  });
  // After the first paint: the first use of the storage API sets up its bindings (several ms), which
  // must hold up neither that paint nor a click on it. The app's own read takes over this one.
  afterFirstPaint(() => {
    readOnce();
    runApp();
  });
});

/**
 * Calls `then` once, in the task right after the first frame is painted: at once if the page is
 * hidden (it paints no frame), and after a quarter second at the latest (a page hidden just after
 * loading stops its frames).
 */
function afterFirstPaint(then: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    then();
  };
  if (document.visibilityState === 'hidden') {
    once();
    return;
  }
  // A frame callback comes just before the paint; the task after it, just after.
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 250);
}

/**
 * Runs the check-in app, named by the page on this script's tag (`data-app`). As a `defer` script its
 * ~40 ms of work ran before the first frame (deferred scripts run back to back once the page is
 * parsed), so the first screen, and a click on it, waited for the whole app.
 */
function runApp(): void {
  const src = document.querySelector<HTMLScriptElement>('script[data-app]')?.dataset.app;
  if (!src) return;
  const script = document.createElement('script');
  script.src = src;
  document.head.append(script);
}
