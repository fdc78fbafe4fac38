// Progressive enhancement for photo upload forms (form[data-resize]): the phone
// shrinks the photo to at most 1600 px JPEG before sending, so a seller on a weak
// connection sends ~300 KB, not 5 MB. Without canvas, DataTransfer or
// createImageBitmap (or without JavaScript) the original is sent as is and the
// server still resizes it. Served from our own origin (the CSP allows 'self').
(() => {
  const MAX_EDGE = 1600;
  if (!window.createImageBitmap || !window.DataTransfer) return;
  document.querySelectorAll('form[data-resize]').forEach((form) => {
    form.addEventListener('submit', (event) => {
      const input = form.querySelector('input[type=file]');
      const button = form.querySelector('button[type=submit]');
      const file = input?.files?.[0];
      if (!file || form.dataset.resized) return;
      event.preventDefault();
      if (button) {
        button.disabled = true;
        if (button.dataset.busy) button.textContent = button.dataset.busy;
      }
      const send = () => {
        form.dataset.resized = '1';
        form.submit();
      };
      createImageBitmap(file, { imageOrientation: 'from-image' })
        .then((bitmap) => {
          const scale = Math.min(1, MAX_EDGE / Math.max(bitmap.width, bitmap.height));
          if (scale === 1 && file.size <= 600000) return send();
          const canvas = document.createElement('canvas');
          canvas.width = Math.round(bitmap.width * scale);
          canvas.height = Math.round(bitmap.height * scale);
          canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
          canvas.toBlob(
            (blob) => {
              if (blob && blob.size < file.size) {
                const files = new DataTransfer();
                files.items.add(new File([blob], 'foto.jpg', { type: 'image/jpeg' }));
                input.files = files.files;
              }
              send();
            },
            'image/jpeg',
            0.82,
          );
        })
        .catch(send);
    });
  });
})();
