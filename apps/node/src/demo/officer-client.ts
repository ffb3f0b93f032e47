/** An officer at one node's API: what the demo uses, exactly as a browser or a client would. */
export class OfficerClient {
  constructor(
    readonly agencyId: string,
    private readonly url: string,
    private readonly token: string,
  ) {}

  async post(path: string, body: unknown): Promise<Record<string, unknown>> {
    return this.request('POST', path, body);
  }

  async get(path: string): Promise<Record<string, unknown>> {
    return this.request('GET', path);
  }

  /** The case's status on this node, or undefined while the node does not know the case. */
  async status(resource: string, caseId: string): Promise<string | undefined> {
    const response = await fetch(`${this.url}/api/${resource}/${caseId}`, {
      headers: { authorization: `Bearer ${this.token}` },
    });
    if (response.status === 404) return undefined;
    const body = (await response.json()) as { state?: { status?: string } };
    return body.state?.status;
  }

  private async request(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const answer = (await response.json()) as Record<string, unknown>;
    if (!response.ok)
      throw new Error(`${method} ${path} on ${this.agencyId}: ${response.status} ${JSON.stringify(answer)}`);
    return answer;
  }
}
