import { COMMAND_ROUTES, RESOURCES } from './command-routes';

const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});
const caseId = { name: 'caseId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const query = (name: string, description: string) => ({
  name,
  in: 'query',
  required: false,
  schema: { type: 'string' },
  description,
});
const secured = {
  security: [{ bearer: [] }],
  responses: { 401: error('No valid bearer token'), 403: error('Wrong role or agency') },
};

/**
 * The node's OpenAPI 3 document, built from the same route table the controller serves, so the two
 * cannot drift. Served at /openapi.json and browsable at /docs.
 */
export function openApiDocument(agencyId: string, now: Date) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of COMMAND_ROUTES) {
    const path = route.action ? `/api/${route.resource}/{caseId}/${route.action}` : `/api/${route.resource}`;
    paths[path] = {
      post: {
        tags: [route.category],
        operationId: route.command,
        summary: route.summary,
        description:
          `Command \`${route.command}\`. Roles: ${route.roles.join(', ')}. The domain validates the body; a refusal names the field. ` +
          'A message the command sends may be given `handling` {dissemination, evidentialUse, conditions?} and `evaluation` {source?, information?}; ' +
          "unset, the message kind's defaults apply (docs/protocol.md section 5b).",
        ...(route.action ? { parameters: [caseId] } : {}),
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { type: 'object' }, example: route.example(now) } },
        },
        ...secured,
        responses: {
          [route.action ? 200 : 201]: {
            description: 'Accepted: the case id, its new status and the events recorded',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/CommandResult' } } },
          },
          400: error('Invalid input: names the field and rule (or MALFORMED_JSON)'),
          404: error('Unknown case'),
          409: error(
            'Refused transition, a forward the handling code restricts (HANDLING_RESTRICTED), or a hand-over before its minutes are co-signed (MINUTES_NOT_COSIGNED, field minutes), with the reason',
          ),
          413: error('Body over 512 kB (BODY_TOO_LARGE)'),
          ...secured.responses,
        },
      },
    };
  }
  // Case resources only: `messages` takes a command but is read through the case it belongs to.
  const resources = [...RESOURCES.keys()];
  for (const resource of resources) {
    paths[`/api/${resource}/{caseId}`] = {
      ...(paths[`/api/${resource}/{caseId}`] ?? {}),
      get: {
        tags: ['cases'],
        summary: `A ${resource} case's current state (particulars withheld unless ?particulars=true&reason=..., which is audited)`,
        parameters: [
          caseId,
          query('particulars', 'true to show personal particulars (recorded in the audit trail)'),
        ],
        ...secured,
        responses: { 200: { description: 'State' }, 404: error('Unknown case'), ...secured.responses },
      },
    };
    paths[`/api/${resource}/{caseId}/timeline`] = {
      get: {
        tags: ['cases'],
        summary: 'Every step, message in and out, and receipt of the case',
        parameters: [caseId],
        ...secured,
        responses: { 200: { description: 'Timeline' }, 404: error('Unknown case'), ...secured.responses },
      },
    };
  }
  paths['/api/repatriations'] = {
    ...paths['/api/repatriations'],
    get: {
      tags: ['boards'],
      summary: 'Repatriation board',
      parameters: [
        'status',
        'borderGate',
        'province',
        'counterpart',
        'from',
        'to',
        'overdue',
        'page',
        'pageSize',
      ].map((n) => query(n, n)),
      ...secured,
      responses: { 200: { description: 'A page of cases' }, ...secured.responses },
    },
  };
  paths['/api/verifications'] = {
    ...paths['/api/verifications'],
    get: {
      tags: ['boards'],
      summary: 'Verification queue with deadline status',
      parameters: [
        query('direction', 'incoming or outgoing'),
        query('status', 'status'),
        query('page', '1-based page'),
        query('pageSize', 'rows per page, default 50, at most 500'),
      ],
      ...secured,
      responses: { 200: { description: 'A page of the queue' }, ...secured.responses },
    },
  };
  paths['/api/notices'] = {
    ...paths['/api/notices'],
    get: {
      tags: ['boards'],
      summary:
        'Tips and notices that came to us, with their processing state, and how many are unprocessed past their deadline',
      parameters: [
        query('source', 'tip (our hotline) or notice (from counterparts)'),
        query('state', 'received, classified or processed'),
        query('overdue', 'true: only those unprocessed past their deadline'),
        query('page', 'page'),
        query('pageSize', 'pageSize'),
      ],
      ...secured,
      responses: { 200: { description: 'A page of tips and notices' }, ...secured.responses },
    },
  };
  paths['/api/joint-operations'] = {
    ...paths['/api/joint-operations'],
    get: {
      tags: ['boards'],
      summary: 'Joint crackdown periods with linked cases',
      parameters: [
        query('page', '1-based page'),
        query('pageSize', 'rows per page, default 50, at most 500'),
      ],
      ...secured,
      responses: { 200: { description: 'A page of periods' }, ...secured.responses },
    },
  };
  paths['/api/reports/counts'] = {
    get: {
      tags: ['boards'],
      summary: 'The periodic report for the 138/CP standing office, from the read models (docs/reports.md)',
      parameters: [
        query('period', 'YYYY-Qn, YYYY-Hn, YYYY or YYYY-MM-DD..YYYY-MM-DD (local days, inclusive)'),
        query('cutoff', 'calendar or statutory (default XB_REPORT_CUTOFF)'),
        query('lang', 'vi (default) or en'),
        query('format', 'json (default: figure rows by direction and indicators), md, csv or pdf'),
        query('number', 'document number printed in the heading, e.g. 15/BC-BCH'),
      ],
      ...secured,
      responses: { 200: { description: 'Report' }, ...secured.responses },
    },
  };
  paths['/api/audit/verify'] = {
    get: {
      tags: ['audit'],
      summary: 'Recompute the audit hash chain and check every seal (auditor role)',
      ...secured,
      responses: { 200: { description: 'Verification report' }, ...secured.responses },
    },
  };
  paths['/health'] = {
    get: { tags: ['operations'], summary: 'Readiness', responses: { 200: { description: 'Ready' } } },
  };
  paths['/metrics'] = {
    get: {
      tags: ['operations'],
      summary: 'Prometheus metrics',
      responses: { 200: { description: 'Text format' } },
    },
  };
  return {
    openapi: '3.0.3',
    info: {
      title: `xborder node ${agencyId}`,
      version: '1',
      description:
        'Cross-border cooperation exchange: officers\u2019 commands, case views, boards. Tokens: `npm run token`.',
    },
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        Error: {
          type: 'object',
          description:
            'Every error of the API (docs/operations.md, "Errors of the API"); nothing of the request is echoed',
          required: ['code', 'reason'],
          properties: {
            code: {
              type: 'string',
              description: 'e.g. VALIDATION_FAILED, MALFORMED_JSON, BODY_TOO_LARGE, NO_SUCH_ROUTE',
            },
            reason: { type: 'string' },
            field: { type: 'string', description: 'the refused field, e.g. terms.name' },
            rule: { type: 'string', description: 'the rule it broke, e.g. BIDI_CONTROL, TOO_LONG' },
          },
        },
        CommandResult: {
          type: 'object',
          properties: {
            caseId: { type: 'string' },
            category: { type: 'string' },
            status: { type: 'string' },
            events: { type: 'array', items: { type: 'string' } },
            requestId: { type: 'string' },
          },
        },
      },
    },
  };
}
