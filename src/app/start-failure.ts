/**
 * What the page says when its own code could not be fetched (the network dropped between the
 * page and its scripts, as in a hall with poor coverage): the server's first screen stays
 * readable but nothing on it answers yet, or there is no screen at all. Plain DOM: React may be
 * what did not come. Kept at the bottom of the screen, so that appearing moves nothing.
 */
export function showStartFailure(error: unknown): void {
  console.error('the page could not start:', error);
  if (document.getElementById('start-failure')) return;
  const box = document.createElement('div');
  box.id = 'start-failure';
  box.className = 'start-failure';
  box.setAttribute('role', 'alert');
  const text = document.createElement('p');
  const shown = document.getElementById('root')?.firstChild
    ? 'Số liệu đang hiện vẫn đọc được, nhưng các nút và bộ lọc chưa dùng được.'
    : 'Trang chưa hiện được số liệu.';
  text.textContent = `Không tải được phần mềm của trang, có thể do mạng chập chờn. ${shown} Hãy kiểm tra mạng rồi tải lại trang.`;
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.textContent = 'Tải lại trang';
  reload.addEventListener('click', () => location.reload());
  box.append(text, reload);
  document.body.append(box);
}
