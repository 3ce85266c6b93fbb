// Test support (Node): finds the real browsers the end-to-end tests drive.
import { accessSync, constants } from 'node:fs';

export type BrowserName = 'chromium' | 'firefox';

interface BrowserSpec {
  envVar: string;
  defaultPath: string;
  aptPackage: string;
}

const SPECS: Record<BrowserName, BrowserSpec> = {
  chromium: { envVar: 'CHROMIUM_PATH', defaultPath: '/usr/bin/chromium', aptPackage: 'chromium' },
  firefox: {
    envVar: 'FIREFOX_PATH',
    defaultPath: '/usr/bin/firefox-esr',
    aptPackage: 'firefox-esr',
  },
};

export interface LocatedBrowser {
  name: BrowserName;
  /** Absolute path of the executable, or undefined when it is missing. */
  executablePath: string | undefined;
  /** Why the browser is unusable and how to fix it; undefined when it was found. */
  problem: string | undefined;
  /** True when the suite should be skipped: missing browser outside CI. In CI it must fail. */
  skip: boolean;
}

export function isCI(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function locateBrowser(
  name: BrowserName,
  env: NodeJS.ProcessEnv = process.env,
): LocatedBrowser {
  const spec = SPECS[name];
  const override = env[spec.envVar]?.trim();
  const path = override || spec.defaultPath;
  if (isExecutable(path)) return { name, executablePath: path, problem: undefined, skip: false };
  const problem = override
    ? `${spec.envVar}=${override} is not an executable file`
    : `${name} not found at ${spec.defaultPath}: apt-get install ${spec.aptPackage} (or set ${spec.envVar})`;
  const skip = !isCI(env);
  if (skip) console.warn(`[e2e] skipping ${name} tests: ${problem}`);
  return { name, executablePath: undefined, problem, skip };
}

/** Suite title that says why it was skipped, so the reporter shows what to install. */
export function suiteTitle(title: string, located: LocatedBrowser): string {
  return located.skip ? `${title} (skipped: ${located.problem})` : title;
}

/** The executable path, or an error naming what to install (this is how CI fails). */
export function requireExecutable(located: LocatedBrowser): string {
  if (located.executablePath) return located.executablePath;
  throw new Error(located.problem);
}
