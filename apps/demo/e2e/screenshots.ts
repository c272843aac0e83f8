// Screenshots of the real demo for the README, light and dark: `pnpm --filter @gemkit/demo screenshots`.
// Builds the demo, serves it with its production server on the emulator, and drives Chromium through a short
// session a first-time visitor might have.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import buildDemo from './global-setup';
import { launchChromium, openPage } from './support/browser';
import { DemoPage } from './support/demo-page';
import { startBuiltDemo } from './support/demo-server';
import { demoRoot } from './support/paths';

const outDir = join(demoRoot, 'screenshots');

buildDemo();
const demo = await startBuiltDemo();
const browser = await launchChromium();
await mkdir(outDir, { recursive: true });
try {
  for (const scheme of ['light', 'dark'] as const) {
    const { page, context } = await openPage(browser, demo.url, {
      colorScheme: scheme,
      viewport: { width: 1440, height: 900 },
    });
    const chat = new DemoPage(page);
    // Earlier chats, so the sidebar looks lived in.
    for (const question of ['Plan a two-day walk in the Alps.', 'Write a haiku about TypeScript.']) {
      await chat.send(question);
      await chat.waitForLastAnswer();
      await chat.button('New chat').click();
    }
    await chat.send('Compare the Nile, the Amazon and the Yangtze in a table.');
    const answer = await chat.waitForLastAnswer();
    await answer.getByRole('button', { name: 'Thoughts' }).click();
    await chat.openInspectorTab('Events');
    await chat.page.mouse.move(0, 0);
    await page.locator('.gk-message-scroll').evaluate((element) => element.scrollTo({ top: 0 }));
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(outDir, `demo-${scheme}.png`) });

    // The widget, embedded in a sample shop page, mid-conversation.
    await page.goto(`${demo.url}/widget`);
    await page.getByRole('button', { name: 'Ask about this tent' }).click();
    await chat.send('Will it survive a windy ridge?');
    await chat.waitForLastAnswer();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(outDir, `widget-${scheme}.png`) });
    await context.close();
  }
  console.log(`Screenshots written to ${outDir}`);
} finally {
  await browser.close();
  await demo.close();
}
