// A classic script in the head of popup.html and checkin.html: it runs before the first screen
// (prerendered into the page) is even parsed, and keeps that screen live until the app takes over (see
// components/checkin/early-input.ts), and starts reading what a pick needs from storage while the app's
// modules load (platform/early-read.ts). Kept tiny: no framework, no polyfill. Vite says it "can't be
// bundled without type=module": on purpose, a module would wait for the whole page to be parsed.
import { captureEarlyInput } from '../components/checkin/early-input';
import { startEarlyRead } from '../platform/early-read';

export default defineUnlistedScript(() => {
  captureEarlyInput();
  // In a task of its own: the first use of the storage API sets up its bindings (several ms), which
  // must not hold up the parsing, and so the painting, of the first screen.
  setTimeout(startEarlyRead, 0);
});
