import { describe, expect, it } from 'vitest';
import { BrowserNotFoundError, findBrowser } from './browser.ts';

describe('findBrowser', () => {
  it.each([
    [{ PUPPETEER_EXECUTABLE_PATH: '/opt/chrome' }, ['/opt/chrome', '/usr/bin/chromium'], '/opt/chrome', 'the environment variable wins'],
    [{}, ['/usr/bin/chromium'], '/usr/bin/chromium', "Debian's chromium"],
    [{}, ['/usr/bin/google-chrome'], '/usr/bin/google-chrome', 'then other usual paths'],
  ] as [NodeJS.ProcessEnv, string[], string, string][])('%j with %j present → %s (%s)', (env, present, expected) => {
    expect(findBrowser(env, (p) => present.includes(p))).toBe(expected);
  });

  it('names the fix when nothing is found, and does not fall back past a wrong PUPPETEER_EXECUTABLE_PATH', () => {
    expect(() => findBrowser({}, () => false)).toThrow(/install Debian's chromium: apt-get install -y chromium, or set PUPPETEER_EXECUTABLE_PATH/);
    expect(() => findBrowser({ PUPPETEER_EXECUTABLE_PATH: '/nope' }, (p) => p === '/usr/bin/chromium')).toThrow(BrowserNotFoundError);
  });
});
