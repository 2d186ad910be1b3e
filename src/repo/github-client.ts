/** A minimal GitHub REST client: GET only, bounded retries, and a token that never reaches a message. */

export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; message: string };

export interface GitHubClientOptions {
  /** https://api.github.com, or a GitHub Enterprise Server's https://HOST/api/v3. */
  baseUrl: string;
  token: string;
  /** Attempts per request when GitHub answers 5xx or a rate limit (default 3). */
  maxAttempts?: number;
  /** Longest wait between attempts, whatever the rate-limit headers ask (default 60 s). */
  maxRetryDelayMs?: number;
  timeoutMs?: number;
}

export class GitHubClient {
  readonly requests: string[] = [];
  private readonly baseUrl: string;

  constructor(private readonly options: GitHubClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  async get<T>(path: string): Promise<ApiResult<T>> {
    return (await this.page<T>(path)).result;
  }

  /**
   * Every item of a list endpoint, following `Link: <…>; rel="next"` for at most `maxPages` pages
   * (`per_page=100` is added). `complete` is false when pages were left unread. A next link to
   * another origin is not followed: the token goes only to the configured API.
   */
  async getAll<T>(path: string, maxPages = 10): Promise<ApiResult<T[]> & { complete?: boolean }> {
    const items: T[] = [];
    let next: string | undefined = `${path}${path.includes('?') ? '&' : '?'}per_page=100`;
    let status = 200;
    for (let pages = 0; next !== undefined; pages++) {
      if (pages === maxPages) return { ok: true, status, data: items, complete: false };
      const answer: { result: ApiResult<T[]>; next?: string } = await this.page<T[]>(next);
      const { result, next: following } = answer;
      if (!result.ok) return result;
      if (!Array.isArray(result.data)) return { ok: false, status: result.status, message: 'the answer is not a list' };
      status = result.status;
      items.push(...result.data);
      next = following;
    }
    return { ok: true, status, data: items, complete: true };
  }

  private async page<T>(path: string): Promise<{ result: ApiResult<T>; next?: string }> {
    const attempts = Math.max(1, this.options.maxAttempts ?? 3);
    let last: ApiResult<T> = { ok: false, status: 0, message: 'no request made' };
    for (let attempt = 1; attempt <= attempts; attempt++) {
      this.requests.push(path);
      let response: Response;
      try {
        response = await fetch(`${this.baseUrl}${path}`, {
          headers: {
            Accept: 'application/vnd.github+json',
            Authorization: `Bearer ${this.options.token}`,
            'X-GitHub-Api-Version': '2022-11-28',
            'User-Agent': 'tenet',
          },
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
        });
      } catch (error) {
        last = { ok: false, status: 0, message: this.scrub(`request failed: ${error instanceof Error ? error.message : String(error)}`) };
        if (attempt < attempts) await sleep(this.backoff(attempt));
        continue;
      }
      const body = await response.text();
      if (response.ok) {
        let data: T;
        try {
          data = JSON.parse(body) as T;
        } catch {
          return { result: { ok: false, status: response.status, message: 'the answer is not JSON' } };
        }
        return { result: { ok: true, status: response.status, data }, next: this.nextPath(response.headers.get('link')) };
      }
      last = { ok: false, status: response.status, message: this.scrub(messageOf(body) ?? response.statusText) };
      const retryAfter = retryDelay(response);
      const retryable = response.status >= 500 || response.status === 429 || retryAfter !== undefined;
      if (!retryable || attempt === attempts) break;
      await sleep(Math.min(retryAfter ?? this.backoff(attempt), this.options.maxRetryDelayMs ?? 60_000));
    }
    return { result: last };
  }

  /** The path of the rel="next" page, when it lies under the configured API base. */
  private nextPath(link: string | null): string | undefined {
    if (!link) return undefined;
    for (const part of link.split(',').slice(0, 10)) {
      const match = /^\s*<([^>]{1,2000})>\s*;\s*rel="next"\s*$/.exec(part);
      if (match?.[1]?.startsWith(`${this.baseUrl}/`)) return match[1].slice(this.baseUrl.length);
    }
    return undefined;
  }

  private backoff(attempt: number): number {
    return Math.min(500 * 2 ** (attempt - 1), this.options.maxRetryDelayMs ?? 60_000);
  }

  private scrub(text: string): string {
    return this.options.token ? text.split(this.options.token).join('***') : text;
  }
}

/** GitHub signals a rate limit with 403/429 and either Retry-After or an exhausted X-RateLimit-Remaining. */
function retryDelay(response: Response): number | undefined {
  if (response.status !== 403 && response.status !== 429) return undefined;
  const retryAfter = response.headers.get('retry-after');
  if (retryAfter && /^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
  if (response.headers.get('x-ratelimit-remaining') === '0') {
    const reset = Number(response.headers.get('x-ratelimit-reset'));
    return Number.isFinite(reset) ? Math.max(0, reset * 1000 - Date.now()) : 1000;
  }
  return response.status === 429 ? 1000 : undefined;
}

function messageOf(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { message?: unknown };
    return typeof parsed.message === 'string' ? parsed.message : undefined;
  } catch {
    return body.slice(0, 200) || undefined;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** `owner/name` from a GitHub remote URL (https, ssh or scp-like), for github.com or the given host. */
export function repositoryFromRemote(url: string, host = 'github.com'): string | undefined {
  const escaped = host.replace(/[.]/g, '\\.');
  const match = new RegExp(`^(?:https?://(?:[^@/]*@)?|ssh://(?:[^@/]*@)?|[^@/\\s]+@)${escaped}(?::\\d+)?[/:]([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+?)(?:\\.git)?/?$`).exec(url);
  return match ? `${match[1]}/${match[2]}` : undefined;
}
