import { type Actor, loadConfig } from '@bursa/core/kernel';
import * as Region from '@bursa/core/region';
import * as Vacancy from '@bursa/core/vacancy';
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCvPdf } from '../../scripts/seed/pdf.ts';
import { startTestApp } from '../support/app.ts';
import { expectAccessible } from '../support/axe.ts';
import { androidPhone, launchBrowser } from '../support/browser.ts';

/**
 * The hiring funnel in Chromium on a 360 px phone: a resident builds a
 * profile, uploads a CV (straight to the local S3, checked when it comes
 * back) and applies; the employer shortlists, interviews and hires; the
 * resident sees "Diterima" and a notification.
 */
let app: Awaited<ReturnType<typeof startTestApp>>;
let browser: Browser;
let resident: Page;
let employer: Page;
let vacancy: Vacancy.Stored;
let village: { district: string; village: string };
const phone = `0857${String(Date.now()).slice(-8)}`;
const name = 'Lestari Handayani';

async function submit(p: Page, selector: string): Promise<Response | null> {
  const [response] = await Promise.all([p.waitForNavigation(), p.click(selector)]);
  return response;
}

beforeAll(async () => {
  app = await startTestApp();
  browser = await launchBrowser();
  resident = await (await browser.newContext(androidPhone)).newPage();
  employer = await (await browser.newContext(androidPhone)).newPage();
  const regency = await Region.get(app.db, '36.71');
  const d = regency.districts[2] as Region.District;
  village = { district: d.code, village: d.villages[0]?.code as string };
  const config = loadConfig({ ...process.env, TABLE_NAME: app.db.tableName });
  const page = await Vacancy.browse({ db: app.db, config, actor: undefined as Actor | undefined }, { limit: 50 });
  const found = page.items.find((v) => v.title === 'Operator Jahit');
  if (!found) throw new Error('the demo vacancy Operator Jahit is missing');
  vacancy = await Vacancy.get(app.db, found.id);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('a resident applies, the employer hires', () => {
  it('the resident registers, and the profile page says what is missing before applying', async () => {
    await resident.goto(`${app.url}/daftar`);
    await resident.fill('#f-name', name);
    await resident.fill('#f-phone', phone);
    await resident.fill('#f-password', 'rahasia2026');
    await submit(resident, 'main button[type=submit]');
    await resident.getByRole('link', { name: 'Profil pencari kerja' }).click();
    await resident.waitForURL(`${app.url}/saya/profil`);
    expect(await resident.textContent('[data-testid=missing]')).toContain('wajib untuk melamar');
  });

  it('builds a profile; an error shows at its field and keeps what was typed', async () => {
    await resident.fill('#f-birthYear', '1890');
    await resident.selectOption('#f-districtCode', village.district);
    await resident.selectOption('#f-villageCode', village.village);
    await resident.selectOption('#f-education', 'SMK');
    await resident.fill('#f-skills', 'Menjahit, Obras');
    expect((await submit(resident, 'button:has-text("Simpan profil")'))?.status()).toBe(400);
    expect(await resident.textContent('#f-birthYear-error')).toMatch(/tahun lahir/i);
    expect(await resident.inputValue('#f-skills')).toBe('Menjahit, Obras');
    // Many counted fields, one shared counter module.
    expect(await resident.locator('script[src="/char-count.js"]').count()).toBe(1);
    expect(await resident.locator('[data-testid=char-count]').count()).toBeGreaterThan(5);
    await resident.fill('#f-birthYear', '1999');
    await resident.selectOption('[name="certificates.0.programme"]', 'blk');
    await resident.fill('[name="certificates.0.institution"]', 'BLK Kota Tangerang');
    await resident.fill('[name="certificates.0.track"]', 'Menjahit');
    await resident.fill('[name="certificates.0.year"]', '2022');
    await submit(resident, 'button:has-text("Simpan profil")');
    expect(resident.url()).toContain('tersimpan=1');
    expect(await resident.textContent('[role=status]')).toContain('Profil tersimpan');
    await expectAccessible(resident);
  });

  it('uploads a CV straight to the bucket; a renamed picture is refused with a message', async () => {
    await resident.setInputFiles('#f-cv', {
      name: 'foto.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
    });
    await Promise.all([
      resident.waitForURL(/galat=media\.cv\.not_pdf/),
      resident.click('button:has-text("Unggah CV")'),
    ]);
    expect(await resident.textContent('#f-cv-error')).toContain('harus PDF');
    await resident.setInputFiles('#f-cv', {
      name: 'cv-lestari.pdf',
      mimeType: 'application/pdf',
      buffer: makeCvPdf(['Lestari Handayani', 'Penjahit, 4 tahun']),
    });
    await Promise.all([resident.waitForURL(/\/saya\/profil\?cv=1/), resident.click('button:has-text("Unggah CV")')]);
    expect(await resident.textContent('main')).toContain('CV tersimpan');
    // A photo of the training certificate, on its row.
    await resident.setInputFiles('#f-certificate-0', {
      name: 'sertifikat-blk.png',
      mimeType: 'image/png',
      buffer: Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(128)]),
    });
    await Promise.all([
      resident.waitForURL(/\/saya\/profil\?sertifikat=1/),
      resident.click('button:has-text("Unggah berkas sertifikat")'),
    ]);
    expect(await resident.textContent('#certificates-title + ul')).toContain('Berkas sertifikat tersimpan');
  });

  it('applies from the vacancy page, answering the company’s questions', async () => {
    await resident.goto(`${app.url}/lowongan/${vacancy.id}`);
    await resident.getByRole('link', { name: 'Lamar sekarang' }).click();
    await resident.waitForURL(`${app.url}/lowongan/${vacancy.id}/lamar`);
    expect(await resident.textContent('[data-testid=education-check]')).toContain('memenuhi syarat');
    await expectAccessible(resident);
    await resident.check('[name="answers.0"][value="yes"]');
    await resident.fill('[name="answers.1"]', 'Empat tahun di konveksi');
    await submit(resident, 'button:has-text("Kirim lamaran")');
    expect(new URL(resident.url()).pathname).toBe(`/saya/lamaran/${vacancy.id}`);
    expect(await resident.textContent('[role=status]')).toContain('Lamaran terkirim');
    expect(await resident.textContent('main')).toContain('Dilamar');
    await expectAccessible(resident);
  });

  it('the employer finds the applicant, sees the contact and CV, and moves them to hired', async () => {
    await app.settle();
    await employer.goto(`${app.url}/masuk`);
    await employer.fill('#f-identifier', 'hrd@sinargarmen.co.id');
    await employer.fill('#f-password', 'bursa2026');
    await submit(employer, 'main button[type=submit]');
    // The hiring company's own members get no apply box (the vacancy policy's `apply`).
    await employer.goto(`${app.url}/lowongan/${vacancy.id}`);
    expect(await employer.textContent('main')).toContain(vacancy.title);
    expect(await employer.getByRole('link', { name: 'Lamar sekarang' }).count()).toBe(0);
    await employer.goto(`${app.url}/saya/perusahaan/${vacancy.companyId}/lowongan/${vacancy.id}/pelamar?tahap=applied`);
    await expectAccessible(employer);
    await employer.getByRole('link', { name }).click();
    await employer.waitForURL(/\/pelamar\/[0-9a-z]{20}$/);
    expect(await employer.textContent('[data-testid=candidate-contact]')).toContain(phone);
    expect(await employer.locator('a:has-text("Buka CV")').count()).toBe(1);
    // The certificate's photo opens through a 5-minute link, as the CV does.
    const certificate = await employer.locator('a:has-text("Lihat sertifikat")').getAttribute('href');
    const opened = await employer.request.get(`${app.url}${certificate}`, { maxRedirects: 0 });
    expect(opened.status()).toBe(303);
    expect(new URL(opened.headers().location ?? '').searchParams.get('X-Amz-Expires')).toBe('300');
    for (const stage of ['Disaring', 'Wawancara', 'Diterima']) {
      await submit(employer, `button:has-text("${stage}")`);
      expect(await employer.textContent('[role=status]')).toContain('Tahap lamaran diperbarui');
    }
    expect(await employer.textContent('.lead')).toContain('Diterima');
    await expectAccessible(employer);
  });

  it('the resident sees "Diterima" and the notification', async () => {
    await app.settle();
    await resident.goto(`${app.url}/saya/lamaran/${vacancy.id}`);
    expect(await resident.textContent('[data-testid=next-step]')).toContain('Selamat');
    expect(await resident.textContent('[data-testid=bell]')).toMatch(/Notifikasi\s*3/);
    await resident.click('[data-testid=bell]');
    await resident.waitForURL(`${app.url}/saya/notifikasi`);
    expect(await resident.textContent('[data-testid=notifications] li:first-child')).toContain('Diterima');
    expect(await resident.locator('[data-testid=bell] .count').count()).toBe(0);
    await expectAccessible(resident);
    // And in English.
    await resident.goto(`${app.url}/en/saya/lamaran/${vacancy.id}`);
    expect(await resident.textContent('[data-testid=next-step]')).toContain('Congratulations');
    await resident.goto(`${app.url}/en/saya/profil`);
    expect(await resident.textContent('h1')).toBe('Job seeker profile');
    await expectAccessible(resident);
  });
});
