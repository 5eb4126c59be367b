// Opens a URL in the default browser (fupin serve): rundll32 on Windows, `open` on macOS, xdg-open elsewhere. Best
// effort and never waited for: the address is printed too, and FUPIN_NO_OPEN=1 (tests, Wine) opens nothing.
import { spawn } from 'node:child_process';

export function openBrowser(url: string, env: Record<string, string | undefined> = process.env): boolean {
  if (env.FUPIN_NO_OPEN === '1') return false;
  const [cmd, args] =
    process.platform === 'win32'
      ? ['rundll32', ['url.dll,FileProtocolHandler', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args as string[], { detached: true, stdio: 'ignore', windowsHide: true });
    child.on('error', () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
}
