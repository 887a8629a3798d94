import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the newsmark app: find things by role and label, as a user would. */
export class Newsmark {
  readonly articleList: Locator;
  readonly reading: Locator;

  constructor(readonly page: Page) {
    this.articleList = page.getByRole('navigation', { name: 'Articles' });
    this.reading = page.getByRole('main', { name: 'Article' });
  }

  async open() {
    await this.page.goto('/');
    await expect(this.articleList.getByRole('button').first()).toBeVisible();
  }

  entries(): Locator {
    return this.articleList.getByRole('button');
  }

  async select(headline: string | RegExp) {
    await this.articleList.getByRole('button', { name: headline }).click();
  }

  headline(): Locator {
    return this.reading.getByRole('heading', { level: 1 });
  }
}

/** The claims of the reading pane, by their stable hooks. */
export function claims(page: Page): Locator {
  return page.locator('main [data-claim-id]');
}

export function marks(page: Page, kind: 'entity' | 'quote' | 'number'): Locator {
  return page.locator(`main [data-mark="${kind}"]`);
}
