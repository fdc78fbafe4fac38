import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

/**
 * A stand-in for the part of Stripe's API Bursa uses, for `npm start` and the
 * tests (there is no Stripe test server on the registries). The real `stripe`
 * client talks to it (host/port/protocol); it keeps Checkout Sessions in
 * memory (create with idempotency keys, retrieve, expire), refunds, and
 * serves a hosted payment page where a tester pays or cancels. Paying sends
 * `checkout.session.completed` to Bursa's webhook, signed with the real
 * library's test signing, as Stripe would. Never used in a deployment.
 */
export type StripeLocal = {
  url: string;
  secretKey: string;
  webhookSecret: string;
  sessions: Map<string, Session>;
  refunds: { payment_intent: string; amount: number }[];
  /** Signs and posts an event to the webhook (tests: replays, reordering, tampering). */
  deliver: (
    event: Record<string, unknown>,
    options?: { secret?: string; timestamp?: number; tamper?: (signed: string) => string },
  ) => Promise<Response>;
  /** Pays a session as the hosted page does (tests without a browser). */
  pay: (id: string, options?: { async?: boolean }) => Promise<void>;
  eventOf: (type: string, session: Session) => Record<string, unknown>;
  stop: () => Promise<void>;
};

type Session = {
  id: string;
  object: 'checkout.session';
  url: string;
  status: 'open' | 'complete' | 'expired';
  payment_status: 'unpaid' | 'paid';
  client_reference_id: string | null;
  metadata: Record<string, string>;
  currency: string;
  amount_total: number;
  line_items: { name: string; quantity: number; unit_amount: number }[];
  payment_intent: string | null;
  success_url: string;
  cancel_url: string;
  expires_at: number;
  created: number;
};

/** `line_items[0][price_data][unit_amount]=5000000` → nested objects and arrays. */
function parseForm(body: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.replace(/\]/g, '').split('[');
    let at = out as Record<string, unknown>;
    path.forEach((p, i) => {
      if (i === path.length - 1) at[p] = value;
      else {
        at[p] ??= {};
        at = at[p] as Record<string, unknown>;
      }
    });
  }
  return out;
}

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;
const html = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const rupiah = (minor: number) => `Rp${Math.round(minor / 100).toLocaleString('id-ID')}`;

export async function startStripeLocal(o: { webhookUrl: () => string; port?: number }): Promise<StripeLocal> {
  const secretKey = `sk_test_local_${randomBytes(8).toString('hex')}`;
  const webhookSecret = `whsec_local_${randomBytes(16).toString('hex')}`;
  const sessions = new Map<string, Session>();
  const byKey = new Map<string, string>();
  const refunds: StripeLocal['refunds'] = [];
  const signer = new Stripe(secretKey, { telemetry: false });
  let base = '';

  const eventOf = (type: string, session: Session) => ({
    id: id('evt'),
    object: 'event',
    type,
    created: Math.floor(Date.now() / 1000),
    data: { object: session },
  });
  const deliver: StripeLocal['deliver'] = async (event, options = {}) => {
    const payload = JSON.stringify(event);
    const header = signer.webhooks.generateTestHeaderString({
      payload,
      secret: options.secret ?? webhookSecret,
      ...(options.timestamp ? { timestamp: options.timestamp } : {}),
    });
    return fetch(o.webhookUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': header },
      // A tampered delivery sends other bytes than the ones signed.
      body: options.tamper ? options.tamper(payload) : payload,
    });
  };
  const pay: StripeLocal['pay'] = async (sid, options = {}) => {
    const s = sessions.get(sid);
    if (s?.status !== 'open') throw new Error(`session ${sid} is not open`);
    s.status = 'complete';
    s.payment_intent = id('pi');
    s.payment_status = options.async ? 'unpaid' : 'paid';
    await deliver(eventOf('checkout.session.completed', s));
    if (options.async) {
      s.payment_status = 'paid';
      await deliver(eventOf('checkout.session.async_payment_succeeded', s));
    }
  };

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const error = (res: ServerResponse, status: number, message: string) =>
    json(res, status, { error: { type: 'invalid_request_error', message } });
  const read = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => resolve(body));
    });

  const createSession = (form: Record<string, unknown>): Session => {
    const items = Object.values((form.line_items ?? {}) as Record<string, Record<string, Record<string, unknown>>>).map(
      (l) => ({
        name: String((l.price_data?.product_data as Record<string, unknown> | undefined)?.name ?? ''),
        quantity: Number(l.quantity ?? 1),
        unit_amount: Number(l.price_data?.unit_amount ?? 0),
      }),
    );
    const sid = id('cs_test');
    const session: Session = {
      id: sid,
      object: 'checkout.session',
      url: `${base}/c/pay/${sid}`,
      status: 'open',
      payment_status: 'unpaid',
      client_reference_id: (form.client_reference_id as string | undefined) ?? null,
      metadata: (form.metadata as Record<string, string> | undefined) ?? {},
      currency: String(
        items.length
          ? ((form.line_items as Record<string, Record<string, Record<string, unknown>>>)['0']?.price_data?.currency ??
              'idr')
          : 'idr',
      ),
      amount_total: items.reduce((s, l) => s + l.quantity * l.unit_amount, 0),
      line_items: items,
      payment_intent: null,
      success_url: String(form.success_url ?? ''),
      cancel_url: String(form.cancel_url ?? ''),
      expires_at: Number(form.expires_at ?? Math.floor(Date.now() / 1000) + 86_400),
      created: Math.floor(Date.now() / 1000),
    };
    sessions.set(sid, session);
    return session;
  };

  const page = (
    s: Session,
  ) => `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Stripe (lokal): bayar ${html(s.client_reference_id ?? '')}</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}button{font-size:1rem;padding:.75rem 1rem;min-height:44px;width:100%;margin-top:.5rem;border-radius:8px;border:1px solid #333}.pay{background:#0a4d8c;color:#fff;border-color:#0a4d8c}table{width:100%;border-collapse:collapse}td{padding:.25rem 0}td:last-child{text-align:right}</style></head>
<body><p><strong>Stripe stand-in</strong> (pengembangan lokal; tidak ada uang sungguhan)</p><h1>Bayar pesanan ${html(s.client_reference_id ?? '')}</h1>
<table>${s.line_items.map((l) => `<tr><td>${l.quantity}× ${html(l.name)}</td><td>${rupiah(l.unit_amount * l.quantity)}</td></tr>`).join('')}<tr><td><strong>Total</strong></td><td><strong data-testid="stripe-total">${rupiah(s.amount_total)}</strong></td></tr></table>
${s.status === 'open' ? `<form method="post" action="/c/pay/${s.id}/pay"><label for="card">Nomor kartu (uji)</label><br><input id="card" name="card" value="4242 4242 4242 4242" inputmode="numeric" autocomplete="off"><button class="pay" type="submit">Bayar ${rupiah(s.amount_total)}</button></form><form method="post" action="/c/pay/${s.id}/cancel"><button type="submit">Batal</button></form>` : `<p>Sesi ini sudah ${s.status === 'complete' ? 'dibayar' : 'kedaluwarsa'}.</p>`}
</body></html>`;

  const server: Server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const parts = url.pathname.split('/').filter(Boolean);
      if (parts[0] === 'c' && parts[1] === 'pay' && parts[2]) {
        const s = sessions.get(parts[2]);
        if (!s) return error(res, 404, 'No such session');
        if (req.method === 'GET') {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          return res.end(page(s));
        }
        if (parts[3] === 'pay' && s.status === 'open') {
          await pay(s.id);
          res.writeHead(303, { location: s.success_url });
          return res.end();
        }
        res.writeHead(303, { location: s.cancel_url });
        return res.end();
      }
      if (req.headers.authorization !== `Bearer ${secretKey}`) return error(res, 401, 'Invalid API Key provided');
      const form = parseForm(await read(req));
      if (req.method === 'POST' && url.pathname === '/v1/checkout/sessions') {
        const key = req.headers['idempotency-key'];
        const known = typeof key === 'string' ? byKey.get(key) : undefined;
        if (known) return json(res, 200, sessions.get(known));
        if (!form.success_url || !form.line_items) return error(res, 400, 'Missing required param: line_items');
        const session = createSession(form);
        if (typeof key === 'string') byKey.set(key, session.id);
        return json(res, 200, session);
      }
      if (parts[0] === 'v1' && parts[1] === 'checkout' && parts[2] === 'sessions' && parts[3]) {
        const s = sessions.get(parts[3]);
        if (!s) return error(res, 404, `No such checkout.session: '${parts[3]}'`);
        if (req.method === 'GET') return json(res, 200, s);
        if (req.method === 'POST' && parts[4] === 'expire') {
          if (s.status !== 'open') return error(res, 400, 'Only open sessions can be expired');
          s.status = 'expired';
          await deliver(eventOf('checkout.session.expired', s));
          return json(res, 200, s);
        }
      }
      if (req.method === 'POST' && url.pathname === '/v1/refunds') {
        const refund = { payment_intent: String(form.payment_intent), amount: Number(form.amount) };
        const key = req.headers['idempotency-key'];
        const k = typeof key === 'string' ? `refund:${key}` : undefined;
        if (!k || !byKey.has(k)) refunds.push(refund);
        if (k) byKey.set(k, refund.payment_intent);
        return json(res, 200, { id: id('re'), object: 'refund', status: 'succeeded', ...refund });
      }
      return error(res, 404, `Unrecognized request URL (${req.method}: ${url.pathname})`);
    } catch (e) {
      error(res, 500, (e as Error).message);
    }
  });
  await new Promise<void>((resolve) => server.listen(o.port ?? 0, '127.0.0.1', resolve));
  base = `http://localhost:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    secretKey,
    webhookSecret,
    sessions,
    refunds,
    deliver,
    pay,
    eventOf,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
