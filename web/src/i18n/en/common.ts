import type { common as id } from '../id/common.ts';

/** Interface texts (common), English: exactly the Indonesian keys. */
export const common = {
  'site.name': 'Bursa',
  'site.tagline': 'Virtual job fair and small-business market',
  'nav.home': 'Home',
  'share.whatsApp': 'Share on WhatsApp',
  'share.native': 'Share',
  'nav.jobs': 'Jobs',
  'nav.fairs': 'Job fairs',
  'nav.market': 'Market',
  'nav.feed': 'Feed',
  'nav.language': 'Bahasa Indonesia',
  'nav.skip': 'Skip to content',
  'nav.menu': 'Main menu',
  'nav.mine': 'My page',
  'nav.signIn': 'Sign in',
  'nav.register': 'Register',
  'nav.signOut': 'Sign out',
  'nav.signedInAs': 'Signed in as',
  'footer.office': 'Manpower Office',
  'footer.note': 'A free public service for job seekers and small businesses.',
  'error.notFound.title': 'Page not found',
  'error.notFound.body': 'The address you opened does not exist. Go back to the home page.',
  'error.forbidden.title': 'No access',
  'error.forbidden.body':
    'This page is only for members of the company concerned or manpower office officers. If you are a member, sign in with the account that registered the company.',
  'error.home': 'Back to the home page',
  'form.optional': '(optional)',
  'form.errorTitle': 'Please correct the following',
  'form.checkFields': 'Check the highlighted fields.',
  'form.choose': 'Choose…',
  'form.none': 'None',
  'error.unavailable.title': 'Temporarily unavailable',
  'error.unavailable.body':
    'The service cannot be reached right now. None of your data is lost. Try again in a few moments.',
  'error.unavailable.retry': 'Try again',
} satisfies Record<keyof typeof id, string>;
