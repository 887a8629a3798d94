// Launch settings for Debian's Chromium, shared by the Playwright config and scripts.
// Never a downloaded browser; the flags keep Chromium off the closed network.
export const executablePath = '/usr/bin/chromium';
export const chromiumArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
