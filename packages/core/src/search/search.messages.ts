export const id = {
  'search.q.max': 'Kata pencarian maksimal 100 huruf.',
  'search.tab.invalid': 'Pilih lowongan, produk atau toko.',
  'search.district.invalid': 'Pilih kecamatan dari daftar.',
  'search.village.invalid': 'Pilih kelurahan dari daftar.',
  'search.price.invalid': 'Pilih rentang harga dari daftar.',
  'search.village.outside':
    'Kelurahan itu tidak ada di kecamatan yang dipilih. Pilih kelurahan di kecamatan itu, atau kosongkan kecamatan.',
  'search.salary.invalid': 'Gaji minimal ditulis dalam rupiah, misalnya 4.000.000.',
  'search.sort.invalid': 'Pilih urutan dari daftar.',
  'search.unavailable': 'Pencarian sedang tidak tersedia. Coba lagi sebentar lagi.',
};

export const en = {
  'search.q.max': 'Search words can be at most 100 characters.',
  'search.tab.invalid': 'Choose vacancies, products or shops.',
  'search.district.invalid': 'Choose a district from the list.',
  'search.village.invalid': 'Choose a village from the list.',
  'search.price.invalid': 'Choose a price range from the list.',
  'search.village.outside':
    'That village is not in the chosen district. Choose a village in that district, or clear the district.',
  'search.salary.invalid': 'Write the minimum salary in rupiah, for example 4.000.000.',
  'search.sort.invalid': 'Choose an order from the list.',
  'search.unavailable': 'Search is not available right now. Please try again in a moment.',
} satisfies Record<keyof typeof id, string>;
