// `npm start` without a display: it prints where the console page is and how to load the
// extension by hand in Chrome and Firefox, and keeps the mock running.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
let child: ChildProcess | undefined;

afterEach(() => {
  child?.kill('SIGINT');
  child = undefined;
});

function startScript(env: NodeJS.ProcessEnv): Promise<string> {
  const started = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = started;
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no instructions printed:\n${output}`)), 8000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ctrl-C')) {
        clearTimeout(timer);
        resolve(output);
      }
    };
    started.stdout?.on('data', read);
    started.stderr?.on('data', read);
    started.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${output}`));
    });
  });
}

describe('npm start without a display', () => {
  it('prints the console URL and how to load the extension in both browsers', async () => {
    const { DISPLAY: _d, WAYLAND_DISPLAY: _w, ...env } = process.env;
    const output = await startScript({ ...env, PORT: '0' });
    const url = output.match(/http:\/\/127\.0\.0\.1:\d+\//)?.[0];
    expect(url).toBeDefined();
    expect((await fetch(url as string)).status).toBe(200);
    expect(output).toContain('chrome://extensions');
    expect(output).toContain('Load unpacked');
    expect(output).toMatch(/dist\/chrome/);
    expect(output).toContain('about:debugging#/runtime/this-firefox');
    expect(output).toContain('Load Temporary Add-on');
    expect(output).toMatch(/dist\/firefox\/manifest\.json/);
  });
});
