/**
 * The site's only script: progressive enhancement of the vacancy page's
 * "Bagikan" button where the phone can share natively. It lives here, as a
 * string, so the page inlines exactly these bytes and the Content-Security-Policy
 * allows exactly them by hash (security-headers.ts): change it here and both follow.
 */
export const SHARE_SCRIPT =
  "(function(){var b=document.getElementById('share');if(!b||!navigator.share)return;b.hidden=false;b.addEventListener('click',function(){navigator.share({title:b.dataset.title,text:b.dataset.text,url:b.dataset.url}).catch(function(){});});})();";
