import { describe, expect, it } from 'vitest';
import { registerSchema, signInSchema } from '../account/account.schema.ts';
import { companyFieldsSchema, rejectSchema } from '../company/company.schema.ts';
import { fairFieldsSchema, slotsSchema } from '../fair/fair.schema.ts';
import { check } from '../kernel/validation.ts';
import type * as z from '../kernel/zod.ts';
import { reportSchema } from '../moderation/moderation.schema.ts';
import { paymentSettingsSchema, placeOrderSchema, reviewSchema } from '../order/order.schema.ts';
import { profileFieldsSchema } from '../profile/profile.schema.ts';
import { addSchema, cohortSchema, programmeSchema } from '../programme/programme.schema.ts';
import { productFieldsSchema } from '../shop/product.schema.ts';
import { shopFieldsSchema } from '../shop/shop.schema.ts';
import { translate } from './index.ts';

/**
 * Every form tells everything at once: a cross-field check (dates in order,
 * "email or phone", a venue for an on-site fair…) is reported together with
 * the other fields' mistakes, not only after they are fixed. And over-long
 * text is refused, never cut, with a message that names the limit.
 */
const codesOf = (schema: z.ZodMiniType, input: unknown) =>
  check(schema, input).issues.map((i) => `${i.path} ${i.code}`);

describe('one round trip: cross-field checks run beside the other fields’ mistakes', () => {
  it('registration: no name, a weak password and neither email nor phone', () => {
    expect(codesOf(registerSchema, { password: 'pendek' })).toEqual(
      expect.arrayContaining([
        'name account.name.min',
        'password account.password.min',
        'email account.email_or_phone.required',
      ]),
    );
  });

  it('a fair: no name, dates and hours out of order, on site without a venue or kecamatan', () => {
    const codes = codesOf(fairFieldsSchema, {
      startDate: '2026-12-10',
      endDate: '2026-12-09',
      opensAt: '15:00',
      closesAt: '09:00',
      mode: 'onsite',
      registrationQuota: '100',
      boothQuota: '10',
    });
    expect(codes).toEqual(
      expect.arrayContaining([
        'name fair.name.length',
        'endDate fair.date.order',
        'closesAt fair.time.order',
        'venue fair.venue.required',
        'districtCode fair.district.required',
      ]),
    );
  });

  it('a cohort: no name, dates out of order, no place', () => {
    expect(
      codesOf(cohortSchema, { programmeId: 'p1', startDate: '2026-03-10', endDate: '2026-03-01', capacity: '20' }),
    ).toEqual(
      expect.arrayContaining([
        'name programme.cohort.name.length',
        'endDate programme.cohort.date.order',
        'villageCode programme.cohort.place.required',
      ]),
    );
  });

  it('checkout: no name, a bad phone, delivery without an address or kelurahan', () => {
    const codes = codesOf(placeOrderSchema, {
      shopId: 's1',
      lines: [{ productId: 'a'.repeat(20), qty: 1 }],
      buyerPhone: '123',
      delivery: 'local_delivery',
      payment: 'cod',
    });
    expect(codes).toEqual(
      expect.arrayContaining([
        'buyerName order.name.length',
        'buyerPhone account.phone.invalid',
        'address order.address.required',
        'villageCode order.village.required',
      ]),
    );
  });

  it('payment settings: no shop and transfer without a bank account', () => {
    expect(codesOf(paymentSettingsSchema, { methods: ['transfer'] })).toEqual(
      expect.arrayContaining(['shopId request.field.required', 'accountNumber shop.bank.required']),
    );
  });

  it('a work-experience row: no title, and the end year before the start year', () => {
    const codes = codesOf(profileFieldsSchema, {
      birthYear: '1998',
      districtCode: '36.71.01',
      villageCode: '36.71.01.1001',
      education: 'SMK',
      experience: [{ employer: 'PT A', startYear: '2020', endYear: '2019' }],
    });
    expect(codes).toEqual(
      expect.arrayContaining([
        'experience.0.title profile.experience.title',
        'experience.0.endYear profile.experience.years_order',
      ]),
    );
  });

  it('a product: no title, and neither stock nor made to order', () => {
    expect(codesOf(productFieldsSchema, { price: '25000', category: 'kuliner' })).toEqual(
      expect.arrayContaining(['title product.title.length', 'stock product.stock.required']),
    );
  });

  it('interview slots: too short, and a video call without its link', () => {
    const codes = codesOf(slotsSchema, {
      fairId: 'f1',
      companyId: 'c1',
      date: '2026-12-10',
      start: '09:00',
      minutes: '5',
      count: '4',
      how: 'video',
    });
    expect(codes).toEqual(expect.arrayContaining(['minutes fair.slot.minutes', 'link fair.slot.link_required']));
  });

  it('a participant: a one-letter name and a number that is not a mobile, together', () => {
    expect(codesOf(addSchema, { cohortId: 'c1', name: 'A', phone: '12345' })).toEqual([
      'name programme.participant.name.length',
      'phone programme.participant.phone.invalid',
    ]);
  });
});

describe('over-long text is refused, never cut, with a message naming the limit', () => {
  const long = (n: number) => 'x'.repeat(n + 1);
  const grouped = (n: number, sep: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  it.each([
    ['registration: name', registerSchema, 'name', 100],
    ['sign-in: email or phone', signInSchema, 'identifier', 254],
    ['company: name', companyFieldsSchema, 'name', 120],
    ['company: address', companyFieldsSchema, 'address', 300],
    ['company: description', companyFieldsSchema, 'description', 2000],
    ['company: reason to turn down', rejectSchema, 'reason', 500],
    ['profile: major', profileFieldsSchema, 'major', 80],
    ['shop: name', shopFieldsSchema, 'name', 60],
    ['shop: bio', shopFieldsSchema, 'bio', 300],
    ['shop: hours', shopFieldsSchema, 'hours', 100],
    ['product: title', productFieldsSchema, 'title', 80],
    ['product: description', productFieldsSchema, 'description', 2000],
    ['checkout: name', placeOrderSchema, 'buyerName', 80],
    ['checkout: address', placeOrderSchema, 'address', 300],
    ['checkout: note', placeOrderSchema, 'note', 500],
    ['payments: bank', paymentSettingsSchema, 'bankName', 40],
    ['payments: account holder', paymentSettingsSchema, 'accountName', 60],
    ['review', reviewSchema, 'text', 1000],
    ['fair: name', fairFieldsSchema, 'name', 100],
    ['fair: description', fairFieldsSchema, 'description', 2000],
    ['fair: venue', fairFieldsSchema, 'venue', 200],
    ['programme: name', programmeSchema, 'name', 120],
    ['programme: description', programmeSchema, 'description', 2000],
    ['cohort: track', cohortSchema, 'track', 80],
    ['cohort: institution', cohortSchema, 'institution', 120],
    ['report: note', reportSchema, 'note', 500],
  ] as const)('%s (%i)', (_what, schema, field, limit) => {
    const { data, issues } = check(schema as z.ZodMiniType, { [field]: long(limit) });
    expect(data).toBeUndefined();
    const issue = issues.find((i) => i.path === field);
    expect(issue, field).toBeDefined();
    if (!issue) return;
    expect(translate(issue.code, 'id', issue.params)).toContain(grouped(limit, '.'));
    expect(translate(issue.code, 'en', issue.params)).toContain(grouped(limit, ','));
    // Exactly at the limit is fine.
    expect(check(schema as z.ZodMiniType, { [field]: 'x'.repeat(limit) }).issues.some((i) => i.path === field)).toBe(
      false,
    );
  });
});
