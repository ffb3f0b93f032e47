import { ConfigError, loadConfig, nodeSettings, NodeConfig } from '.';

const load = (env: NodeJS.ProcessEnv) => loadConfig<typeof nodeSettings, NodeConfig>(nodeSettings, env);

describe('node configuration', () => {
  it('gives every default on an empty environment', () => {
    const config = load({});
    expect(config.agencyId).toBe('VN.BGC.LAICHAU');
    expect(config.kafkaBrokers).toEqual(['127.0.0.1:9092']);
    expect(config.httpPort).toBe(3000);
    expect(config.esdbUrl).toBeUndefined();
    expect(config.roles).toEqual(['api', 'gateway', 'projector', 'sealer']);
    expect(config.dataDir).toBe('.local/node-vn.bgc.laichau');
  });

  it.each([
    ['KAFKA_BROKERS', 'not a list', 'host:port'],
    ['KAFKA_BROKERS', '127.0.0.1:99999', 'host:port'],
    ['XB_AGENCY_ID', 'vn.bgc', 'agency id'],
    ['XB_AGENCY_ID', 'VIETNAM', 'agency id'],
    ['XB_HTTP_PORT', '80a', 'TCP port'],
    ['XB_ROLES', 'api,cook', 'subset of'],
    ['ESDB_URL', 'http://x', 'esdb:'],
    ['DATABASE_URL', 'mysql://x', 'postgres:'],
    ['KAFKA_SSL', 'maybe', 'true or false'],
    ['XB_MAX_EVENT_BYTES', '-1', 'positive integer'],
    ['XB_STORE_WRITER', 'threads', 'one of inline, thread'],
    ['KAFKA_SSL_CA_FILE', '/nonexistent/ca.pem', 'readable file'],
    ['KAFKA_SSL_CERT_FILE', '/', 'readable file'],
    ['XB_LEASE_TTL_MS', '0', 'positive integer'],
  ])('refuses %s=%j naming the setting and what it expects', (name, value, expected) => {
    let error: unknown;
    try {
      load({ [name]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toEqual([expect.objectContaining({ setting: name, value })]);
    expect(problems[0].expected).toContain(expected);
    expect((error as Error).message).toContain(name);
  });

  it('reports every bad setting at once', () => {
    expect(() => load({ KAFKA_BROKERS: 'x', XB_HTTP_PORT: '0' })).toThrow(
      expect.objectContaining({
        problems: [
          expect.objectContaining({ setting: 'XB_HTTP_PORT' }),
          expect.objectContaining({ setting: 'KAFKA_BROKERS' }),
        ],
      }),
    );
  });

  it('keeps optional settings unset rather than inventing them', () => {
    const config = load({
      ESDB_URL: 'esdb://127.0.0.1:2113?tls=false',
      DATABASE_URL: 'postgres://127.0.0.1/test',
    });
    expect(config.esdbUrl).toBe('esdb://127.0.0.1:2113?tls=false');
    expect(config.kafkaSaslMechanism).toBeUndefined();
  });
});
