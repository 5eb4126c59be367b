// Test runner settings. Most end-to-end tests spawn the built CLI (node bin/fupin.js …), which takes 0.5–5 s on an idle
// machine and ten times that on a loaded 2-core one (measured: a 4 s `rollup --by city -o` took 66 s at load 16). The
// defaults (5 s a test, 10 s a hook) failed such tests by the clock, not by what they check; these limits only stop a
// test that hangs. Keep timing out of assertions: a test that checks speed measures CPU time, not the wall clock.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 300_000,
    hookTimeout: 300_000,
    teardownTimeout: 60_000,
  },
});
