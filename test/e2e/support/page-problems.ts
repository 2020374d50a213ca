import type { ConsoleMessage, Page, Request, Response } from 'playwright-core';

/** A failed request the test provokes on purpose, such as the 401 of a wrong password. */
export interface ExpectedFailure {
  status: number;
  /** The request's method, e.g. POST. */
  method: string;
  /** The path the request goes to, e.g. /api/v1/auth/login (query ignored). */
  path: string;
}

interface RequestProblem {
  status: number;
  method: string;
  url: string;
}

const describeFailure = (f: ExpectedFailure) => `${f.method} ${f.path} → ${f.status}`;

/**
 * Everything on a page a user might notice going wrong, or that would mean
 * the console is broken behind a working-looking screen: console errors,
 * uncaught exceptions, responses with status ≥ 400 and requests that never got
 * an answer. A test fails on any it did not declare with `expectFailure`, and
 * on any declared failure that never happened.
 */
export class PageProblems {
  private readonly expected: ExpectedFailure[] = [];
  private readonly seen = new Set<ExpectedFailure>();
  private readonly problems: string[] = [];
  /** Requests that failed as declared; Chromium echoes each one as a console error, which is then expected too. */
  private readonly expectedFailedUrls = new Set<string>();
  /** Console errors, judged at the end: Chromium's echo of a failed request may arrive before the response event. */
  private readonly consoleErrors: { text: string; url: string }[] = [];

  constructor(page: Page) {
    page.on('response', (response) => this.onResponse(response));
    page.on('requestfailed', (request) => this.onRequestFailed(request));
    page.on('pageerror', (error) => this.problems.push(`uncaught exception: ${error.stack ?? error.message}`));
    page.on('console', (message) => this.onConsole(message));
  }

  /** Declares that this request will fail with this status during the test (each declaration covers every such request). */
  expectFailure(failure: ExpectedFailure): void {
    this.expected.push(failure);
  }

  /** Problems the test did not declare, and declarations that never came true; empty when the page behaved. */
  unexpected(): string[] {
    const neverHappened = this.expected.filter((f) => !this.seen.has(f)).map((f) => `expected failure never happened: ${describeFailure(f)}`);
    const consoleErrors = this.consoleErrors
      // "Failed to load resource: … status of 401" repeats a response already judged.
      .filter(({ text, url }) => !(text.startsWith('Failed to load resource') && this.expectedFailedUrls.has(url)))
      .map(({ text, url }) => `console error: ${text}${url ? ` (at ${url})` : ''}`);
    return [...this.problems, ...consoleErrors, ...neverHappened];
  }

  private match(problem: RequestProblem): ExpectedFailure | undefined {
    const { pathname } = new URL(problem.url);
    return this.expected.find((f) => f.status === problem.status && f.method === problem.method && f.path === pathname);
  }

  private onResponse(response: Response) {
    if (response.status() < 400) return;
    const problem = { status: response.status(), method: response.request().method(), url: response.url() };
    const declared = this.match(problem);
    if (declared) {
      this.seen.add(declared);
      this.expectedFailedUrls.add(problem.url);
    } else {
      this.problems.push(`failed request: ${problem.method} ${problem.url} → ${problem.status}`);
    }
  }

  private onRequestFailed(request: Request) {
    // Cancelled, not failed: the page navigated on (a favicon still loading) or aborted a fetch it no longer needs.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    this.problems.push(`request got no answer: ${request.method()} ${request.url()} (${request.failure()?.errorText ?? 'unknown error'})`);
  }

  private onConsole(message: ConsoleMessage) {
    if (message.type() === 'error') this.consoleErrors.push({ text: message.text(), url: message.location().url });
  }
}

const watched = new WeakMap<Page, PageProblems>();

/** Starts watching a new page; every browser test's page is watched from its first request. */
export function watchPage(page: Page): PageProblems {
  const problems = new PageProblems(page);
  watched.set(page, problems);
  return problems;
}

/** Declares, on a watched page, a request the test makes fail on purpose. */
export function expectFailure(page: Page, failure: ExpectedFailure): void {
  const problems = watched.get(page);
  if (!problems) throw new Error('expectFailure: this page is not watched (use the page fixture from test/e2e/support/fixtures.ts)');
  problems.expectFailure(failure);
}
