import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchChromium, type OpenPage, openPage } from './browser';
import { DemoPage } from './demo-page';
import { type RunningDemo, startBuiltDemo } from './demo-server';

export interface DemoFixture {
  demo: RunningDemo;
  browser: Browser;
  /** A fresh browser profile on the demo; closed after the test, which fails on any uncaught page error. */
  open(path?: string, options?: Parameters<typeof openPage>[2]): Promise<DemoPage & { session: OpenPage }>;
}

/** One built demo server (on its own emulator) and one Chromium per test file; one profile per test. */
export function withBuiltDemo(options: Parameters<typeof startBuiltDemo>[0] = {}): DemoFixture {
  const sessions: OpenPage[] = [];
  const fixture = {} as DemoFixture;
  beforeAll(async () => {
    [fixture.demo, fixture.browser] = await Promise.all([startBuiltDemo(options), launchChromium()]);
  });
  afterEach(async () => {
    const open = sessions.splice(0);
    await Promise.all(open.map((session) => session.context.close()));
    for (const session of open) expect(session.pageErrors).toEqual([]);
  });
  afterAll(async () => {
    await fixture.browser?.close();
    await fixture.demo?.close();
  });
  fixture.open = async (path = '/', openOptions) => {
    const session = await openPage(fixture.browser, fixture.demo.url + path, openOptions);
    sessions.push(session);
    return Object.assign(new DemoPage(session.page), { session });
  };
  return fixture;
}
