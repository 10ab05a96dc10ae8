/**
 * `Content-Disposition` for a file the api sends: the name as given (RFC 6266, UTF-8 by RFC 8187)
 * and a plain ASCII fallback for old clients. Callers pass names already checked (no path parts, no
 * control characters): attachments at upload, documents from their templates' titles.
 */
export function contentDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
