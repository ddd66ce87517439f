// A classic script in the head of popup.html and checkin.html, `defer blocking="render"`: it runs as
// soon as the page is parsed and before its first paint (https://html.spec.whatwg.org/#blocking-attributes;
// Firefox has no `blocking` yet and may paint one empty frame first). It draws the first screen in
// the person's language, keeps it live until the app takes over (components/checkin/early-input.ts),
// and starts reading what a pick needs while the app's modules load (platform/early-read.ts).
// Kept tiny: no framework, no polyfill. Vite says it "can't be bundled without type=module": on
// purpose, a module would wait for the modules before it.
import { captureEarlyInput } from '../components/checkin/early-input';
import { buildFirstScreen } from '../components/checkin/first-screen';
import { startEarlyRead } from '../platform/early-read';
import { firstScreenWord, markPageLanguage } from '../platform/first-words';

export default defineUnlistedScript(() => {
  markPageLanguage(document.documentElement);
  const app = document.getElementById('app');
  if (app && !app.firstChild) app.append(buildFirstScreen(firstScreenWord));
  captureEarlyInput();
  // In a task of its own: the first use of the storage API sets up its bindings (several ms), which
  // must not hold up the first paint.
  setTimeout(startEarlyRead, 0);
});
