import type { FastifyReply } from 'fastify';

export const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Sends a workbook as a download. The Chinese file name goes in `filename*`
 * (RFC 6266); `filename` carries an ASCII fallback for old clients.
 */
export function sendWorkbook(reply: FastifyReply, bytes: Buffer, fileName: string, asciiFallback = 'export'): FastifyReply {
  const name = `${fileName}.xlsx`;
  return reply
    .header('content-type', xlsxContentType)
    .header('content-disposition', `attachment; filename="${asciiFallback}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .header('cache-control', 'no-store')
    .send(bytes);
}

/** 2026-11-30, for file names: the day of the export in China, where the records are kept. */
export function fileDate(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
