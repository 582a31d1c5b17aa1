// The Debian Chromium and its flags, shared by the Playwright suites
// (lib/browser.mjs) and the Lighthouse runner (tests/support/lighthouse.mjs).
// No test-runner import here: plain scripts can use it.

/** The Debian Chromium; Playwright must never download its own browser here. */
export const CHROMIUM_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
