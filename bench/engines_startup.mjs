// First frame per browser engine against the local stack: navigation start ->
// first ImGui frame drawn (the app's `app-first-frame` mark) and -> app ready,
// in Chromium (SwiftShader), Firefox ESR and WebKit (Mesa's llvmpipe), through
// the cross-engine tests' drivers. Medians over N fresh windows per engine.
// Needs an X display (scripts/with-xvfb).
//   node bench/engines_startup.mjs [--runs 5] [--json]
import { startStack } from '../tests/browser/harness.mjs';
import { EngineApp } from '../tests/engines/app.mjs';
import { ENGINES, launchEngine } from '../tests/engines/engines.mjs';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 5;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const stack = await startStack();
const result = { runs, engines: {} };
try {
  for (const name of ENGINES) {
    const engine = await launchEngine(name);
    const samples = [];
    try {
      for (let i = 0; i < runs; i++) {
        const window = await engine.newWindow({ viewport: { width: 1280, height: 800 } });
        try {
          const app = await EngineApp.open(name, window, stack.site);
          samples.push(await app.window.evaluate(() => {
            const at = (mark) => performance.getEntriesByName(mark)[0]?.startTime;
            return { firstFrame: at('app-first-frame'), ready: at('app-ready'), renderer: (() => {
              const gl = document.createElement('canvas').getContext('webgl2');
              const info = gl && gl.getExtension('WEBGL_debug_renderer_info');
              return info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : (gl ? gl.getParameter(gl.RENDERER) : 'none');
            })() };
          }));
        } finally {
          await window.close();
        }
      }
    } finally {
      await engine.close();
    }
    result.engines[name] = {
      firstFrameMs: median(samples.map((s) => s.firstFrame)),
      readyMs: median(samples.map((s) => s.ready)),
      renderer: samples[0]?.renderer,
      samples,
    };
  }
} finally {
  await stack.stop();
}
if (args.includes('--json')) {
  console.log(JSON.stringify(result));
} else {
  for (const [name, r] of Object.entries(result.engines)) {
    console.log(`${name}: first frame ${r.firstFrameMs.toFixed(0)} ms, ready ${r.readyMs.toFixed(0)} ms (medians of ${runs}; ${r.renderer})`);
  }
}
