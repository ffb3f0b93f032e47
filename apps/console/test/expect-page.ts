import { waitFor } from '@xb/testing';
import type { Locator } from 'playwright-core';

/**
 * The few web-first assertions the browser tests use (playwright-core has no test runner): each waits
 * for the page to show the fact, up to a timeout, then fails naming what it saw.
 */
type Text = string | RegExp;
const matches = (actual: string, expected: Text, whole: boolean) =>
  typeof expected === 'string'
    ? whole
      ? actual.trim() === expected
      : actual.includes(expected)
    : expected.test(actual);

export function expect(locator: Locator) {
  const until = async (what: string, fact: () => Promise<boolean>, timeout = 15_000) => {
    try {
      await waitFor(what, async () => (await fact()) || undefined, { timeoutMs: timeout, intervalMs: 100 });
    } catch {
      const seen = await locator.allInnerTexts().catch(() => ['(none)']);
      throw new Error(`${locator}: expected ${what}; the page shows ${JSON.stringify(seen)}`);
    }
  };
  const text = async () => (await locator.allInnerTexts()).join(' ');
  return {
    toHaveText: (expected: Text, { timeout }: { timeout?: number } = {}) =>
      until(`text ${String(expected)}`, async () => matches(await text(), expected, true), timeout),
    toContainText: (expected: Text, { timeout }: { timeout?: number } = {}) =>
      until(
        `text containing ${String(expected)}`,
        async () => matches(await text(), expected, false),
        timeout,
      ),
    toHaveCount: (count: number, { timeout }: { timeout?: number } = {}) =>
      until(`${count} elements`, async () => (await locator.count()) === count, timeout),
    toHaveAttribute: (name: string, value: string) =>
      until(`${name}="${value}"`, async () => (await locator.getAttribute(name)) === value),
    not: {
      toContainText: (expected: Text) =>
        until(
          `no text ${String(expected)}`,
          async () => (await locator.count()) > 0 && !matches(await text(), expected, false),
        ),
    },
  };
}
