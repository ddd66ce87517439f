// How the Firefox harness reads Firefox's output for errors (no browser needed): the lines below are
// as Firefox ESR 153 printed them in these tests' runs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EXTENSION_UUID, outletWarningsInOutput, readOutput } from './harness.mjs';

const origin = `moz-extension://${EXTENSION_UUID}/`;

describe('the Firefox harness reads errors from Firefox output', () => {
  it("counts the extension's uncaught errors and console errors, and sets Firefox's own aside", () => {
    const output = [
      'Handler function threw an exception: TypeError: can\'t access property "id", context is null',
      'Stack: notifyNavigationFailed@chrome://remote/content/shared/NavigationManager.sys.mjs:439:7',
      `JavaScript error: ${origin}popup.html, line 1: Error: broken`,
      'JavaScript error: resource:///modules/backup/BackupService.sys.mjs, line 4466: NotAllowedError: PathUtils.join: PathUtils does not support empty paths',
      'console.error: "probe page" 1 ({a:1})',
      `console.error: (new Error("probe err obj", "${origin}support.html", 3))`,
      'console.error: RSLoader: ',
      'console.warn: "Outlet: the schedule could not be saved; the alarms follow it all the same."',
      'console.log: "fine"',
    ].join('\n');
    const { errors, firefox } = readOutput(output, origin);
    assert.deepEqual(errors, [
      { kind: 'uncaught', source: `${origin}popup.html`, text: 'Error: broken' },
      { kind: 'console', source: 'console', text: '"probe page" 1 ({a:1})' },
      {
        kind: 'console',
        source: 'console',
        text: `(new Error("probe err obj", "${origin}support.html", 3))`,
      },
    ]);
    assert.equal(firefox.length, 2);
    assert.match(firefox[0], /BackupService/);
    assert.match(firefox[1], /RSLoader/);
    assert.deepEqual(outletWarningsInOutput(output), [
      'Outlet: the schedule could not be saved; the alarms follow it all the same.',
    ]);
  });

  it('an uncaught error of another extension or page is not counted as ours', () => {
    const { errors } = readOutput(
      'JavaScript error: moz-extension://another/x.js, line 2: Error: x\n',
      origin,
    );
    assert.deepEqual(errors, []);
  });
});
