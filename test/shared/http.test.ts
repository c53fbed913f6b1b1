import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendHttp } from '#shared/http';

let server: Server;
let base = '';
const received: { method?: string; type?: string; length?: string; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ method: req.method, type: req.headers['content-type'], length: req.headers['content-length'], body });
      if (req.url === '/stall') return; // never answers
      if (req.url === '/limited') {
        res.writeHead(429, { 'retry-after': '7' }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, echo: body }));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

describe('sendHttp', () => {
  it('posts a form with its length and reads the JSON answer', async () => {
    const response = await sendHttp(`${base}/api/users.info`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ user: 'U0ÉTÉ' }),
      signal: AbortSignal.timeout(2000),
    });
    expect(response.status).toBe(200);
    expect(response.ok).toBe(true);
    expect(await response.json()).toEqual({ ok: true, echo: 'user=U0%C3%89T%C3%89' });
    expect(received.at(-1)).toMatchObject({ method: 'POST', type: 'application/x-www-form-urlencoded', length: '20' });
  });

  it('sends bytes as they are and gives the status and headers of a refusal', async () => {
    const response = await sendHttp(`${base}/limited`, { method: 'POST', headers: {}, body: new Uint8Array([0xef, 0xbb, 0xbf, 0x41]), signal: AbortSignal.timeout(2000) });
    await response.body?.cancel();
    expect(response.status).toBe(429);
    expect(response.ok).toBe(false);
    expect(response.headers.get('Retry-After')).toBe('7');
    expect(response.headers.get('x-missing')).toBeNull();
    expect(received.at(-1)?.length).toBe('4');
  });

  it('rejects with the signal’s TimeoutError when the server never answers', async () => {
    const pending = sendHttp(`${base}/stall`, { method: 'POST', headers: {}, body: 'x', signal: AbortSignal.timeout(50) });
    await expect(pending).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('rejects when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((done) => closed.close(done));
    await expect(sendHttp(`http://127.0.0.1:${port}/`, { method: 'POST', headers: {}, body: '', signal: AbortSignal.timeout(2000) })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
