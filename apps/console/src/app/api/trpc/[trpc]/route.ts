import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { SESSION_COOKIE_NAME, appRouter, createApiContext } from '@trailmark/api';
import type { TCookieWriter } from '@trailmark/api';
import { apiDeps } from '../../../../server-deps';

export const dynamic = 'force-dynamic';

function readCookie(header: string | null, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

function cookieWriter(headers: Headers): TCookieWriter {
  return {
    set(name, value, { maxAgeSeconds, secure }) {
      headers.append('set-cookie', `${name}=${encodeURIComponent(value)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`);
    },
    clear(name) {
      headers.append('set-cookie', `${name}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`);
    },
  };
}

function handler(request: Request): Promise<Response> {
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req: request,
    router: appRouter,
    createContext: ({ resHeaders }) =>
      createApiContext(apiDeps(), {
        sessionToken: readCookie(request.headers.get('cookie'), SESSION_COOKIE_NAME),
        cookies: cookieWriter(resHeaders),
        isSecureRequest: new URL(request.url).protocol === 'https:',
      }),
  });
}

export { handler as GET, handler as POST };
