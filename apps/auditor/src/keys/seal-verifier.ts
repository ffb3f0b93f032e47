// The auditor checks seals with the audit library's verifier (armoured or base64 signatures, trust by
// fingerprint): one implementation for the node's sealer and the auditor.
export { openPgpSealVerifier as agencySealVerifier } from '@xb/audit';
