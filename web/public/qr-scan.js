// Scans a ticket's QR code with the camera where the browser can (BarcodeDetector),
// fills the check-in field and sends the form. Without it, officers type the short code.
(() => {
  const button = document.getElementById('scan');
  const video = document.getElementById('camera');
  const form = document.getElementById('checkin');
  const input = document.getElementById('f-input');
  if (!button || !video || !form || !input || !('BarcodeDetector' in window) || !navigator.mediaDevices) return;
  button.hidden = false;
  button.addEventListener('click', async () => {
    const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
    const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    video.srcObject = stream;
    video.hidden = false;
    await video.play();
    const tick = async () => {
      const codes = await detector.detect(video).catch(() => []);
      if (codes[0]?.rawValue) {
        for (const track of stream.getTracks()) track.stop();
        input.value = codes[0].rawValue;
        form.submit();
        return;
      }
      requestAnimationFrame(tick);
    };
    tick();
  });
})();
