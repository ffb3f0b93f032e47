// An agency identity provider for the sign-in test: the oidc-provider package (a certified OpenID
// Provider) on loopback, with its development login page (any login name, no password) and one client,
// the console. Officers' roles come from the table below. Prints `ready` once it listens.
//   OIDC_PORT=… OIDC_REDIRECT_URI=http://127.0.0.1:…/api/session/oidc/callback node oidc-provider.mjs
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT);
const officers = {
  'lo-77': { name: 'Lò Văn Bảy', roles: ['liaison_officer'] },
  'nobody-here': { name: 'No role', roles: [] },
};

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [
    {
      client_id: 'xborder-console',
      client_secret: process.env.OIDC_CLIENT_SECRET,
      redirect_uris: [process.env.OIDC_REDIRECT_URI],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  pkce: { required: () => true },
  claims: { openid: ['sub'], profile: ['name', 'roles'] },
  // The roles go in the ID token itself: the node reads the officer from it.
  conformIdTokenClaims: false,
  findAccount: (_ctx, id) => ({
    accountId: id,
    claims: () => ({ sub: id, name: officers[id]?.name ?? id, roles: officers[id]?.roles ?? [] }),
  }),
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['oidc-test-cookie-key'] },
});
provider.listen(port, '127.0.0.1', () => process.stdout.write('ready\n'));
