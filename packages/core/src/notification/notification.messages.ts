export const id = {
  'notification.new_applicant': 'Pelamar baru untuk {vacancyTitle}: {applicantName}.',
  'notification.stage_changed': 'Lamaran Anda untuk {vacancyTitle} di {companyName}: {stage}.',
  'notification.stage_changed.rejected':
    'Lamaran Anda untuk {vacancyTitle} di {companyName} belum berhasil ({reason}). Tetap semangat, masih banyak lowongan lain.',
  'notification.vacancy_closed': 'Lowongan {vacancyTitle} ditutup oleh Disnaker: {reason}',
  'notification.company_verified':
    '{companyName} sudah diverifikasi Disnaker. Lowongannya kini bertanda terverifikasi.',
  'notification.company_revoked': 'Disnaker mencabut verifikasi {companyName}. Alasannya: {reason}',
  'notification.new_order': 'Pesanan baru {code} dari {buyerName}: {total}.',
  'notification.order_status': 'Pesanan {code} di {shopName}: {status}.',
  'notification.order_status.reason': 'Pesanan {code} di {shopName}: {status} ({reason}).',
  'notification.slot_booked': 'Wawancara Anda dengan {company} di {fair}: {time} WIB.',
  'notification.slot_booked_booth': '{name} memesan slot wawancara {time} WIB di booth {fair}.',
  'notification.slot_reminder': 'Pengingat: wawancara dengan {company} pukul {time} WIB ({fair}).',
  'notification.content_hidden': 'Disembunyikan oleh petugas Disnaker: {what} "{name}". Alasannya: {reason}',
  'notification.email.open': 'Buka di Bursa:',
  'notification.email.footer': 'Email ini dikirim otomatis oleh Bursa, bursa kerja dan pasar warga.',
} as const;

export const en = {
  'notification.new_applicant': 'New applicant for {vacancyTitle}: {applicantName}.',
  'notification.stage_changed': 'Your application for {vacancyTitle} at {companyName}: {stage}.',
  'notification.stage_changed.rejected':
    'Your application for {vacancyTitle} at {companyName} was not successful ({reason}). Keep going: there are many other vacancies.',
  'notification.vacancy_closed': 'Your vacancy {vacancyTitle} was closed by the manpower office: {reason}',
  'notification.company_verified':
    '{companyName} has been verified by the manpower office. Its vacancies now show the verified badge.',
  'notification.company_revoked': 'The manpower office revoked the verification of {companyName}. The reason: {reason}',
  'notification.new_order': 'New order {code} from {buyerName}: {total}.',
  'notification.order_status': 'Order {code} at {shopName}: {status}.',
  'notification.order_status.reason': 'Order {code} at {shopName}: {status} ({reason}).',
  'notification.slot_booked': 'Your interview with {company} at {fair}: {time} WIB.',
  'notification.slot_booked_booth': '{name} booked the {time} WIB interview slot at your booth at {fair}.',
  'notification.slot_reminder': 'Reminder: your interview with {company} at {time} WIB ({fair}).',
  'notification.content_hidden': 'Hidden by the manpower office: your {what} "{name}". The reason: {reason}',
  'notification.email.open': 'Open in Bursa:',
  'notification.email.footer': 'This email was sent automatically by Bursa, the job fair and marketplace.',
} satisfies Record<keyof typeof id, string>;
