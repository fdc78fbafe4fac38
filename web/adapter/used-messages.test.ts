import { describe, expect, it } from 'vitest';
import { messagesModule, usedKeys } from './used-messages.ts';

const keys = [
  'vacancy.not_found',
  'vacancy.title.min',
  'application.stage.hired',
  'application.stage.rejected',
  'order.status.paid',
  'notification.order_status',
  'shop.not_found',
  'internal',
];

describe('usedKeys', () => {
  it('keeps the keys a bundle writes as strings, in any quotes', () => {
    const code = `throw a("vacancy.not_found");b('vacancy.title.min');c(\`internal\`)`;
    expect([...usedKeys(code, keys)].sort()).toEqual(['internal', 'vacancy.not_found', 'vacancy.title.min']);
  });

  it('keeps every key under a prefix the bundle builds keys from, by template or by concatenation', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a bundle's text, templates included
    const code = 'r(`application.stage.${s}`);q("order.status."+t);n(`notification.${k.kind}`)';
    expect([...usedKeys(code, keys)].sort()).toEqual([
      'application.stage.hired',
      'application.stage.rejected',
      'notification.order_status',
      'order.status.paid',
    ]);
  });

  it('leaves out keys the bundle never names, and is not fooled by longer strings or dotless templates', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a bundle's text, templates included
    const code = '"my-shop.not_found";"the shop.not_found";`x-${y}`;`${a}.${b}`;"vacancy"';
    expect([...usedKeys(code, keys)]).toEqual([]);
  });
});

describe('messagesModule', () => {
  it('writes a module with only the kept keys, in both languages', async () => {
    const source = messagesModule(
      { id: { a: 'satu', b: 'dua "kutip"' }, en: { a: 'one', b: 'two "quoted"' } },
      new Set(['b']),
    );
    const mod = await import(`data:text/javascript,${encodeURIComponent(source)}`);
    expect(mod.id).toEqual({ b: 'dua "kutip"' });
    expect(mod.en).toEqual({ b: 'two "quoted"' });
  });
});
