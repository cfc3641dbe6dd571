// A token as `dotnet user-jwts create --scheme DevJwt` mints it (HS256, issuer dotnet-user-jwts, one `role` claim),
// signed with the key the test run gives the server (Authentication:Schemes:DevJwt:SigningKeys:0:Value).
import { createHmac, randomUUID } from 'node:crypto';

const base64url = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

export function devJwt({ key, audience, name, role, claims = {}, lifetimeSeconds = 3600 }) {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url({ alg: 'HS256', typ: 'JWT' });
  const payload = base64url({
    unique_name: name, sub: name, jti: randomUUID(), role,
    iss: 'dotnet-user-jwts', aud: audience, nbf: now, iat: now, exp: now + lifetimeSeconds, ...claims,
  });
  const signature = createHmac('sha256', Buffer.from(key, 'base64')).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}
