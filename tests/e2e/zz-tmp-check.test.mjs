import { it } from 'node:test';
import assert from 'node:assert/strict';
it('passes', () => {});
it('fails', () => assert.equal(1, 2));
