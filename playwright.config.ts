import { defineConfig } from '@playwright/test';
import { chromiumArgs, executablePath } from './e2e/chromium.mjs';


const port = 4173;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: { executablePath, args: chromiumArgs },
    trace: 'off',
  },
  // Tests tagged @solo time a heavy job against a bound: they run last, on their own.
  projects: [
    { name: 'e2e', grepInvert: /@solo/ },
    { name: 'solo', grep: /@solo/, dependencies: ['e2e'] },
  ],
  webServer: {
    command: `node e2e/serve.mjs dist ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
