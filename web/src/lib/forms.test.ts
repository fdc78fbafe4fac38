import { conflict, DomainError, unauthenticated, ValidationError } from '@bursa/core/kernel';
import { describe, expect, it } from 'vitest';
import { formErrors, readForm } from './forms.ts';

const post = (body: Record<string, string>) =>
  new Request('http://localhost/', { method: 'POST', body: new URLSearchParams(body) });

describe('readForm', () => {
  it('keeps long text whole and counts a line break as one character, as the page counter does', async () => {
    const long = 'x'.repeat(5000);
    const values = await readForm(post({ description: long, address: 'Jl. Industri 7\r\nRT 02' }));
    expect(values.description).toBe(long);
    expect(values.address).toBe('Jl. Industri 7\nRT 02');
  });
});

describe('formErrors', () => {
  it('shows a field’s own message before one renamed onto it (the kelurahan says what is wrong with it)', () => {
    const e = new ValidationError([
      { path: 'districtCode', code: 'company.district.required' },
      { path: 'villageCode', code: 'company.village.required' },
    ]);
    const errors = formErrors(e, 'id', { fields: ['villageCode'], rename: { districtCode: 'villageCode' } });
    expect(errors.fields.villageCode).toBe('Pilih kelurahan.');
    expect(errors.title).toBe('Ada yang perlu diperbaiki');
  });

  it('puts "email or phone" on the pair, and the limit into an over-long field’s message', () => {
    const e = new ValidationError([
      { path: 'name', code: 'account.name.max' },
      { path: 'email', code: 'account.email_or_phone.required' },
    ]);
    const errors = formErrors(e, 'en', {
      fields: ['name', 'contact', 'email', 'phone'],
      byCode: { 'account.email_or_phone.required': 'contact' },
    });
    expect(errors.fields).toEqual({
      name: 'The name can be at most 100 characters.',
      contact: 'Enter an email address or a mobile number.',
    });
  });

  it('heads a refusal that is not about fields with what happened, not "fix these fields"', () => {
    const options = { fields: ['identifier', 'password'] };
    expect(formErrors(unauthenticated('auth.invalid_credentials'), 'id', options)).toMatchObject({
      status: 401,
      title: 'Tidak bisa masuk',
      summary: 'Email/nomor HP atau kata sandi salah.',
    });
    const limited = new DomainError('rate_limited', 'auth.too_many_attempts', { params: { minutes: 3 } });
    expect(formErrors(limited, 'en', options).title).toBe('Too many attempts');
    expect(formErrors(conflict('company.changed'), 'id', options).title).toBe('Sudah diubah di tempat lain');
    expect(formErrors(new DomainError('forbidden', 'company.not_member'), 'en', options).title).toBe('Not allowed');
    // A conflict about a field (an email already registered) is about fields.
    const taken = conflict('account.email_taken', [{ path: 'email', code: 'account.email.taken' }]);
    expect(formErrors(taken, 'id', { fields: ['email'] }).title).toBe('Ada yang perlu diperbaiki');
  });
});
